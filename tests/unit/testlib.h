/* testlib.h: a tiny unit-test harness (one header, no dependencies).
 *
 * A test program defines test functions and runs them from main():
 *
 *	static void test_period_bounds(void) { T_EQ_INT(1, 1); }
 *	int main(void) { T_RUN(test_period_bounds); return t_done(); }
 *
 * Each check that fails prints "file:line: message" and marks the current test failed; the test
 * goes on so that one run shows every failure. T_RUN prints "ok - name" or "not ok - name".
 * t_done() prints the program's closing line "N passed, N failed" (counting tests, not checks)
 * and returns the exit status: 0 when nothing failed, 1 otherwise.
 */
#ifndef LUP_TESTLIB_H
#define LUP_TESTLIB_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int t_failed_now;	/* checks failed in the running test */
static int t_npass, t_nfail;	/* tests passed and failed so far */
static int t_nchecks;		/* checks evaluated in the running test */

#define T_FAIL_(...) do { \
	fprintf(stderr, "%s:%d: ", __FILE__, __LINE__); \
	fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); t_failed_now++; } while (0)

/* T_CHECK: fails when cond is false. */
#define T_CHECK(cond) do { t_nchecks++; if (!(cond)) T_FAIL_("check failed: %s", #cond); } while (0)

/* T_EQ_INT: compares two integer expressions (as long long). */
#define T_EQ_INT(a, b) do { long long t_a_ = (long long)(a), t_b_ = (long long)(b); t_nchecks++; \
	if (t_a_ != t_b_) T_FAIL_("%s == %lld, expected %s == %lld", #a, t_a_, #b, t_b_); } while (0)

/* T_EQ_DBL: compares two doubles within eps. */
#define T_EQ_DBL(a, b, eps) do { double t_a_ = (a), t_b_ = (b); t_nchecks++; \
	if (!(fabs(t_a_ - t_b_) <= (eps))) T_FAIL_("%s == %.9g, expected %.9g", #a, t_a_, t_b_); } while (0)

/* T_EQ_STR: compares two C strings; NULL equals only NULL. */
#define T_EQ_STR(a, b) do { const char *t_a_ = (a), *t_b_ = (b); t_nchecks++; \
	if ((t_a_ == NULL) != (t_b_ == NULL) || (t_a_ && strcmp(t_a_, t_b_) != 0)) \
		T_FAIL_("%s == \"%s\", expected \"%s\"", #a, t_a_ ? t_a_ : "(null)", t_b_ ? t_b_ : "(null)"); \
	} while (0)

/* T_CONTAINS: fails unless haystack contains needle. */
#define T_CONTAINS(hay, needle) do { const char *t_h_ = (hay), *t_n_ = (needle); t_nchecks++; \
	if (!t_h_ || !strstr(t_h_, t_n_)) T_FAIL_("\"%s\" does not contain \"%s\"", t_h_ ? t_h_ : "(null)", t_n_); \
	} while (0)

/* T_RUN: runs one test function and records its result. A test that checks nothing fails. */
#define T_RUN(fn) do { t_failed_now = 0; t_nchecks = 0; fn(); \
	if (t_nchecks == 0) { fprintf(stderr, "%s: asserts nothing\n", #fn); t_failed_now++; } \
	if (t_failed_now) { t_nfail++; printf("not ok - %s\n", #fn); } \
	else { t_npass++; printf("ok - %s\n", #fn); } } while (0)

/* t_done: prints the closing line and returns the exit status. */
static inline int t_done(void)
{
	printf("%d passed, %d failed\n", t_npass, t_nfail);
	return t_nfail ? 1 : 0;
}

#endif
