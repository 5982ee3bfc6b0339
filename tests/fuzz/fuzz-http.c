/* fuzz-http.c: libFuzzer target for the HTTP server as a whole: libmicrohttpd's request parser
 * and lup's glue behind it (server.c: the head checks, the body limits), the routing
 * (routes.c: path patterns, methods, access), the query string, headers and cookies
 * (auth.c: bearer tokens, session cookies, CSRF), and the JSON and form bodies of the
 * handlers. The server runs in this process (server_start) on a database of the demo dataset
 * made once in a new temporary directory, with an editor of spanga-tensta-stadsdelsnamnd who
 * has an API token and a logged-in session; each input is sent as it is, as one connection's
 * bytes, and the answer is read to the end of the connection.
 * Placeholders in the input are replaced before sending, so that the seeds (and what the
 * mutations make of them) get past authentication: @TOKEN@ by the editor's API token,
 * @SESSION@ by the session cookie's value, @CSRF@ by the session's CSRF token.
 * Whatever the input: no crash, leak or undefined behaviour (ASan, UBSan), every answer is an
 * HTTP/1.x status line, and none is a 500 (the server never fails on what a client sends).
 * LUP_FUZZ_DATASET names the dataset (default data/stockholm: run from the repository).
 * LUP_FUZZ_PG=ADDRESS (postgresql:///NAME?host=DIR) runs the same on PostgreSQL: the demo
 * dataset goes into that database, which must be new or empty (tests/fuzz/run.sh makes it,
 * `make fuzz LUP_FUZZ_PG=DIR`); it is left behind for the caller to drop. */
#include "cmd/cmd.h"
#include "core/err.h"
#include "web/server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define EDITOR "fuzzeditor"
#define PASSWORD "fuzzpassword1"
#define ORG "spanga-tensta-stadsdelsnamnd"

static int port;
static struct MHD_Daemon *daemon_;
static char token[160], session[160], csrf[160];
static char dir[64] = "/tmp/lup-fuzz-http.XXXXXX";
static const char *db_path;	/* the SQLite file in dir, or LUP_FUZZ_PG's address */

static void die(const char *what)
{
	fprintf(stderr, "fuzz-http: %s\n", what);
	exit(1);
}

/* run_cmd: runs a lup command on the fuzz database with stdin from in (or as it is) and its
 * stdout into out (or as it is); dies when it fails */
static void run_cmd(const struct cmd *cmd, char **argv, int argc, const char *in, const char *out)
{
	struct cmd_ctx c = { 0 };
	int saved_in = -1, saved_out = -1, fd, rc;

	c.db = db_path;
	fflush(stdout);
	if (in) {
		saved_in = dup(0);
		if ((fd = open(in, O_RDONLY)) < 0 || dup2(fd, 0) < 0)
			die("cannot redirect stdin");
		close(fd);
		clearerr(stdin);
	}
	if (out) {
		saved_out = dup(1);
		if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 || dup2(fd, 1) < 0)
			die("cannot redirect stdout");
		close(fd);
	}
	rc = cmd->run(&c, argc, argv);
	fflush(stdout);
	if (saved_in >= 0)
		dup2(saved_in, 0), close(saved_in);
	if (saved_out >= 0)
		dup2(saved_out, 1), close(saved_out);
	if (rc != EXIT_OK)
		die(argv[0]);
}

static void slurp_line(const char *path, char *out, size_t n)
{
	FILE *f = fopen(path, "r");

	if (!f || !fgets(out, (int)n, f))
		die("cannot read the token");
	fclose(f);
	out[strcspn(out, "\r\n")] = '\0';
}

/* exchange: sends len bytes as one connection and reads the answer into out (at most n - 1
 * bytes kept, NUL-terminated) until the server closes; returns the bytes received */
static size_t exchange(const char *req, size_t len, char *out, size_t n)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	struct pollfd pfd;
	size_t got = 0, kept = 0;
	char chunk[16384];
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0)
		die("cannot connect to the server");
	for (size_t off = 0; off < len;) {
		ssize_t w = send(fd, req + off, len - off, MSG_NOSIGNAL);
		if (w <= 0)
			break;	/* the server answered and closed before reading it all */
		off += (size_t)w;
	}
	shutdown(fd, SHUT_WR);
	pfd.fd = fd;
	pfd.events = POLLIN;
	/* bounded: the server closes a connection whose client has nothing more to send */
	while (poll(&pfd, 1, 20000) == 1) {
		ssize_t r = recv(fd, chunk, sizeof(chunk), 0);
		if (r <= 0)
			break;
		if (kept + 1 < n) {
			size_t k = (size_t)r < n - 1 - kept ? (size_t)r : n - 1 - kept;
			memcpy(out + kept, chunk, k);
			kept += k;
		}
		got += (size_t)r;
	}
	out[kept] = '\0';
	close(fd);
	return got;
}

static void login(void)
{
	static const char body[] = "{\"name\":\"" EDITOR "\",\"password\":\"" PASSWORD "\"}";
	char req[512], ans[16384];
	const char *p;

	snprintf(req, sizeof(req), "POST /api/v1/login HTTP/1.1\r\nHost: lup\r\nContent-Type: application/json\r\n"
		 "Content-Length: %zu\r\nConnection: close\r\n\r\n%s", strlen(body), body);
	exchange(req, strlen(req), ans, sizeof(ans));
	if (!(p = strstr(ans, "lup_session=")) || sscanf(p + 12, "%159[^;\r\n]", session) != 1)
		die("the login gave no session");
	if (!(p = strstr(ans, "\"csrf_token\":\"")) || sscanf(p + 14, "%159[^\"]", csrf) != 1)
		die("the login gave no CSRF token");
}

/* cleanup: at exit, the server stops and the temporary directory goes */
static void cleanup(void)
{
	static const char *const names[] = { "fuzz.db", "fuzz.db-wal", "fuzz.db-shm", "port", "pw", "token" };
	char path[128];

	if (daemon_)
		server_stop(daemon_);
	daemon_ = NULL;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static struct server_conf conf;
	static char db[512], portfile[128];
	char pwfile[128], tokfile[128];
	struct err e = { 0 };
	const char *dataset = getenv("LUP_FUZZ_DATASET") ? getenv("LUP_FUZZ_DATASET") : "data/stockholm";
	FILE *f;

	(void)argc;
	(void)argv;
	if (!mkdtemp(dir))
		die("cannot make a temporary directory");
	atexit(cleanup);
	if (getenv("LUP_FUZZ_PG") && *getenv("LUP_FUZZ_PG")) {
		if (strncmp(getenv("LUP_FUZZ_PG"), "postgresql://", 13) != 0 ||
		    strlen(getenv("LUP_FUZZ_PG")) >= sizeof(db))
			die("LUP_FUZZ_PG is a postgresql:// address");
		snprintf(db, sizeof(db), "%s", getenv("LUP_FUZZ_PG"));
	} else {
		snprintf(db, sizeof(db), "%s/fuzz.db", dir);
	}
	db_path = db;
	snprintf(portfile, sizeof(portfile), "%s/port", dir);
	snprintf(pwfile, sizeof(pwfile), "%s/pw", dir);
	snprintf(tokfile, sizeof(tokfile), "%s/token", dir);
	if (!(f = fopen(pwfile, "w")))
		die("cannot write the password file");
	fprintf(f, "%s\n", PASSWORD);
	fclose(f);
	run_cmd(&cmd_demo, (char *[]){ "demo", (char *)dataset, NULL }, 2, NULL, "/dev/null");
	run_cmd(&cmd_user, (char *[]){ "user", "add", EDITOR, "--role", "editor", "--org", ORG, NULL }, 7, pwfile,
		"/dev/null");
	run_cmd(&cmd_token, (char *[]){ "token", "create", EDITOR, NULL }, 3, NULL, tokfile);
	slurp_line(tokfile, token, sizeof(token));
	conf = (struct server_conf){ .db = db, .listen = "127.0.0.1:0", .threads = 1, .quiet = 1,
				     .port_file = portfile };
	if (!(daemon_ = server_start(&conf, &e)))
		die(e.msg);
	if (!(f = fopen(portfile, "r")) || fscanf(f, "%d", &port) != 1)
		die("cannot read the port");
	fclose(f);
	login();
	fprintf(stderr, "fuzz-http: serving %s on port %d\n", db, port);
	return 0;
}

/* expand: the input with its placeholders replaced, into out (malloc'ed); returns its length */
static size_t expand(const uint8_t *data, size_t size, char **out)
{
	static const struct { const char *ph; const char *val; } subs[] = {
		{ "@TOKEN@", token }, { "@SESSION@", session }, { "@CSRF@", csrf },
	};
	size_t cap = size * 24 + 1, n = 0;	/* each placeholder (>= 6 bytes) grows < 24 times */
	char *o = malloc(cap);

	if (!o)
		abort();
	for (size_t i = 0; i < size;) {
		size_t k = 0;
		for (; k < sizeof(subs) / sizeof(subs[0]); k++) {
			size_t pl = strlen(subs[k].ph);
			if (size - i >= pl && memcmp(data + i, subs[k].ph, pl) == 0) {
				size_t vl = strlen(subs[k].val);
				memcpy(o + n, subs[k].val, vl);
				n += vl;
				i += pl;
				break;
			}
		}
		if (k == sizeof(subs) / sizeof(subs[0]))
			o[n++] = (char)data[i++];
	}
	*out = o;
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char ans[1 << 16];
	char *req;
	size_t len = expand(data, size, &req);
	size_t got = exchange(req, len, ans, sizeof(ans));

	free(req);
	/* every answer the connection carried is a status line; none is a 500 */
	for (const char *p = ans; got && p && *p; p = strstr(p + 1, "\r\n\r\nHTTP/1.")) {
		const char *line = p == ans ? p : p + 4;
		if (strncmp(line, "HTTP/1.", 7) != 0)
			break;	/* a body that is not an answer: only the first must be one */
		if (strncmp(line + 8, " 500", 4) == 0) {
			fprintf(stderr, "fuzz-http: a 500 answer:\n%.2000s\n", line);
			abort();
		}
	}
	if (got && strncmp(ans, "HTTP/1.", 7) != 0) {
		fprintf(stderr, "fuzz-http: not an HTTP answer:\n%.300s\n", ans);
		abort();
	}
	return 0;
}
