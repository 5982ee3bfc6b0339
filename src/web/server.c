/* server.c: libmicrohttpd glue: limits, per-thread database connections, the request life
 * cycle, security headers, the access log and graceful shutdown. */
#include "web/server.h"
#include "web/auth.h"
#include "web/cache.h"
#include "web/guard.h"
#include "web/http.h"
#include "web/routes.h"
#include "web/stash.h"
#include "web/upload.h"
#include "web/writeq.h"
#include "core/xalloc.h"
#include "store/store.h"

#include <arpa/inet.h>
#include <errno.h>
#include <malloc.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define MAX_STORES 256
#define CONNECTION_TIMEOUT 15		/* seconds a slow client may stay idle */
#define CONNECTION_MEMORY (64 * 1024)	/* headers must fit; larger gets 431 from the library */
#define MAX_CONNECTIONS 2048		/* default --max-connections (1,000 kept-alive clients stay
					 * below the guard's shedding threshold, 7/8 of it) */
#define FD_RESERVE 256			/* files beside the connections: database, logs, uploads */
#define MAX_PER_ADDRESS 128		/* default --max-per-address (bench/http.sh runs wrk -c64) */
#define HEAD_SECONDS 10			/* default --head-timeout */
#define MAX_QUERY_PARAMS 256		/* more get 414 (1,000 overflowed the connection's pool) */
#define MAX_TARGET (16 * 1024)		/* a longer request target gets 414 (with 256 parameters,
					 * 52 KB overflowed the pool) */
enum { QUERY_PARAMS = 1, QUERY_LONG };	/* why on_uri refused a query */
#define UPLOAD_SLOWER 4			/* an upload route's body may take 4 x --request-timeout */
/* Memory the allocator keeps for reuse: a page's buffers (the largest district's page is 215 KB,
 * its copy for the library as much again) come from the heap and stay there for the next
 * request, instead of being mapped, faulted in page by page and given back on every request
 * (118 page faults and 6 % of that page's CPU). Larger blocks (exports, documents) are still
 * mapped and given back at once. */
#define HEAP_BLOCK_MAX (4 * 1024 * 1024)	/* larger allocations are mapped (M_MMAP_THRESHOLD) */
#define HEAP_KEEP (64 * 1024 * 1024)		/* free heap kept at the top (M_TRIM_THRESHOLD) */
#define WRITE_WAIT 5.0			/* seconds a write may wait for a writer thread before it
					 * is answered 503 (SQLite's busy timeout, which it replaces) */
#define WRITERS_UNLIMITED 4		/* writer threads when the backend has no write limit */
#define WRITE_METHODS (HTTP_POST | HTTP_PUT | HTTP_PATCH | HTTP_DELETE)	/* run by writer threads */

struct server_conf server_conf;

static _Thread_local struct store *tl_store;
static struct store *stores[MAX_STORES];
static int nstores;
static pthread_mutex_t stores_lock = PTHREAD_MUTEX_INITIALIZER;

struct store *server_store(struct err *e)
{
	if (tl_store)
		return tl_store;
	if (store_open(server_conf.db, 0, &tl_store, e) != LUP_OK)
		return NULL;
	store_set_viewer(tl_store, STORE_VIEW_PUBLIC, 0, 0);	/* until a request names its caller */
	pthread_mutex_lock(&stores_lock);
	if (nstores < MAX_STORES)
		stores[nstores++] = tl_store;
	pthread_mutex_unlock(&stores_lock);
	return tl_store;
}

static void close_stores(void)
{
	pthread_mutex_lock(&stores_lock);
	for (int i = 0; i < nstores; i++)
		store_close(stores[i]);
	nstores = 0;
	pthread_mutex_unlock(&stores_lock);
}

static double mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static enum http_method method_of(const char *m)
{
	static const struct { const char *name; enum http_method m; } map[] = {
		{ "GET", HTTP_GET }, { "HEAD", HTTP_HEAD }, { "POST", HTTP_POST }, { "PUT", HTTP_PUT },
		{ "PATCH", HTTP_PATCH }, { "DELETE", HTTP_DELETE }, { "OPTIONS", HTTP_OPTIONS },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(m, map[i].name) == 0)
			return map[i].m;
	return 0;
}

static struct http_req *req_new(struct MHD_Connection *conn, const char *url, const char *method)
{
	struct http_req *r = xcalloc(1, sizeof(*r));
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char addr[INET6_ADDRSTRLEN] = "?";

	r->conn = conn;
	r->t0 = mono();
	r->method = method_of(method);
	r->path = arena_strdup(&r->a, url);
	buf_init(&r->body, HTTP_MAX_BODY);
	buf_init(&r->out, (size_t)64 << 20);
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, addr, sizeof(addr));
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, addr, sizeof(addr));
	}
	r->remote = arena_strdup(&r->a, addr);
	return r;
}

static void req_free(struct http_req *r)
{
	buf_release(&r->body);
	buf_release(&r->out);
	arena_release(&r->a);
	free(r);
}

/*
 * body_limit: the body cap of r, decided on the first call before any body arrives:
 * HTTP_MAX_BODY, or UPLOAD_MAX_BODY for an R_UPLOAD route when the caller (identified here
 * once, ahead of handle) passes the route's access level, so that anonymous callers and other
 * roles cannot make the server hold 16 MiB per connection. Whatever this identification
 * answered (401, a cleared cookie) is dropped: handle identifies the caller again.
 */
static size_t body_limit(struct http_req *r)
{
	const struct route *rt = route_find(r);
	size_t max = HTTP_MAX_BODY;

	if (!rt || !(rt->flags & R_UPLOAD) || !(r->st = server_store(&r->err)))
		return max;
	if (auth_identify(r) == 0 && route_allows(r, rt))
		max = UPLOAD_MAX_BODY;
	memset(&r->user, 0, sizeof(r->user));
	memset(&r->err, 0, sizeof(r->err));
	buf_reset(&r->out);
	r->status = 0;
	r->ctype = NULL;
	r->nheaders = 0;
	return max;
}

/* to_writers: 1 when r goes to the writer threads (writeq.h): a write, other than a login,
 * whose time is the password check (Argon2id, on purpose slow), not the database's: logins stay
 * on the pool threads, as before, so that a morning's logins do not queue one after another
 * behind the one writer of SQLite. */
static int to_writers(struct http_req *r)
{
	const struct route *rt;

	if (!(r->method & WRITE_METHODS))
		return 0;
	rt = route_find(r);
	return !rt || !(rt->flags & R_LOGIN);
}

/* handle: identifies the caller and runs the route; fills r's response. */
static void handle(struct http_req *r)
{
	if (!r->method) {
		http_error(r, 405, "method_not_allowed", "unknown method");
		return;
	}
	if (!(r->st = server_store(&r->err))) {
		http_fail(r);
		return;
	}
	if (r->method & (HTTP_GET | HTTP_HEAD)) {
		/* one snapshot and one lock for all the reads of a view */
		if (store_begin_read(r->st, &r->err) != LUP_OK) {
			http_fail(r);
			return;
		}
		if (auth_identify(r) == 0)
			route_dispatch(r);
		store_rollback(r->st);
	} else if (auth_identify(r) == 0) {
		route_dispatch(r);
	}
	if (!r->status)
		http_error(r, 500, "internal", "the handler gave no answer");
}

/* security_headers: the headers of every response; Cache-Control no-store unless own_cache
 * (the handler chose its own, a download's) */
static void security_headers(struct MHD_Response *resp, int own_cache)
{
	MHD_add_response_header(resp, "Content-Security-Policy",
		"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
		"form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	if (!own_cache)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
}

static enum MHD_Result send_response(struct MHD_Connection *conn, struct http_req *r)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	size_t len = r->method == HTTP_HEAD ? 0 : r->out.len;

	if (len) {
		/* the body's memory goes to the library, which frees it once sent: no copy */
		char *body = buf_detach(&r->out, &r->out_sent);
		if (!body)
			return MHD_NO;
		resp = MHD_create_response_from_buffer_with_free_callback(len, body, free);
		if (!resp)
			free(body);
	} else {
		resp = MHD_create_response_from_buffer(0, r->out.ptr, MHD_RESPMEM_MUST_COPY);
	}
	if (!resp)
		return MHD_NO;
	int own_cache = 0;
	for (int i = 0; i < r->nheaders; i++)
		own_cache |= strcasecmp(r->hname[i], "Cache-Control") == 0;
	security_headers(resp, own_cache);
	if (r->ctype)
		MHD_add_response_header(resp, "Content-Type", r->ctype);
	for (int i = 0; i < r->nheaders; i++)
		MHD_add_response_header(resp, r->hname[i], r->hval[i]);
	ret = MHD_queue_response(conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* What the first call learns from the request headers, for head_refusal. */
struct head_scan {
	const char *start, *end;	/* the raw request head in the connection's read buffer */
	const char *prev_key, *prev_end;	/* the previous header's name and the end of its value */
	const char *bad;		/* a header whose value holds a NUL */
	const char *cl;			/* the first Content-Length */
	int ncl, cl_bad, te;		/* Content-Length headers, one malformed, a Transfer-Encoding */
};

/*
 * nul_after: 1 when the bytes from h->prev_end up to next hold more than line ends and blanks.
 * libmicrohttpd 0.9.75 parses the head in place and takes a header value up to its first NUL,
 * so a NUL inside a value leaves the rest of the value between the two headers (the library
 * writes NULs only over the ':' and the line ends, at most two a line).
 */
static int nul_after(const struct head_scan *h, const char *next)
{
	int nuls = 0;

	if (!h->prev_end || h->prev_end < h->start || next > h->end || next < h->prev_end)
		return 0;	/* not in the read buffer as expected: nothing to tell */
	for (const char *p = h->prev_end; p < next; p++) {
		if (!*p)
			nuls++;
		else if (*p != '\r' && *p != '\n' && *p != ' ' && *p != '\t')
			return 1;
	}
	/* CR LF, and after the last header the empty line's CR LF */
	return nuls > (next == h->end ? 4 : 2);
}

static enum MHD_Result scan_header(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
				   const char *value, size_t value_size)
{
	struct head_scan *h = cls;

	(void)kind;
	(void)key_size;
	if (!key || !value)
		return MHD_YES;
	if (!h->bad && nul_after(h, key))
		h->bad = h->prev_key;
	h->prev_key = key;
	h->prev_end = value + value_size;
	if (strcasecmp(key, "Transfer-Encoding") == 0)
		h->te = 1;
	if (strcasecmp(key, "Content-Length") != 0)
		return MHD_YES;
	if (!*value || strspn(value, "0123456789") != value_size || value_size > 19)
		h->cl_bad = 1;
	if (!h->ncl++)
		h->cl = value;
	return MHD_YES;
}

/*
 * head_refusal: answers at once what must not wait for a body or reach a handler: a query
 * on_uri refused (414), a NUL in a header (400), an ambiguous length (two Content-Length
 * headers, even equal ones, a malformed one, or one with Transfer-Encoding: 400; what a proxy
 * in front might read differently), a chunked body (411: the library hides chunk sizes, so no
 * limit could be put on them). head is the start of the raw head (the method, where the
 * library's read buffer begins). Sets max_cl to the declared length. Returns the refusal's
 * status (r holds it), or 0.
 */
static int head_refusal(struct MHD_Connection *conn, struct http_req *r, const char *head,
			unsigned long long *max_cl)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE);
	struct head_scan h = { .start = head, .end = ci ? head + ci->header_size : head };

	*max_cl = 0;
	switch (guard_take_query(conn)) {
	case QUERY_PARAMS:
		return http_error(r, 414, "uri_too_long", "the query has more than %d parameters", MAX_QUERY_PARAMS);
	case QUERY_LONG:
		return http_error(r, 414, "uri_too_long", "the request target is longer than %d bytes", MAX_TARGET);
	}
	MHD_get_connection_values_n(conn, MHD_HEADER_KIND, scan_header, &h);
	if (!h.bad && nul_after(&h, h.end))
		h.bad = h.prev_key;
	if (h.bad)
		return http_error(r, 400, "bad_request", "the header '%s' holds a NUL byte", h.bad);
	if (h.ncl > 1)
		return http_error(r, 400, "bad_request", "more than one Content-Length header");
	if (h.cl_bad)
		return http_error(r, 400, "bad_request", "the Content-Length header is not a length");
	if (h.te && h.ncl)
		return http_error(r, 400, "bad_request", "both Content-Length and Transfer-Encoding headers");
	if (h.te)
		return http_error(r, 411, "length_required",
				  "a body sent with Transfer-Encoding is not accepted: send it with Content-Length");
	*max_cl = h.cl ? strtoull(h.cl, NULL, 10) : 0;
	return 0;
}

/* first_call: the request head has arrived. Returns 1 when r is answered already (a refusal or
 * a body over its limit), else 0 (the body, if any, follows). */
static int first_call(struct MHD_Connection *conn, struct http_req *r, const char *head)
{
	unsigned long long cl;

	guard_head_done(conn);
	if (head_refusal(conn, r, head, &cl))
		return 1;
	if (r->method == HTTP_POST)
		r->body.max = body_limit(r);
	if (cl <= r->body.max)
		return 0;
	/* too large: answer before any of the body is read (pages get their 413 as a page from
	 * the dispatcher, after its access check) */
	r->body_too_big = 1;
	if (http_is_page(r))
		handle(r);
	else
		http_error(r, 413, "too_large", "the body is larger than %zu bytes", r->body.max);
	return 1;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_size, void **con_cls)
{
	struct http_req *r = *con_cls;

	(void)cls;
	(void)version;
	if (!r) {
		*con_cls = r = req_new(conn, url, method);
		if (first_call(conn, r, method)) {
			/* the body stays unread, so the library closes the connection after this */
			http_header(r, "Connection", "close");
			return send_response(conn, r);
		}
		/* queue nothing else on the first call: libmicrohttpd 0.9.75 drops keep-alive otherwise */
		return MHD_YES;
	}
	if (*upload_size) {
		/* an upload may take longer than a form: UPLOAD_SLOWER times the request time limit */
		double limit = server_conf.request_seconds * (r->body.max > HTTP_MAX_BODY ? UPLOAD_SLOWER : 1);
		if (mono() - r->t0 > limit) {
			/* a client trickling its body: close the connection rather than wait */
			r->status = 408;
			return MHD_NO;
		}
		if (!r->body_too_big && buf_add(&r->body, upload, *upload_size) < 0)
			r->body_too_big = 1;
		*upload_size = 0;
		return MHD_YES;
	}
	/* a writer thread answered it and resumed the connection: send the answer (the library
	 * does not call while the connection is suspended; were it to, the write must not run twice) */
	if (r->deferred == WQ_ANSWERED)
		return send_response(conn, r);
	if (r->deferred == WQ_QUEUED)
		return MHD_YES;
	/* pages go on to the dispatcher, which answers 413 as a page after the access check */
	if (r->body_too_big && r->status == 0 && !http_is_page(r))
		http_error(r, 413, "too_large", "the body is larger than %zu bytes", r->body.max);
	else if (to_writers(r) && writeq_submit(r) == 0)
		return MHD_YES;	/* suspended until a writer thread has answered it */
	else
		handle(r);
	return send_response(conn, r);
}

/*
 * on_uri: the URI log callback, called with the raw request target before libmicrohttpd parses
 * its query into the connection's memory pool, where some 1,000 parameters (or 256 in 52 KB) do
 * not fit: the library then closes the connection without an answer. A query with more than
 * MAX_QUERY_PARAMS parameters, or a target longer than MAX_TARGET bytes, is flagged for a 414
 * and cut at its '?': the target is the connection's own read buffer, which 0.9.75 parses only
 * after this call.
 */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	const char *q = strchr(uri, '?');
	int n = 1;

	(void)cls;
	if (!q)
		return NULL;
	for (const char *p = q + 1; *p && n <= MAX_QUERY_PARAMS; p++)
		if (*p == '&')
			n++;
	if (n > MAX_QUERY_PARAMS || strnlen(uri, MAX_TARGET + 1) > MAX_TARGET) {
		guard_flag_query(conn, n > MAX_QUERY_PARAMS ? QUERY_PARAMS : QUERY_LONG);
		((char *)q)[1] = '\0';
	}
	return NULL;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct http_req *r = *con_cls;

	(void)cls;
	/* a kept-alive connection now waits for its next head: its deadline starts again */
	guard_head_wait(conn);
	if (!r)
		return;
	if (!server_conf.quiet) {
		char at[32];
		http_now_iso(at, sizeof(at));
		fprintf(stderr, "%s %s %s %s %d %zu %.3fms %s%s\n", at, r->remote,
			http_method_name(r->method), r->path, r->status, r->out.len + r->out_sent,
			(mono() - r->t0) * 1000.0, r->user.id ? r->user.name : "-",
			toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (aborted)");
	}
	req_free(r);
	*con_cls = NULL;
}

static int parse_listen(const char *listen, struct sockaddr_in *sa, struct err *e)
{
	char host[64];
	const char *colon = strrchr(listen, ':');
	char *end;
	long port;

	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	if (!colon || (size_t)(colon - listen) >= sizeof(host))
		return err_set(e, LUP_EINVAL, "--listen '%s': expected ADDRESS:PORT", listen);
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	errno = 0;
	port = strtol(colon + 1, &end, 10);
	if (errno || end == colon + 1 || *end || port < 0 || port > 65535)
		return err_set(e, LUP_EINVAL, "--listen '%s': bad port", listen);
	if (inet_pton(AF_INET, host, &sa->sin_addr) != 1)
		return err_set(e, LUP_EINVAL, "--listen '%s': '%s' is not an IPv4 address", listen, host);
	sa->sin_port = htons((uint16_t)port);
	return LUP_OK;
}

static int write_port_file(struct MHD_Daemon *d, const char *path, struct err *e)
{
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	FILE *f;

	if (!path)
		return LUP_OK;
	if (!di || !(f = fopen(path, "w")))
		return err_set(e, LUP_EIO, "cannot write the port to '%s'", path);
	fprintf(f, "%u\n", (unsigned)di->port);
	fclose(f);
	return LUP_OK;
}

/*
 * start_daemon: libmicrohttpd with poll(2), not epoll: with 0.9.75's epoll, a worker thread
 * that reached its share of the connection cap (the cap / --threads) left every connection it
 * had accepted unserved until the idle timeout (measured: after bursts of 1,000 connections
 * with 8 threads, exactly 128, 256 or 384 requests, whole workers, got no answer for 15 s;
 * with poll none in the same runs). ITC: MHD_quiesce_daemon stops the listening in every
 * thread of the pool at shutdown and wakes a pool thread whose connection a writer thread
 * resumed (writeq.h).
 */
static struct MHD_Daemon *start_daemon(const struct sockaddr_in *sa)
{
	return MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ITC |
				MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG, 0,
				NULL, NULL, on_request, NULL,
				MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)sa,
				MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(server_conf.threads > 0 ? server_conf.threads : 2),
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONNECTION_TIMEOUT,
				MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY,
				MHD_OPTION_CONNECTION_LIMIT, (unsigned)server_conf.max_connections,
				MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)server_conf.max_per_address,
				MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
				MHD_OPTION_NOTIFY_CONNECTION, guard_notify, NULL,
				MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
				MHD_OPTION_END);
}

/* raise_fd_limit: lifts the soft limit of open files to want (at most the hard limit), so that
 * the connection cap, not EMFILE, bounds the connections; a failure leaves the limit as it is */
static void raise_fd_limit(rlim_t want)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= want)
		return;
	rl.rlim_cur = rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want ? rl.rlim_max : want;
	(void)setrlimit(RLIMIT_NOFILE, &rl);
}

struct MHD_Daemon *server_start(const struct server_conf *conf, struct err *e)
{
	struct MHD_Daemon *d;
	struct sockaddr_in sa;
	struct store *probe = NULL;
	int writers;

	server_conf = *conf;
	if (server_conf.request_seconds <= 0)
		server_conf.request_seconds = 30;
	if (server_conf.head_seconds <= 0)
		server_conf.head_seconds = HEAD_SECONDS;
	if (server_conf.max_connections <= 0)
		server_conf.max_connections = MAX_CONNECTIONS;
	if (server_conf.max_per_address <= 0)
		server_conf.max_per_address = MAX_PER_ADDRESS;
	if (parse_listen(conf->listen, &sa, e) != LUP_OK)
		return NULL;
	if (auth_init() != 0)
		return err_set(e, LUP_EINVAL, "cannot initialise libsodium"), NULL;
	if (auth_test_pwhash())
		fprintf(stderr, "lup serve: LUP_TEST_PWHASH=fast: new passwords get Argon2id's minimum "
			"cost (a test setting, never for real accounts)\n");
	/* open once here so that a missing or too new database stops us before listening */
	if (store_open(conf->db, 0, &probe, e) != LUP_OK)
		return NULL;
	writers = store_max_writers(probe);
	store_close(probe);
	signal(SIGPIPE, SIG_IGN);
	raise_fd_limit((rlim_t)server_conf.max_connections + FD_RESERVE);
	if (guard_start(server_conf.head_seconds, (unsigned)server_conf.max_connections) != 0)
		return err_set(e, LUP_EIO, "cannot start the connection watchdog"), NULL;
	/* without writer threads, writes run on the pool threads as they come (writeq_submit refuses) */
	(void)writeq_start(writers > 0 ? writers : WRITERS_UNLIMITED, handle, WRITE_WAIT);
	d = start_daemon(&sa);
	if (!d) {
		writeq_stop();
		guard_stop();
		return err_set(e, LUP_EIO, "cannot listen on %s (in use, or not allowed)", conf->listen), NULL;
	}
	if (write_port_file(d, conf->port_file, e) != LUP_OK) {
		server_stop(d);
		return NULL;
	}
	return d;
}

void server_stop(struct MHD_Daemon *d)
{
	MHD_quiesce_daemon(d);
	/* the writes handed over are run and their connections resumed: the library must find no
	 * suspended connection when it stops */
	writeq_stop();
	MHD_stop_daemon(d);
	guard_stop();
	close_stores();
	cache_clear();
	stash_clear();
}

int server_run(const struct server_conf *conf, struct err *e)
{
	struct MHD_Daemon *d;
	sigset_t set, old;
	int sig;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, &old);	/* the workers inherit the mask */
	mallopt(M_MMAP_THRESHOLD, HEAP_BLOCK_MAX);
	mallopt(M_TRIM_THRESHOLD, HEAP_KEEP);
	if (!(d = server_start(conf, e))) {
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		return -1;
	}
	fprintf(stderr, "lup serve: listening on %s (database %s)\n", conf->listen, conf->db);
	sigwait(&set, &sig);
	fprintf(stderr, "lup serve: %s: finishing requests in flight\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
	server_stop(d);
	fprintf(stderr, "lup serve: stopped\n");
	return 0;
}
