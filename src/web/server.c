/* server.c: libmicrohttpd glue: limits, per-thread database connections, the request life
 * cycle, security headers, the access log and graceful shutdown. */
#include "web/server.h"
#include "web/auth.h"
#include "web/cache.h"
#include "web/http.h"
#include "web/routes.h"
#include "web/stash.h"
#include "web/upload.h"
#include "core/xalloc.h"
#include "store/store.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_STORES 256
#define CONNECTION_TIMEOUT 15		/* seconds a slow client may stay idle */
#define CONNECTION_MEMORY (64 * 1024)	/* headers must fit; larger gets 431 from the library */
#define MAX_CONNECTIONS 1024
#define UPLOAD_SLOWER 4			/* an upload route's body may take 4 x --request-timeout */

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

static void security_headers(struct MHD_Response *resp)
{
	MHD_add_response_header(resp, "Content-Security-Policy",
		"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
		"form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
}

static enum MHD_Result send_response(struct MHD_Connection *conn, struct http_req *r)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	size_t len = r->method == HTTP_HEAD ? 0 : r->out.len;

	resp = MHD_create_response_from_buffer(len, r->out.ptr, MHD_RESPMEM_MUST_COPY);
	if (!resp)
		return MHD_NO;
	security_headers(resp);
	if (r->ctype)
		MHD_add_response_header(resp, "Content-Type", r->ctype);
	for (int i = 0; i < r->nheaders; i++)
		MHD_add_response_header(resp, r->hname[i], r->hval[i]);
	ret = MHD_queue_response(conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_size, void **con_cls)
{
	struct http_req *r = *con_cls;
	const char *cl;

	(void)cls;
	(void)version;
	if (!r) {
		/* queue nothing on the first call: libmicrohttpd 0.9.75 drops keep-alive otherwise */
		*con_cls = req_new(conn, url, method);
		r = *con_cls;
		if (r->method == HTTP_POST)
			r->body.max = body_limit(r);
		cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > r->body.max)
			r->body_too_big = 1;
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
	/* pages go on to the dispatcher, which answers 413 as a page after the access check */
	if (r->body_too_big && r->status == 0 && !http_is_page(r))
		http_error(r, 413, "too_large", "the body is larger than %zu bytes", r->body.max);
	else
		handle(r);
	return send_response(conn, r);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct http_req *r = *con_cls;

	(void)cls;
	(void)conn;
	if (!r)
		return;
	if (!server_conf.quiet) {
		char at[32];
		http_now_iso(at, sizeof(at));
		fprintf(stderr, "%s %s %s %s %d %zu %.3fms %s%s\n", at, r->remote,
			http_method_name(r->method), r->path, r->status, r->out.len,
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

int server_run(const struct server_conf *conf, struct err *e)
{
	struct MHD_Daemon *d;
	struct sockaddr_in sa;
	struct store *probe = NULL;
	sigset_t set;
	int sig, rc;

	server_conf = *conf;
	if (server_conf.request_seconds <= 0)
		server_conf.request_seconds = 30;
	if ((rc = parse_listen(conf->listen, &sa, e)) != LUP_OK)
		return -1;
	if (auth_init() != 0)
		return err_set(e, LUP_EINVAL, "cannot initialise libsodium"), -1;
	/* open once here so that a missing or too new database stops us before listening */
	if (store_open(conf->db, 0, &probe, e) != LUP_OK)
		return -1;
	store_close(probe);
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);	/* the workers inherit the mask */
	signal(SIGPIPE, SIG_IGN);
	/* ITC: MHD_quiesce_daemon stops the listening in every thread of the pool at shutdown */
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG, 0,
			     NULL, NULL, on_request, NULL,
			     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
			     MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(conf->threads > 0 ? conf->threads : 2),
			     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONNECTION_TIMEOUT,
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY,
			     MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
			     MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
			     MHD_OPTION_END);
	if (!d)
		return err_set(e, LUP_EIO, "cannot listen on %s (in use, or not allowed)", conf->listen), -1;
	if (write_port_file(d, conf->port_file, e) != LUP_OK) {
		MHD_stop_daemon(d);
		return -1;
	}
	fprintf(stderr, "lup serve: listening on %s (database %s)\n", conf->listen, conf->db);
	sigwait(&set, &sig);
	fprintf(stderr, "lup serve: %s: finishing requests in flight\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
	MHD_quiesce_daemon(d);
	MHD_stop_daemon(d);
	close_stores();
	cache_clear();
	stash_clear();
	fprintf(stderr, "lup serve: stopped\n");
	return 0;
}
