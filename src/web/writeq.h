/* writeq.h: the requests that may write run on writer threads of their own, not on
 * libmicrohttpd's pool threads.
 *
 * A pool thread polls many connections, and a handler that blocks stalls all of them: on SQLite
 * a write holds the database's one write lock, and a second write in another pool thread waits
 * for it in the busy handler, so both pool threads could be busy with writes while cached reads
 * queue behind them. Instead the pool thread suspends a writing request's connection
 * (MHD_suspend_connection) and hands the request to the writers; it goes on serving the other
 * connections. A writer thread runs the request (its transaction, audit and commit as before)
 * and resumes the connection; libmicrohttpd then calls the access handler again on the
 * connection's own pool thread, which sends the answer. The writers take the requests in the
 * order they came; one connection has one request at a time, so its answers stay in order.
 * On SQLite there is one writer thread (the backend has one writer at a time anyway: see
 * store_max_writers); on PostgreSQL several.
 */
#ifndef LUP_WRITEQ_H
#define LUP_WRITEQ_H

#include "web/http.h"

/* The state of a request handed over (struct http_req's deferred). */
enum { WQ_NONE = 0, WQ_QUEUED, WQ_ANSWERED };

/* writeq_run_fn: runs r on a writer thread (fills its response). */
typedef void (*writeq_run_fn)(struct http_req *r);

/*
 * writeq_start: starts threads (>= 1) writer threads calling run for each request handed over.
 * A request that waited in the queue longer than max_wait seconds is not run: it is answered
 * 503 (busy), as a write that waited that long for SQLite's lock is. Returns 0, or -1 when no
 * thread could start (then writeq_submit refuses every request).
 */
int writeq_start(int threads, writeq_run_fn run, double max_wait);

/*
 * writeq_submit: hands r to the writers, from the access handler on r's pool thread (the daemon
 * must allow suspending): suspends r->conn, sets r->deferred to WQ_QUEUED and returns 0; a writer
 * answers r, sets WQ_ANSWERED and resumes the connection. Returns -1 when the writers are not
 * running (not started, or stopping): the caller runs r itself.
 */
int writeq_submit(struct http_req *r);

/* writeq_stop: refuses new requests, lets the writers run every request already queued (their
 * connections are resumed), and joins the threads. Call before MHD_stop_daemon, which must find
 * no suspended connection. Harmless when not started. */
void writeq_stop(void);

#endif
