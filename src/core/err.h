/* err.h: lup's result codes and the error context that carries the message. */
#ifndef LUP_ERR_H
#define LUP_ERR_H

#include <stddef.h>

/* Result codes. 0 is success; every failure is one of these, with detail in a struct err. */
enum lup_err {
	LUP_OK = 0,	/* success */
	LUP_EINVAL,	/* bad input: malformed value, unknown key, failed validation */
	LUP_ENOTFOUND,	/* the thing named does not exist */
	LUP_ECONFLICT,	/* a uniqueness or foreign-key constraint refused the write */
	LUP_EDB,	/* the database failed (I/O, corruption, busy) */
	LUP_EIO,	/* reading or writing a file failed */
	LUP_ETOOBIG,	/* input larger than a limit */
	LUP_EVERSION,	/* the database schema is newer than this program */
	LUP_EUSAGE,	/* the command line is wrong */
	LUP_EBUSY,	/* a limited resource is in use: try again later */
	LUP_ERR__MAX
};

/* struct err: the human-readable detail of the last failure, kept by the caller. */
struct err {
	enum lup_err code;	/* LUP_OK until err_set */
	char msg[1024];		/* "problem first" message, no trailing full stop */
};

/* lup_strerror: a short constant English description of code. Never NULL. */
const char *lup_strerror(enum lup_err code);

/* err_set: records code and a printf-formatted message in e (e may be NULL). Returns code,
 * so a failing function can `return err_set(e, LUP_EINVAL, "...")`. */
int err_set(struct err *e, enum lup_err code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* err_prefix: prepends printf-formatted context ("file.tsv:12: ") to e's message. */
void err_prefix(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* err_clear: resets e to LUP_OK with an empty message. */
void err_clear(struct err *e);

#endif
