/* guard.c: head deadline and load shedding over libmicrohttpd's connections (see guard.h). */
#include "web/guard.h"
#include "core/xalloc.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

#define SHED_AFTER 1.0	/* seconds a head wait lasts before the connection may be shed */

/* One TCP connection, on the list from its STARTED to its CLOSED notification. */
struct track {
	struct track *prev, *next;
	int fd;
	int head_done;		/* the current request's head has arrived */
	int cut;		/* shut down by the guard: no longer counted as live */
	int query_over;		/* why the current request's query is refused (0: it is not) */
	double head_since;	/* monotonic time the wait for the current head began */
};

static struct {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t thread;
	int running, stopping;
	struct track *head;
	unsigned live;		/* tracked connections not cut */
	double deadline;	/* seconds a head may take */
	unsigned shed_at;	/* live connections above which the oldest head wait is cut */
} g = { .lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER };

static double mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* head_waiting: t's socket holds the end of a request head that libmicrohttpd has not read yet:
 * the worker thread that owns the connection is busy with another connection's request. Then the
 * server is late, not the client, and the connection keeps its place (under a heavy load of
 * kept-alive clients the deadline would otherwise cut requests that arrived in time). A client
 * trickling its head is read by its idle worker byte by byte, so its socket holds none. */
static int head_waiting(const struct track *t)
{
	char b[8192];
	ssize_t n = recv(t->fd, b, sizeof(b), MSG_PEEK | MSG_DONTWAIT);

	for (ssize_t i = 3; i < n; i++)
		if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r')
			return 1;
	return 0;
}

/* cut: shuts t's socket down so that its worker reads end-of-file and closes it; g.lock held. */
static void cut(struct track *t)
{
	if (t->cut)
		return;
	t->cut = 1;
	g.live--;
	shutdown(t->fd, SHUT_RDWR);
}

/* shed_oldest: cuts the live connection that has waited longest for its head, if it has
 * waited SHED_AFTER seconds at least (a burst of new clients whose heads are on their way
 * is not shed); g.lock held. Connections whose head has arrived are never shed. Returns 1
 * when it cut one. */
static int shed_oldest(void)
{
	struct track *oldest = NULL;

	for (struct track *t = g.head; t; t = t->next)
		if (!t->cut && !t->head_done && (!oldest || t->head_since < oldest->head_since) &&
		    !head_waiting(t))
			oldest = t;
	if (!oldest || mono_now() - oldest->head_since < SHED_AFTER)
		return 0;
	cut(oldest);
	return 1;
}

static void *watchdog(void *arg)
{
	struct timespec at;

	(void)arg;
	pthread_mutex_lock(&g.lock);
	while (!g.stopping) {
		double now = mono_now();
		for (struct track *t = g.head; t; t = t->next)
			if (!t->cut && !t->head_done && now - t->head_since > g.deadline && !head_waiting(t))
				cut(t);
		/* when the cap is full no connection is accepted, so none sheds: make room here */
		while (g.live > g.shed_at && shed_oldest())
			;
		clock_gettime(CLOCK_REALTIME, &at);
		at.tv_sec += 1;
		pthread_cond_timedwait(&g.wake, &g.lock, &at);
	}
	pthread_mutex_unlock(&g.lock);
	return NULL;
}

int guard_start(int head_seconds, unsigned max_connections)
{
	unsigned reserve = max_connections / 8 ? max_connections / 8 : 1;

	g.deadline = head_seconds;
	g.shed_at = max_connections > reserve ? max_connections - reserve : 1;
	g.stopping = 0;
	if (pthread_create(&g.thread, NULL, watchdog, NULL) != 0)
		return -1;
	g.running = 1;
	return 0;
}

void guard_stop(void)
{
	if (!g.running)
		return;
	pthread_mutex_lock(&g.lock);
	g.stopping = 1;
	pthread_cond_signal(&g.wake);
	pthread_mutex_unlock(&g.lock);
	pthread_join(g.thread, NULL);
	g.running = 0;
}

static void track_add(struct MHD_Connection *conn, void **socket_context)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
	struct track *t = xcalloc(1, sizeof(*t));

	t->fd = ci ? ci->connect_fd : -1;
	t->head_since = mono_now();
	t->cut = t->fd < 0;	/* without its descriptor it cannot be cut: leave it out of the count */
	*socket_context = t;
	pthread_mutex_lock(&g.lock);
	t->next = g.head;
	if (g.head)
		g.head->prev = t;
	g.head = t;
	if (!t->cut && ++g.live > g.shed_at)
		(void)shed_oldest();
	pthread_mutex_unlock(&g.lock);
}

static void track_remove(void **socket_context)
{
	struct track *t = *socket_context;

	if (!t)
		return;
	pthread_mutex_lock(&g.lock);
	if (t->prev)
		t->prev->next = t->next;
	else
		g.head = t->next;
	if (t->next)
		t->next->prev = t->prev;
	if (!t->cut)
		g.live--;
	pthread_mutex_unlock(&g.lock);
	free(t);
	*socket_context = NULL;
}

void guard_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
		  enum MHD_ConnectionNotificationCode code)
{
	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED)
		track_add(conn, socket_context);
	else if (code == MHD_CONNECTION_NOTIFY_CLOSED)
		track_remove(socket_context);
}

static struct track *track_of(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

void guard_head_done(struct MHD_Connection *conn)
{
	struct track *t = track_of(conn);

	if (!t)
		return;
	pthread_mutex_lock(&g.lock);
	t->head_done = 1;
	pthread_mutex_unlock(&g.lock);
}

void guard_head_wait(struct MHD_Connection *conn)
{
	struct track *t = track_of(conn);

	if (!t)
		return;
	pthread_mutex_lock(&g.lock);
	t->head_done = 0;
	t->head_since = mono_now();
	pthread_mutex_unlock(&g.lock);
}

void guard_flag_query(struct MHD_Connection *conn, int why)
{
	struct track *t = track_of(conn);

	if (t)
		t->query_over = why;	/* only the connection's own worker thread reads or writes it */
}

int guard_take_query(struct MHD_Connection *conn)
{
	struct track *t = track_of(conn);
	int over = t ? t->query_over : 0;

	if (t)
		t->query_over = 0;
	return over;
}
