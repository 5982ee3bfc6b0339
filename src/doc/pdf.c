/* pdf.c: DOCX -> tagged PDF or PDF/A-2b by LibreOffice headless (pdf.h). One conversion: a
 * private temporary directory with the DOCX and a fresh LibreOffice profile, soffice spawned
 * without a shell in its own process group, its output collected until it exits or the time is
 * up, the PDF read back, the directory removed. */
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <dirent.h>
#include <time.h>
#include <unistd.h>

#include "core/err.h"
#include "core/xalloc.h"
#include "doc/pdf.h"

extern char **environ;

/* The largest PDF read back. */
#define PDF_MAX ((size_t)1 << 30)

/* writer_pdf_Export's options (LibreOffice 7.4's JSON syntax): tagged, PDF/UA marked, headings as
 * bookmarks, the document title (not the file name) in the window title, standard fonts embedded;
 * SelectPdfVersion 0 is plain PDF 1.6, 2 is PDF/A-2b. */
#define PDF_OPTS(version) "pdf:writer_pdf_Export:{" \
	"\"SelectPdfVersion\":{\"type\":\"long\",\"value\":\"" version "\"}," \
	"\"UseTaggedPDF\":{\"type\":\"boolean\",\"value\":\"true\"}," \
	"\"PDFUACompliance\":{\"type\":\"boolean\",\"value\":\"true\"}," \
	"\"ExportBookmarks\":{\"type\":\"boolean\",\"value\":\"true\"}," \
	"\"DisplayPDFDocumentTitle\":{\"type\":\"boolean\",\"value\":\"true\"}," \
	"\"EmbedStandardFonts\":{\"type\":\"boolean\",\"value\":\"true\"}," \
	"\"ExportNotes\":{\"type\":\"boolean\",\"value\":\"false\"}}"

/* What LibreOffice printed: the last part of it (its errors come last). */
struct output {
	char text[4096];
	size_t len;
};

/* output_add: n bytes to o, dropping the oldest half when full */
static void output_add(struct output *o, const char *s, size_t n)
{
	if (n >= sizeof(o->text)) {
		s += n - sizeof(o->text) / 2;
		n = sizeof(o->text) / 2;
	}
	if (o->len + n > sizeof(o->text)) {
		size_t keep = sizeof(o->text) / 2 < o->len ? sizeof(o->text) / 2 : o->len;

		memmove(o->text, o->text + o->len - keep, keep);
		o->len = keep;
	}
	memcpy(o->text + o->len, s, n);
	o->len += n;
}

/* output_line: the last 400 bytes of o as one line (control characters as spaces, runs of
 * whitespace as one, "; " between lines) into out (n bytes) */
static const char *output_line(const struct output *o, char *out, size_t n)
{
	size_t from = o->len > 400 ? o->len - 400 : 0, k = 0;
	int space = 1;

	for (size_t i = from; i < o->len && k + 3 < n; i++) {
		unsigned char ch = (unsigned char)o->text[i];

		if (ch == '\n' && k > 0 && !space) {
			out[k++] = ';';
			out[k++] = ' ';
			space = 1;
		} else if (ch < 0x20 || ch == 0x7f || ch == ' ') {
			if (!space)
				out[k++] = ' ';
			space = 1;
		} else {
			out[k++] = (char)ch;
			space = 0;
		}
	}
	while (k > 0 && (out[k - 1] == ' ' || out[k - 1] == ';'))
		k--;
	out[k] = '\0';
	return k ? out : "(no output)";
}

/* soffice_path: the LibreOffice program into out (n bytes): $LUP_SOFFICE, else soffice in a
 * directory of $PATH, else /usr/bin/soffice */
static const char *soffice_path(char *out, size_t n)
{
	const char *env = getenv("LUP_SOFFICE"), *path = getenv("PATH");

	if (env && *env) {
		snprintf(out, n, "%s", env);
		return out;
	}
	while (path && *path) {
		size_t dl = strcspn(path, ":");

		if (dl > 0 && (size_t)snprintf(out, n, "%.*s/soffice", (int)dl, path) < n && access(out, X_OK) == 0)
			return out;
		path += dl + (path[dl] == ':');
	}
	snprintf(out, n, "/usr/bin/soffice");
	return out;
}

/* file_url: path as a file:// URL into out (n bytes), bytes outside [A-Za-z0-9/._~-]
 * percent-encoded. Returns 0, or -1 when it does not fit. */
static int file_url(const char *path, char *out, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t k = (size_t)snprintf(out, n, "file://");

	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (k + 4 > n)
			return -1;
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("/._~-", *p)) {
			out[k++] = (char)*p;
		} else {
			out[k++] = '%';
			out[k++] = hex[*p >> 4];
			out[k++] = hex[*p & 15];
		}
	}
	out[k] = '\0';
	return 0;
}

/* write_file: data (len bytes) to the new file path (mode 0600) */
static int write_file(const char *path, const char *data, size_t len, struct err *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	size_t done = 0;

	if (fd < 0)
		return err_set(e, LUP_EIO, "cannot create %s: %s", path, strerror(errno));
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return err_set(e, LUP_EIO, "cannot write %s: %s", path, strerror(errno));
		}
		done += (size_t)w;
	}
	if (close(fd) != 0)
		return err_set(e, LUP_EIO, "cannot write %s: %s", path, strerror(errno));
	return LUP_OK;
}

/* read_file: the regular file path into *data (malloc'd), *len bytes; ENOENT sets *missing */
static int read_file(const char *path, char **data, size_t *len, int *missing, struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	size_t done = 0;

	*missing = fd < 0 && errno == ENOENT;
	if (fd < 0)
		return err_set(e, LUP_EIO, "cannot open %s: %s", path, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return err_set(e, LUP_EIO, "%s is no regular file", path);
	}
	if ((size_t)sb.st_size > PDF_MAX) {
		close(fd);
		return err_set(e, LUP_ETOOBIG, "%s is larger than 1 GiB", path);
	}
	*data = xmalloc((size_t)sb.st_size + 1);
	while (done < (size_t)sb.st_size) {
		ssize_t r = read(fd, *data + done, (size_t)sb.st_size - done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		done += (size_t)r;
	}
	close(fd);
	if (done != (size_t)sb.st_size) {
		free(*data);
		*data = NULL;
		return err_set(e, LUP_EIO, "cannot read %s", path);
	}
	*len = done;
	return LUP_OK;
}

/* rm_tree: removes name in the directory dfd, with everything below it (symbolic links are
 * removed, not followed) */
static void rm_tree(int dfd, const char *name)
{
	struct stat sb;
	int fd;
	DIR *d;

	if (fstatat(dfd, name, &sb, AT_SYMLINK_NOFOLLOW) != 0)
		return;
	if (!S_ISDIR(sb.st_mode)) {
		unlinkat(dfd, name, 0);
		return;
	}
	if ((fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) >= 0) {
		if ((d = fdopendir(fd))) {
			for (struct dirent *de; (de = readdir(d));)
				if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
					rm_tree(dirfd(d), de->d_name);
			closedir(d);
		} else {
			close(fd);
		}
	}
	unlinkat(dfd, name, AT_REMOVEDIR);
}

/* ms_left: milliseconds from now until deadline (CLOCK_MONOTONIC), at least 0 */
static int ms_left(const struct timespec *deadline)
{
	struct timespec now;
	long long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (long long)(deadline->tv_sec - now.tv_sec) * 1000 + (deadline->tv_nsec - now.tv_nsec) / 1000000;
	return ms <= 0 ? 0 : ms > INT_MAX ? INT_MAX : (int)ms;
}

/* spawn: argv[0] in its own process group, standard input /dev/null, standard output and error
 * into the pipe fd; *pid. Returns 0 or an errno value. */
static int spawn(char *const argv[], int fd, pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none, dfl;
	int rc;

	sigemptyset(&none);
	sigemptyset(&dfl);
	sigaddset(&dfl, SIGPIPE);
	sigaddset(&dfl, SIGTERM);
	sigaddset(&dfl, SIGINT);
	posix_spawn_file_actions_init(&fa);
	posix_spawnattr_init(&at);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fd, 1);
	posix_spawn_file_actions_adddup2(&fa, fd, 2);
	posix_spawnattr_setpgroup(&at, 0);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &dfl);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	rc = posix_spawn(pid, argv[0], &fa, &at, argv, environ);
	posix_spawnattr_destroy(&at);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

/* collect: the pipe fd into o until its end or the deadline; returns 0, or -1 at the deadline */
static int collect(int fd, struct output *o, const struct timespec *deadline)
{
	char buf[4096];

	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int ms = ms_left(deadline), r;

		if (ms == 0)
			return -1;
		if ((r = poll(&p, 1, ms)) < 0 && errno != EINTR)
			return 0;
		if (r <= 0)
			continue;
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n > 0)
			output_add(o, buf, (size_t)n);
		else if (n == 0 || errno != EINTR)
			return 0;
	}
}

/* reap: waits until pid has exited or the deadline; then kills what is left of its process
 * group (pid's zombie keeps the group's id ours until it is reaped) and reaps pid into *status.
 * Returns 0, or -1 when the time was up. */
static int reap(pid_t pid, const struct timespec *deadline, int timed_out, int *status)
{
	siginfo_t si;

	while (!timed_out) {
		memset(&si, 0, sizeof(si));
		if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) != 0 && errno != EINTR)
			break;
		if (si.si_pid == pid)
			break;
		if (ms_left(deadline) == 0)
			timed_out = 1;
		else
			poll(NULL, 0, 50);
	}
	kill(-pid, SIGKILL);
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
	return timed_out ? -1 : 0;
}

/* timeout_secs: $LUP_PDF_TIMEOUT when it is 1-3600, else PDF_TIMEOUT */
static int timeout_secs(void)
{
	const char *s = getenv("LUP_PDF_TIMEOUT");
	char *end;
	long v = s ? strtol(s, &end, 10) : 0;

	return s && *s && !*end && v >= 1 && v <= 3600 ? (int)v : PDF_TIMEOUT;
}

/* run: soffice converting dir/lup.docx into dir/lup.pdf; LUP_OK when it exited with 0 in time */
static int run(const char *dir, int pdfa, struct output *o, struct err *e)
{
	char prog[PATH_MAX], url[PATH_MAX * 3 + 64], env[sizeof(url) + 32], in[PATH_MAX], line[512];
	char *argv[] = { prog, env, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
		"--convert-to", pdfa ? PDF_OPTS("2") : PDF_OPTS("0"), "--outdir", (char *)dir, in, NULL };
	struct timespec deadline;
	int fds[2], status = 0, secs = timeout_secs(), rc;
	pid_t pid;

	soffice_path(prog, sizeof(prog));
	if (access(prog, X_OK) != 0)
		return err_set(e, LUP_EIO, "LibreOffice is not installed (no program %s): install "
			       "libreoffice-writer-nogui, or set $LUP_SOFFICE to its soffice", prog);
	snprintf(in, sizeof(in), "%s/lup.docx", dir);
	if (file_url(dir, url, sizeof(url)) != 0)
		return err_set(e, LUP_EIO, "the temporary directory's name is too long");
	snprintf(env, sizeof(env), "-env:UserInstallation=%s/profile", url);
	if (pipe(fds) != 0)
		return err_set(e, LUP_EIO, "cannot make a pipe: %s", strerror(errno));
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	rc = spawn(argv, fds[1], &pid);
	close(fds[1]);
	if (rc != 0) {
		close(fds[0]);
		return err_set(e, LUP_EIO, "cannot run LibreOffice (%s): %s; install libreoffice-writer-nogui, "
			       "or set $LUP_SOFFICE to its soffice", prog, strerror(rc));
	}
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += secs;
	rc = collect(fds[0], o, &deadline);
	close(fds[0]);
	if (reap(pid, &deadline, rc != 0, &status) != 0)
		return err_set(e, LUP_EIO, "LibreOffice (%s) did not finish in %d s and was stopped: %s", prog,
			       secs, output_line(o, line, sizeof(line)));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return err_set(e, LUP_EIO, "LibreOffice (%s) failed (%s %d): %s", prog,
			       WIFEXITED(status) ? "exit status" : "signal",
			       WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status), output_line(o, line, sizeof(line)));
	return LUP_OK;
}

/* At most this many conversions run at once in a process: each is a LibreOffice of about
 * 210 MB for a second or two, and in `lup serve` it holds one of the worker threads (two by
 * default) for that time, so one conversion at a time leaves the others serving pages. */
#define PDF_MAX_RUNNING 1
static pthread_mutex_t running_mu = PTHREAD_MUTEX_INITIALIZER;
static int running;

/* slot: takes (take 1) or gives back (take 0) a place among the running conversions; 0 when
 * none is free */
static int slot(int take)
{
	int ok = 1;

	pthread_mutex_lock(&running_mu);
	if (!take)
		running--;
	else if (running >= PDF_MAX_RUNNING)
		ok = 0;
	else
		running++;
	pthread_mutex_unlock(&running_mu);
	return ok;
}

/* convert: pdf_from_docx's work, in a place of its own */
static int convert(const char *docx, size_t len, int pdfa, char **pdf, size_t *pdflen, struct err *e)
{
	const char *tmp = getenv("TMPDIR");
	char dir[PATH_MAX - 64], path[PATH_MAX], line[512];
	struct output o = { .len = 0 };
	int rc, missing = 0;

	*pdf = NULL;
	*pdflen = 0;
	if ((size_t)snprintf(dir, sizeof(dir), "%s/lup-pdf-XXXXXX", tmp && *tmp ? tmp : "/tmp") >= sizeof(dir))
		return err_set(e, LUP_EIO, "$TMPDIR is too long");
	if (!mkdtemp(dir))
		return err_set(e, LUP_EIO, "cannot create a temporary directory %s: %s", dir, strerror(errno));
	snprintf(path, sizeof(path), "%s/lup.docx", dir);
	if ((rc = write_file(path, docx, len, e)) == LUP_OK && (rc = run(dir, pdfa, &o, e)) == LUP_OK) {
		snprintf(path, sizeof(path), "%s/lup.pdf", dir);
		if ((rc = read_file(path, pdf, pdflen, &missing, e)) != LUP_OK && missing)
			rc = err_set(e, LUP_EIO, "LibreOffice wrote no PDF: %s", output_line(&o, line, sizeof(line)));
	}
	rm_tree(AT_FDCWD, dir);
	return rc;
}

int pdf_from_docx(const char *docx, size_t len, int pdfa, char **pdf, size_t *pdflen, struct err *e)
{
	int rc;

	*pdf = NULL;
	*pdflen = 0;
	if (!slot(1))
		return err_set(e, LUP_EBUSY, "a PDF conversion is running already (at most %d at once)", PDF_MAX_RUNNING);
	rc = convert(docx, len, pdfa, pdf, pdflen, e);
	slot(0);
	return rc;
}
