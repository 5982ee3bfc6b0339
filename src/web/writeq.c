/* writeq.c: the writer threads and their queue (see writeq.h). */
#define _DEFAULT_SOURCE 1	/* syscall(SYS_gettid): a thread's own nice value */
#include "web/writeq.h"
#include "core/err.h"
#include "core/xalloc.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define WRITEQ_MAX_THREADS 16
/* The writer threads' nice value: when the cores are busy, reads go first and the writes take
 * what is left, at least some 3 % of a core each (the scheduler's weight of nice 15 against 0).
 * bench/deadline.sh, 8 writers flat out on 2 cores: readers kept 0.34-0.42 of their throughput
 * at nice 0, 0.53-0.64 at 15 (writes 520-570/s instead of 900-1,000, median 9 ms, p99 68 ms). */
#define WRITER_NICE 15

/* One request handed over, in the queue from writeq_submit until a writer takes it. */
struct job {
	struct job *next;
	struct http_req *r;
	double queued;		/* monotonic seconds when it was handed over */
};

static struct {
	pthread_mutex_t lock;
	pthread_cond_t work;
	pthread_t threads[WRITEQ_MAX_THREADS];
	int nthreads;
	int accepting;		/* writeq_submit queues (else the caller runs the request) */
	struct job *head, *tail;
	writeq_run_fn run;
	double max_wait;
} q = { .lock = PTHREAD_MUTEX_INITIALIZER, .work = PTHREAD_COND_INITIALIZER };

static double mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* take: the oldest job, waiting for one; NULL once stopping and the queue is empty. */
static struct job *take(void)
{
	struct job *j;

	pthread_mutex_lock(&q.lock);
	while (!q.head && q.accepting)
		pthread_cond_wait(&q.work, &q.lock);
	j = q.head;
	if (j && !(q.head = j->next))
		q.tail = NULL;
	pthread_mutex_unlock(&q.lock);
	return j;
}

/* answer: runs j's request (or answers 503 when it waited too long) and resumes its
 * connection; the pool thread sends the answer. */
static void answer(struct job *j)
{
	struct http_req *r = j->r;
	double waited = mono_now() - j->queued;

	if (waited > q.max_wait) {
		err_set(&r->err, LUP_EBUSY, "the database is busy: the write waited %.1f s", waited);
		http_fail(r);
	} else {
		q.run(r);
	}
	/* the pool thread reads r after it took the resume (under the daemon's mutex) */
	r->deferred = WQ_ANSWERED;
	MHD_resume_connection(r->conn);
	free(j);
}

static void *writer(void *arg)
{
	struct job *j;

	(void)arg;
	/* on Linux a thread has a nice value of its own; without it the writers run as the rest */
	(void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), WRITER_NICE);
	while ((j = take()))
		answer(j);
	return NULL;
}

int writeq_start(int threads, writeq_run_fn run, double max_wait)
{
	if (threads > WRITEQ_MAX_THREADS)
		threads = WRITEQ_MAX_THREADS;
	q.run = run;
	q.max_wait = max_wait;
	q.accepting = 1;
	for (q.nthreads = 0; q.nthreads < threads; q.nthreads++)
		if (pthread_create(&q.threads[q.nthreads], NULL, writer, NULL) != 0)
			break;
	if (q.nthreads > 0)
		return 0;
	q.accepting = 0;
	return -1;
}

int writeq_submit(struct http_req *r)
{
	struct job *j;

	pthread_mutex_lock(&q.lock);
	if (!q.accepting) {
		pthread_mutex_unlock(&q.lock);
		return -1;
	}
	j = xcalloc(1, sizeof(*j));
	j->r = r;
	j->queued = mono_now();
	r->deferred = WQ_QUEUED;
	/* suspended before any writer can see it, so that its resume never comes first */
	MHD_suspend_connection(r->conn);
	if (q.tail)
		q.tail->next = j;
	else
		q.head = j;
	q.tail = j;
	pthread_cond_signal(&q.work);
	pthread_mutex_unlock(&q.lock);
	return 0;
}

void writeq_stop(void)
{
	pthread_mutex_lock(&q.lock);
	q.accepting = 0;
	pthread_cond_broadcast(&q.work);
	pthread_mutex_unlock(&q.lock);
	for (int i = 0; i < q.nthreads; i++)
		pthread_join(q.threads[i], NULL);
	q.nthreads = 0;
}
