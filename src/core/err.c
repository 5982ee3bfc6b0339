/* err.c: result codes and error messages. */
#include "core/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const names[LUP_ERR__MAX] = {
	[LUP_OK] = "success",
	[LUP_EINVAL] = "invalid input",
	[LUP_ENOTFOUND] = "not found",
	[LUP_ECONFLICT] = "conflict",
	[LUP_EDB] = "database error",
	[LUP_EIO] = "i/o error",
	[LUP_ETOOBIG] = "input too large",
	[LUP_EVERSION] = "database newer than this program",
	[LUP_EUSAGE] = "bad usage",
	[LUP_EBUSY] = "busy, try again later",
};

const char *lup_strerror(enum lup_err code)
{
	if ((unsigned)code >= LUP_ERR__MAX)
		return "unknown error";
	return names[code];
}

int err_set(struct err *e, enum lup_err code, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return code;
}

void err_prefix(struct err *e, const char *fmt, ...)
{
	char pre[512], old[sizeof(e->msg)];
	va_list ap;

	if (!e)
		return;
	va_start(ap, fmt);
	vsnprintf(pre, sizeof(pre), fmt, ap);
	va_end(ap);
	memcpy(old, e->msg, sizeof(old));
	/* the message is cut to fit; the context goes first */
	size_t np = strnlen(pre, sizeof(e->msg) - 1), no = strnlen(old, sizeof(old));
	if (np + no > sizeof(e->msg) - 1)
		no = sizeof(e->msg) - 1 - np;
	memcpy(e->msg, pre, np);
	memcpy(e->msg + np, old, no);
	e->msg[np + no] = '\0';
}

void err_clear(struct err *e)
{
	if (!e)
		return;
	e->code = LUP_OK;
	e->msg[0] = '\0';
}
