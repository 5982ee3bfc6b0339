/* cmd-export.h: writing an export's bytes to a file for `lup export` (the table of exports and
 * the writers are doc/export.h's, shared with the web and the API). */
#ifndef LUP_CMD_EXPORT_H
#define LUP_CMD_EXPORT_H

#include "cmd/cmd.h"

/*
 * export_write: text (len bytes) to path: standard output for NULL or "-", else a regular file
 * written through a temporary name renamed when complete, or straight to anything else (a
 * device, a pipe). Returns LUP_OK or LUP_EIO (message in c->err).
 */
int export_write(struct cmd_ctx *c, const char *path, const char *text, size_t len);

/* export_tmp_path: path + ".tmp" into buf (size n) for writers that create the file
 * themselves; returns 0, or -1 when it does not fit. */
int export_tmp_path(const char *path, char *buf, size_t n);

/* export_commit: renames tmp to path (removing tmp on failure). Returns LUP_OK or LUP_EIO. */
int export_commit(struct cmd_ctx *c, const char *tmp, const char *path);

#endif
