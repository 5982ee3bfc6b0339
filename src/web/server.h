/* server.h: the HTTP server (libmicrohttpd) that serves the API. */
#ifndef LUP_SERVER_H
#define LUP_SERVER_H

struct err;
struct MHD_Daemon;

struct server_conf {
	const char *db;		/* database path; each worker thread opens its own connection */
	const char *listen;	/* "127.0.0.1:8080"; port 0 picks a free one */
	int threads;		/* worker threads */
	int secure_cookies;	/* mark cookies Secure (behind TLS) */
	int quiet;		/* no access log */
	const char *port_file;	/* when set, the bound port is written there once listening */
	int no_cache;		/* do not cache public views (for measuring) */
	int request_seconds;	/* a request still sending its body after this long is cut off */
	int head_seconds;	/* a connection whose request head has not fully arrived this long
				 * after it began waiting (accept, or the previous response) is cut */
	int max_connections;	/* connections served at once (0: 1024) */
	int max_per_address;	/* connections at once from one client address (0: 128) */
};

/* The configuration, read-only once the server runs (handlers read secure_cookies). */
extern struct server_conf server_conf;

/*
 * server_run: serves until SIGINT or SIGTERM, then stops accepting, finishes the requests in
 * flight and closes the database connections. Returns 0 after a clean stop, or -1 with e set
 * (bad address, port in use, database missing).
 */
int server_run(const struct server_conf *conf, struct err *e);

/*
 * server_start: starts serving conf (copied into server_conf) on libmicrohttpd's own threads
 * and returns at once: the daemon, or NULL with e set (as server_run). The caller blocks the
 * signals its worker threads must not take before the call (they inherit the mask).
 * server_stop: stops accepting, finishes the requests in flight, closes the database
 * connections and empties the caches. server_run is the two around a wait for SIGINT/SIGTERM;
 * the HTTP fuzzer (tests/fuzz/fuzz-http.c) serves in its own process with them.
 */
struct MHD_Daemon *server_start(const struct server_conf *conf, struct err *e);
void server_stop(struct MHD_Daemon *d);

/* server_store: the calling worker thread's database connection (opened on first use), or
 * NULL with e set. */
struct store *server_store(struct err *e);

#endif
