/* guard.h: the server's defence against slow and greedy clients, on top of libmicrohttpd.
 *
 * libmicrohttpd restarts a connection's idle timer on every byte, so a client trickling its
 * request head one byte a second holds a connection for ever; a thousand such connections fill
 * the connection cap and nobody else is served. The guard tracks every TCP connection (through
 * MHD_OPTION_NOTIFY_CONNECTION) with the time it began waiting for a request head (at accept,
 * and again when a request completes on a kept-alive connection), and:
 *   - a watchdog thread cuts (shutdown(2)) each connection whose head has not fully arrived
 *     within the head deadline;
 *   - when the connections near the cap, each new connection cuts the one that has waited
 *     longest for its head (load shedding), so that a client with a prompt request gets in.
 * A connection is removed from the list in the CLOSED notification, which libmicrohttpd makes
 * before it closes the socket; the list's mutex is held around every shutdown, so a cut can
 * never reach a descriptor reused by another connection.
 */
#ifndef LUP_GUARD_H
#define LUP_GUARD_H

#include <microhttpd.h>

/* guard_start: begins guarding with a head deadline of head_seconds (> 0) and a cap of
 * max_connections (the one given to libmicrohttpd); starts the watchdog thread. Returns 0, or
 * -1 when the thread cannot start. */
int guard_start(int head_seconds, unsigned max_connections);

/* guard_stop: stops the watchdog thread and waits for it; the list must be empty (call after
 * MHD_stop_daemon, which closes every connection). */
void guard_stop(void);

/* guard_notify: the MHD_OPTION_NOTIFY_CONNECTION callback (cls unused). */
void guard_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
		  enum MHD_ConnectionNotificationCode code);

/* guard_head_done: conn's request head has fully arrived (the access handler's first call). */
void guard_head_done(struct MHD_Connection *conn);

/* guard_head_wait: conn's request is over and the connection is kept alive: the deadline for
 * the next head starts now. */
void guard_head_wait(struct MHD_Connection *conn);

/* guard_flag_query: marks conn's current request as having too long a query, for a reason
 * (> 0) of the caller's (set by the URI callback before libmicrohttpd parses the query);
 * guard_take_query returns the reason (0: none) and clears it. */
void guard_flag_query(struct MHD_Connection *conn, int why);
int guard_take_query(struct MHD_Connection *conn);

#endif
