/* cmd-remind.c: `lup remind [--json] [--mail] [--date YYYY-MM-DD] [--days N]`, for a cron job:
 * per organisation (by key), the reports due within N days (default 14) and those overdue on the
 * date (default today in Stockholm, LUP_TODAY overrides), by the annual wheel's deadlines (the
 * city's and the organisation's own internal ones), unless submitted or approved
 * (view/wheel.h wheel_remind). --mail sends one mail per organisation with something due to its
 * editors (and its pair's) with an e-mail address, through the system's sendmail interface: the
 * command in LUP_SENDMAIL (default "/usr/sbin/sendmail -t -i") reads the message on its standard
 * input; From is LUP_MAIL_FROM (default lup@localhost). Exit 0 also with nothing due; 1 when a
 * sendmail run fails (named) or the database does. */
#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/buf.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"
#include "view/wheel.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#define DEFAULT_SENDMAIL "/usr/sbin/sendmail -t -i"
#define DEFAULT_FROM "lup@localhost"

static const char *status_word(const char *s)
{
	return s ? s : "none";
}

/* status_sv: the report's state in a Swedish sentence. */
static const char *status_sv(const char *s)
{
	if (!s)
		return "Rapporten är inte påbörjad.";
	if (strcmp(s, "returned") == 0)
		return "Rapporten har returnerats och ska skickas in igen.";
	return "Rapporten är ett utkast som inte är inskickat.";
}

static void print_text(const char *date, int days, const struct wheel_item *it, int n)
{
	const char *org = NULL;

	if (!n) {
		printf("nothing due on %s within %d days, nothing overdue\n", date, days);
		return;
	}
	printf("due on %s within %d days, and overdue:\n", date, days);
	for (int i = 0; i < n; i++) {
		if (!org || strcmp(org, it[i].org) != 0) {
			org = it[i].org;
			printf("%s (%s)\n", it[i].org, it[i].org_name);
		}
		printf("  %s %ld  %-14s  due %s  ", wheel_kind_word(it[i].kind), it[i].year, it[i].level, it[i].due);
		if (it[i].days_left < 0)
			printf("overdue by %ld day%s", -it[i].days_left, it[i].days_left == -1 ? "" : "s");
		else
			printf("%ld day%s left", it[i].days_left, it[i].days_left == 1 ? "" : "s");
		printf("  report: %s\n", status_word(it[i].status));
	}
}

static void print_json(const char *date, int days, const struct wheel_item *it, int n)
{
	const char *org = NULL;
	char sum[300];
	struct buf b;
	struct json j;

	buf_init(&b, 0);
	json_init(&j, &b, 1);
	json_obj_open(&j);
	json_key(&j, "date"); json_str(&j, date);
	json_key(&j, "days"); json_int(&j, days);
	json_key(&j, "organisations");
	json_obj_open(&j);
	for (int i = 0; i < n; i++) {
		if (!org || strcmp(org, it[i].org) != 0) {
			if (org) {
				json_arr_close(&j);
				json_obj_close(&j);
			}
			org = it[i].org;
			json_key(&j, org);
			json_obj_open(&j);
			json_key(&j, "name"); json_str(&j, it[i].org_name);
			json_key(&j, "items");
			json_arr_open(&j);
		}
		wheel_summary_sv(it[i].year, it[i].kind, it[i].level, NULL, sum, sizeof(sum));
		json_obj_open(&j);
		json_key(&j, "kind"); json_str(&j, it[i].kind);
		json_key(&j, "report"); json_str(&j, wheel_kind_word(it[i].kind));
		json_key(&j, "year"); json_int(&j, it[i].year);
		json_key(&j, "level"); json_str(&j, it[i].level);
		json_key(&j, "due"); json_str(&j, it[i].due);
		json_key(&j, "days_left"); json_int(&j, it[i].days_left);
		json_key(&j, "overdue"); json_bool(&j, it[i].days_left < 0);
		json_key(&j, "report_status"); json_str(&j, status_word(it[i].status));
		json_key(&j, "summary"); json_str(&j, sum);
		json_obj_close(&j);
	}
	if (org) {
		json_arr_close(&j);
		json_obj_close(&j);
	}
	json_obj_close(&j);
	json_obj_close(&j);
	if (json_finish(&j) == 0)
		fputs(b.ptr, stdout);
	buf_release(&b);
}

/* b64: standard base64 of n bytes of s appended to b. */
static void b64(struct buf *b, const unsigned char *s, size_t n)
{
	static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) | (i + 2 < n ? s[i + 2] : 0);
		buf_addc(b, t[v >> 18 & 63]);
		buf_addc(b, t[v >> 12 & 63]);
		buf_addc(b, i + 1 < n ? t[v >> 6 & 63] : '=');
		buf_addc(b, i + 2 < n ? t[v & 63] : '=');
	}
}

/* header_2047: "Name: " and text as RFC 2047 encoded words (UTF-8, base64), each at most 45
 * bytes of text cut between characters, folded onto continuation lines. */
static void header_2047(struct buf *b, const char *name, const char *text)
{
	size_t len = strlen(text), at = 0;

	buf_addf(b, "%s: ", name);
	while (at < len) {
		size_t n = len - at > 45 ? 45 : len - at;
		while (at + n < len && n > 0 && ((unsigned char)text[at + n] & 0xC0) == 0x80)
			n--;
		if (at)
			buf_adds(b, "\n ");
		buf_adds(b, "=?UTF-8?B?");
		b64(b, (const unsigned char *)text + at, n);
		buf_adds(b, "?=");
		at += n;
	}
	buf_addc(b, '\n');
}

/* message: the mail to the recipients rcpt (comma-separated) of organisation it[0..n). */
static void message(struct buf *b, const char *from, const char *rcpt, const char *date, const struct wheel_item *it,
		    int n)
{
	char subject[400], sum[300], d[48];

	snprintf(subject, sizeof(subject), "Påminnelse från lup: rapporter att lämna in (%s)", it[0].org_name);
	buf_addf(b, "From: %s\nTo: %s\n", from, rcpt);
	header_2047(b, "Subject", subject);
	buf_adds(b, "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n");
	wheel_date_sv(date, d, sizeof(d));
	buf_addf(b, "Hej!\n\nDet här är en påminnelse från lup om rapporter som %s ska lämna in (i dag är det %s).\n\n",
		 it[0].org_name, d);
	for (int i = 0; i < n; i++) {
		wheel_summary_sv(it[i].year, it[i].kind, it[i].level, NULL, sum, sizeof(sum));
		wheel_date_sv(it[i].due, d, sizeof(d));
		if (it[i].days_left < 0)
			buf_addf(b, "- %s var %s, för %ld %s sedan. %s\n", sum, d, -it[i].days_left,
				 it[i].days_left == -1 ? "dag" : "dagar", status_sv(it[i].status));
		else if (it[i].days_left == 0)
			buf_addf(b, "- %s är i dag, %s. %s\n", sum, d, status_sv(it[i].status));
		else
			buf_addf(b, "- %s är %s, om %ld %s. %s\n", sum, d, it[i].days_left,
				 it[i].days_left == 1 ? "dag" : "dagar", status_sv(it[i].status));
	}
	buf_adds(b, "\nRapporterna skrivs och skickas in under Uppföljning i lup. Årshjulet visar alla tidsfrister.\n\n"
		    "Det här meddelandet skickades automatiskt av lup remind.\n");
}

/* recipients: the e-mail addresses of organisation org's editors, comma-separated, into b;
 * names editors without one on stderr. Returns LUP_OK or a store error. */
static int recipients(struct cmd_ctx *c, struct store *st, struct arena *a, const struct wheel_item *it,
		      struct buf *b)
{
	struct sval v = SVI(it->org_id);
	struct rowset rs;

	rowset_init(&rs, a);
	if (rowset_query(&rs, st, STMT_WH_EDITORS, &v, 1, &c->err) != LUP_OK)
		return c->err.code;
	for (int i = 0; i < rs.nrows; i++) {
		const char *mail = rowset_s(&rs, i, "email");
		if (!mail || !*mail || strpbrk(mail, "\r\n,")) {
			fprintf(stderr, "lup remind: %s: editor %s has no e-mail address: no mail to it (lup user email %s ADDRESS)\n",
				it->org, rowset_s(&rs, i, "name"), rowset_s(&rs, i, "name"));
			continue;
		}
		buf_addf(b, "%s%s", b->len ? ", " : "", mail);
	}
	return LUP_OK;
}

/* send: pipes msg to the sendmail command; returns 0 or -1 (printed, naming the command). */
static int send_mail(const char *cmd, const char *org, const struct buf *msg)
{
	FILE *p;
	size_t put;
	int st;

	signal(SIGPIPE, SIG_IGN);	/* a sendmail that stops reading fails the write, not lup */
	p = popen(cmd, "w");
	if (!p) {
		fprintf(stderr, "lup remind: %s: cannot run the sendmail command '%s'\n", org, cmd);
		return -1;
	}
	put = fwrite(msg->ptr, 1, msg->len, p);
	st = pclose(p);
	if (st == 0 && put != msg->len)
		st = -1;
	if (st != 0) {
		fprintf(stderr, "lup remind: %s: the sendmail command '%s' failed (%s %d)\n", org, cmd,
			st != -1 && WIFEXITED(st) ? "exit status" : "wait status",
			st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : st);
		return -1;
	}
	return 0;
}

/* mail_all: one mail per organisation of it[0..n) (they come by organisation). */
static int mail_all(struct cmd_ctx *c, struct store *st, struct arena *a, const char *date,
		    const struct wheel_item *it, int n)
{
	const char *cmd = getenv("LUP_SENDMAIL"), *from = getenv("LUP_MAIL_FROM");
	int rc = EXIT_OK;

	if (!cmd || !*cmd)
		cmd = DEFAULT_SENDMAIL;
	if (!from || !*from || strpbrk(from, "\r\n"))
		from = DEFAULT_FROM;
	for (int i = 0, k; i < n; i = k) {
		struct buf to, msg;
		for (k = i; k < n && strcmp(it[k].org, it[i].org) == 0; k++)
			;
		buf_init(&to, 64 * 1024);
		if (recipients(c, st, a, &it[i], &to) != LUP_OK) {
			buf_release(&to);
			return cmd_fail(c);
		}
		if (!to.len) {
			fprintf(stderr, "lup remind: %s: no editor with an e-mail address: no mail sent\n", it[i].org);
			buf_release(&to);
			continue;
		}
		buf_init(&msg, 1024 * 1024);
		message(&msg, from, to.ptr, date, &it[i], k - i);
		if (send_mail(cmd, it[i].org, &msg) != 0)
			rc = EXIT_FAIL;
		else
			fprintf(stderr, "lup remind: %s: mailed %s\n", it[i].org, to.ptr);
		buf_release(&msg);
		buf_release(&to);
	}
	return rc;
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	const char *date_opt = NULL, *days_opt = NULL, *pos[1];
	int help = 0, as_json = 0, mail = 0, npos, rc, days = 14, n = 0, ok;
	const struct opt opts[] = { { "--json", NULL, &as_json }, { "--mail", NULL, &mail }, { "--date", &date_opt, NULL },
				    { "--days", &days_opt, NULL }, { NULL, NULL, NULL } };
	struct arena a = ARENA_INIT;
	struct wheel_item *it;
	struct store *st = NULL;
	char date[16];

	if ((rc = cmd_parse(&cmd_remind, argc, argv, opts, pos, 1, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_remind, stdout);
	if (npos) {
		fprintf(stderr, "usage: lup %s\n", cmd_remind.usage);
		return EXIT_USAGE;
	}
	if (days_opt) {
		char *end;
		long d = strtol(days_opt, &end, 10);
		if (*end || end == days_opt || d < 0 || d > 3660) {
			fprintf(stderr, "lup remind: --days '%s': a number of days 0-3660\n", days_opt);
			return EXIT_FAIL;
		}
		days = (int)d;
	}
	if (date_opt) {
		wheel_days(date_opt, &ok);
		if (!ok) {
			fprintf(stderr, "lup remind: --date '%s': a calendar date YYYY-MM-DD\n", date_opt);
			return EXIT_FAIL;
		}
		snprintf(date, sizeof(date), "%.10s", date_opt);
	} else {
		wheel_today(date, sizeof(date));
	}
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	if (wheel_remind(st, &a, date, days, &it, &n, &c->err) != LUP_OK) {
		rc = cmd_fail(c);
		goto out;
	}
	if (as_json)
		print_json(date, days, it, n);
	else
		print_text(date, days, it, n);
	if (mail)
		rc = mail_all(c, st, &a, date, it, n);
out:
	store_close(st);
	arena_release(&a);
	return rc;
}

const struct cmd cmd_remind = {
	"remind", run,
	"remind [--json] [--mail] [--date YYYY-MM-DD] [--days N]",
	"what is due and overdue per organisation, printed or mailed to its editors (for cron)",
	"  Per organisation (by key): each report whose deadline (the city's, or the organisation's\n"
	"  own internal one: lup deadline) falls within N days of the date (default 14) or has\n"
	"  passed, and that is not submitted or approved (no report counts as not submitted; a\n"
	"  returned report is due again). The date is today in Stockholm unless --date says.\n"
	"  --json    a JSON document: {date, days, organisations: {KEY: {name, items: [...]}}}\n"
	"  --mail    also one mail per organisation with something due, to its editors' (and its\n"
	"            pair's) e-mail addresses (lup user email NAME ADDRESS; editors without one\n"
	"            are named on stderr), through LUP_SENDMAIL (default \"" DEFAULT_SENDMAIL "\"),\n"
	"            From LUP_MAIL_FROM (default " DEFAULT_FROM ")\n"
	"Exits 0 also when nothing is due; 1 when a sendmail run fails (named on stderr).\n"
	"Crontab:  0 7 * * 1-5  lup --db /var/lib/lup/lup.db remind --mail",
};
