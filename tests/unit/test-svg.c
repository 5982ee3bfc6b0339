/* test-svg.c: the SVG charts and the district map (render/svg.h): escaping, empty data,
 * negative and missing values, Swedish numbers, and well-formed, balanced output. */
#include "render/svg.h"
#include "render/html.h"
#include "core/arena.h"
#include "core/buf.h"
#include "testlib.h"

#include <ctype.h>
#include <strings.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static struct buf out;
static struct html h;

static void start(void)
{
	buf_init(&out, 0);
	buf_reset(&out);
	html_init(&h, &out);
}

static void stop(void)
{
	buf_release(&out);
}

/* balanced: every start tag is closed in order, every '<' starts a tag, attribute values are
 * quoted without raw '<' or '>', and there is exactly one root element (when root is set).
 * Returns NULL when well-formed, else what is wrong. */
static const char *balanced(const char *s, int root)
{
	static char why[160];
	char stack[256][32];
	int depth = 0, roots = 0;

	for (const char *p = s; *p; p++) {
		if (*p == '>')
			return "a raw '>' in text";
		if (*p != '<')
			continue;
		int close = p[1] == '/';
		const char *n = p + 1 + close;
		size_t len = 0;
		while (isalnum((unsigned char)n[len]) || n[len] == '-')
			len++;
		if (len == 0 || len >= 32)
			return "a '<' that does not start a tag";
		const char *e = n + len;
		int quoted = 0;
		for (; *e && (quoted || *e != '>'); e++) {
			if (*e == '"')
				quoted = !quoted;
			else if (quoted && *e == '<')
				return "a raw '<' in an attribute value";
		}
		if (!*e)
			return "an unterminated tag";
		if (close) {
			if (depth == 0 || strncmp(stack[depth - 1], n, len) != 0 || stack[depth - 1][len]) {
				snprintf(why, sizeof(why), "</%.*s> does not close <%s>", (int)len, n,
					 depth ? stack[depth - 1] : "(nothing)");
				return why;
			}
			depth--;
		} else {
			if (depth == 0)
				roots++;
			if (depth >= 256)
				return "too deep";
			memcpy(stack[depth], n, len);
			stack[depth++][len] = '\0';
		}
		p = e;
	}
	if (depth)
		return "elements left open";
	if (root && roots != 1)
		return "not exactly one root element";
	return NULL;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* no_bad_numbers: no NaN or infinity leaked into the output. */
static int no_bad_numbers(const char *s)
{
	for (const char *p = s; *p; p++)
		if (strncasecmp(p, "nan", 3) == 0 || strncasecmp(p, "inf", 3) == 0)
			return 0;
	return 1;
}

#define T_WELL_FORMED(s) do { const char *w_ = balanced(s, 1); T_CHECK(w_ == NULL); \
	if (w_) fprintf(stderr, "    %s\n", w_); } while (0)

static void test_fmt_value(void)
{
	char b[64];

	T_EQ_STR(svg_fmt_value(5.37, 1, "%", 0, b, sizeof(b)), "5,4 %");
	T_EQ_STR(svg_fmt_value(1234567, 0, "st", 0, b, sizeof(b)), "1 234 567 st");
	T_EQ_STR(svg_fmt_value(-2.5, 1, NULL, 0, b, sizeof(b)), "-2,5");
	T_EQ_STR(svg_fmt_value(1.23, 2, "", 1, b, sizeof(b)), "+1,23");
	T_EQ_STR(svg_fmt_value(-0.004, 2, NULL, 1, b, sizeof(b)), "0,00");
	T_EQ_STR(svg_fmt_value(0, 0, NULL, 1, b, sizeof(b)), "0");
	T_EQ_STR(svg_fmt_value(NAN, 1, "%", 0, b, sizeof(b)), "saknar värde");
	T_EQ_STR(svg_fmt_value(INFINITY, 1, "%", 1, b, sizeof(b)), "saknar värde");
	T_EQ_STR(svg_fmt_value(2.26, 99, NULL, 0, b, sizeof(b)), "2,3");	/* bad decimals: 1 */
	T_EQ_STR(svg_fmt_value(123456.0, 0, NULL, 0, b, 4), "123");	/* cut, terminated */
}

/* svg_fmt_value's inlined common case against svg_fmt_value_long (the whole rule): random values
 * (missing, negative, large, ties), decimals -1 to 5, buffers of 1 to 40 bytes, units, signs. */
static void test_fmt_value_inline(void)
{
	static const char *const units[] = { NULL, "", "%", "procentenheter", "kr/år & <person>" };
	unsigned seed = 31;

	for (int round = 0; round < 100000; round++) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = seed >> 8;
		double v = r % 17 == 0 ? NAN : r % 19 == 0 ? INFINITY : r % 3 == 0 ? -(double)(r % 2000000) / 1000.0
			 : r % 23 == 0 ? 1e12 * (r % 7) : (double)(r % 200000) / 200.0;
		int dec = (int)(r % 7) - 1, sign = (int)(r >> 4) & 1;
		size_t size = 1 + (r >> 5) % 40;
		const char *unit = units[(r >> 11) % 5];
		char a[64], b[64];
		memset(a, 'a', sizeof(a));
		memset(b, 'a', sizeof(b));
		T_EQ_STR(svg_fmt_value(v, dec, unit, sign, a, size), svg_fmt_value_long(v, dec, unit, sign, b, size));
	}
}

static void test_bars_escape(void)
{
	struct svg_bar bars[] = {
		{ "<script>alert(1)</script>", 5.2, NAN, NAN, 0 },
		{ "\"' onload=\"x", 4.1, NAN, NAN, 1 },
		{ "Skarpnäck & Farsta", 3.0, NAN, NAN, 0 },
	};
	struct svg_opts o = { "staplar", "Titel <b>fet</b>", "Beskrivning \"citat\"", "%", 1, 0 };

	start();
	svg_bar_chart(&h, &o, bars, 3, 0, 4.14);
	T_EQ_INT(html_finish(&h), 0);
	T_WELL_FORMED(out.ptr);
	T_CHECK(strstr(out.ptr, "<script") == NULL);
	T_CONTAINS(out.ptr, "&lt;script&gt;alert(1)&lt;/script&gt;");
	T_CONTAINS(out.ptr, "&quot;&#39; onload=&quot;x");
	T_CONTAINS(out.ptr, "Skarpnäck &amp; Farsta");
	T_CONTAINS(out.ptr, "<title>Titel &lt;b&gt;fet&lt;/b&gt;</title>");
	T_CONTAINS(out.ptr, "<desc>Beskrivning &quot;citat&quot;</desc>");
	T_CONTAINS(out.ptr, "role=\"img\"");
	T_CONTAINS(out.ptr, "5,2 %");
	T_CONTAINS(out.ptr, "Stadens snitt 4,1 %");
	T_CHECK(no_bad_numbers(out.ptr));
	stop();
}

static void test_bars_empty(void)
{
	struct svg_opts o = { NULL, "Tomt", NULL, NULL, 1, 1 };

	start();
	html_open(&h, "figure", NULL);
	svg_bar_chart(&h, &o, NULL, 0, 0, NAN);
	T_EQ_INT(h.depth, 1);		/* the chart leaves the caller's elements open */
	html_close(&h);
	T_EQ_INT(html_finish(&h), 0);
	T_WELL_FORMED(out.ptr);
	T_CONTAINS(out.ptr, "Inga värden");
	T_CONTAINS(out.ptr, "Exempeldata");
	T_CONTAINS(out.ptr, "<desc>");
	T_CHECK(strstr(out.ptr, "Stadens snitt") == NULL);
	stop();
}

static void test_bars_negative_missing(void)
{
	struct svg_bar bars[] = {
		{ "Minus", -3.0, NAN, NAN, 0 },
		{ "Plus", 2.0, NAN, NAN, 0 },
		{ "Saknas", NAN, NAN, NAN, 0 },
		{ NULL, INFINITY, NAN, NAN, 0 },
	};
	struct svg_opts o = { NULL, "Negativt", NULL, NULL, 1, 0 };

	start();
	svg_bar_chart(&h, &o, bars, 4, 0, -0.5);
	T_EQ_INT(html_finish(&h), 0);
	T_WELL_FORMED(out.ptr);
	T_CONTAINS(out.ptr, "-3,0");
	T_CONTAINS(out.ptr, "2,0");
	T_EQ_INT(count(out.ptr, "saknar värde"), 2);
	T_CONTAINS(out.ptr, "Stadens snitt -0,5");
	/* inline in HTML: no namespace; the text's usual size and colour come from the stylesheet
	 * (svg.chart-bars), a missing value's muted colour and the labels' size are written */
	T_CONTAINS(out.ptr, "<svg viewbox=\"0 0 760 ");
	T_CHECK(strstr(out.ptr, "xmlns") == NULL);
	T_CHECK(strstr(out.ptr, "font-size=\"12\"") == NULL);
	T_CHECK(strstr(out.ptr, "fill=\"#1b1b1b\"") == NULL);
	T_CHECK(strstr(out.ptr, "stroke-width=\"1\"") == NULL);
	T_CONTAINS(out.ptr, "font-size=\"13\" fill=\"#555555\">saknar värde</text>");
	T_CHECK(strstr(out.ptr, "width=\"-") == NULL);
	T_CHECK(strstr(out.ptr, "height=\"-") == NULL);
	T_CHECK(no_bad_numbers(out.ptr));
	stop();
}

static void test_bars_by_sex(void)
{
	struct svg_bar bars[] = {
		{ "Rinkeby-Kista", NAN, 5.2, 5.6, 1 },
		{ "Bromma", 4.0, 4.1, NAN, 0 },
	};
	struct svg_opts o = { "kon", "Efter kön", NULL, "%", 1, 0 };

	start();
	svg_bar_chart(&h, &o, bars, 2, 1, NAN);
	T_EQ_INT(html_finish(&h), 0);
	T_WELL_FORMED(out.ptr);
	T_CONTAINS(out.ptr, "K 5,2 %");
	T_CONTAINS(out.ptr, "M 5,6 %");
	T_CONTAINS(out.ptr, "M saknar värde");
	T_CONTAINS(out.ptr, "K = kvinnor");
	T_CONTAINS(out.ptr, "url(#kon-man)");
	T_CONTAINS(out.ptr, "<pattern id=\"kon-man\"");
	T_CHECK(no_bad_numbers(out.ptr));
	stop();
}

static void test_line_chart(void)
{
	const char *x[] = { "2021", "2022-T1", "2022-T2", "2022", "<x>" };
	double a[] = { 1.0, NAN, 3.0, 4.0, NAN };
	double t[] = { 2.0, 2.0, 2.0, 2.0, 2.0 };
	double c[] = { NAN, NAN, NAN, NAN, NAN };
	double n[] = { -1.5, -2.0, 0.5, 1.0, 1.0 };
	struct svg_series s[] = {
		{ "Spånga-Tensta <&>", SVG_LINE_OUTCOME, a },
		{ "Årsmål", SVG_LINE_TARGET, t },
		{ "Stadens snitt", SVG_LINE_CITY, c },
		{ "Annat", SVG_LINE_OTHER, n },
		{ "Ingen data", SVG_LINE_CITY, NULL },
	};
	struct svg_opts o = { "linje", "Utfall över tid", NULL, "%", 1, 1 };

	start();
	svg_line_chart(&h, &o, x, 5, s, 5);
	T_EQ_INT(html_finish(&h), 0);
	T_WELL_FORMED(out.ptr);
	T_CONTAINS(out.ptr, "Spånga-Tensta &lt;&amp;&gt;: senast 4,0 %");
	T_CONTAINS(out.ptr, "Årsmål: senast 2,0 %");
	T_CONTAINS(out.ptr, "Stadens snitt: saknar värden");
	T_CONTAINS(out.ptr, "Ingen data: saknar värden");
	T_CONTAINS(out.ptr, "&lt;x&gt;");
	T_CONTAINS(out.ptr, "stroke-dasharray=\"8 5\"");
	/* a series' line: its own stroke; its fill and joins are the stylesheet's (.chart-line) */
	T_CHECK(strstr(out.ptr, "xmlns") == NULL);
	T_CHECK(strstr(out.ptr, "fill=\"none\"") == NULL);
	T_CHECK(strstr(out.ptr, "stroke-linejoin") == NULL);
	T_CONTAINS(out.ptr, "\" stroke=\"#1e7b34\" stroke-width=\"2\" stroke-dasharray=\"8 5\"></polyline>");
	T_CONTAINS(out.ptr, "Exempeldata");
	/* the outcome: one line (3, 4) and a lone marker (1); the target one line; "Annat" one */
	T_EQ_INT(count(out.ptr, "<polyline"), 3);
	T_CONTAINS(out.ptr, "Spånga-Tensta &lt;&amp;&gt;, 2021: 1,0 %");
	T_CONTAINS(out.ptr, ">-2<");		/* a grid label under zero */
	T_CHECK(no_bad_numbers(out.ptr));
	stop();
}

static void test_line_empty(void)
{
	double v[] = { NAN, NAN };
	struct svg_series s = { "Tom", SVG_LINE_OUTCOME, v };
	struct svg_opts o = { NULL, "Tom", NULL, NULL, 1, 0 };

	start();
	svg_line_chart(&h, &o, NULL, 0, NULL, 0);
	svg_line_chart(&h, &o, NULL, 2, &s, 1);
	T_EQ_INT(html_finish(&h), 0);
	T_CHECK(balanced(out.ptr, 0) == NULL);
	T_EQ_INT(count(out.ptr, "Inga värden"), 2);
	T_CHECK(no_bad_numbers(out.ptr));
	stop();
}

static void test_line_flat_and_huge(void)
{
	const char *x[] = { "a", "b" };
	double flat[] = { 0, 0 }, huge[] = { 1e300, -1e300 }, one[] = { 7.5 };
	struct svg_series s1 = { "Noll", SVG_LINE_OUTCOME, flat }, s2 = { "Stor", SVG_LINE_OUTCOME, huge },
		s3 = { "En", SVG_LINE_OUTCOME, one };
	struct svg_opts o = { NULL, "Kanter", NULL, NULL, 1, 0 };

	start();
	svg_line_chart(&h, &o, x, 2, &s1, 1);
	svg_line_chart(&h, &o, x, 2, &s2, 1);
	svg_line_chart(&h, &o, x, 1, &s3, 1);
	T_EQ_INT(html_finish(&h), 0);
	T_CHECK(balanced(out.ptr, 0) == NULL);
	T_CONTAINS(out.ptr, "En: senast 7,5");
	T_CHECK(no_bad_numbers(out.ptr));
	stop();
}

static void test_sparkline(void)
{
	double v[] = { 4.1, NAN, 5.0, 5.37 };
	double same[] = { 2, 2, 2 };
	struct svg_opts o = { NULL, "Andel <barn>", NULL, "%", 1, 0 };

	start();
	svg_sparkline(&h, &o, v, 4);
	T_EQ_INT(html_finish(&h), 0);
	T_WELL_FORMED(out.ptr);
	T_CONTAINS(out.ptr, "<title>Andel &lt;barn&gt;: 4,1 % till 5,4 %</title>");
	T_CONTAINS(out.ptr, "<desc>Värden i ordning: 4,1 %; saknar värde; 5,0 %; 5,4 %</desc>");
	/* its size, line and dot are the stylesheet's (.sparkline): the root, the points, the place */
	T_CONTAINS(out.ptr, "<svg viewbox=\"0 0 96 24\" role=\"img\" class=\"sparkline\"><title>");
	T_CONTAINS(out.ptr, "<polyline points=\"3.0,21.0 63.0,8.2 93.0,3.0\"></polyline>");
	T_CONTAINS(out.ptr, "<circle cx=\"93.0\" cy=\"3.0\" r=\"2.5\"></circle>");
	T_EQ_INT(count(out.ptr, "<polyline"), 1);
	stop();

	start();
	svg_sparkline(&h, &o, NULL, 0);
	svg_sparkline(&h, &o, same, 3);
	T_EQ_INT(html_finish(&h), 0);
	T_CHECK(balanced(out.ptr, 0) == NULL);
	T_CONTAINS(out.ptr, "Andel &lt;barn&gt;: saknar värden");
	T_CONTAINS(out.ptr, "2,0 % till 2,0 %");
	T_CHECK(no_bad_numbers(out.ptr));
	stop();
}

/* sparkline_of: a sparkline of v[0..n) with title and unit alone, as a malloc'd string */
static char *sparkline_of(const char *title, const char *unit, int dec, const double *v, size_t n)
{
	struct svg_opts o = { "s", title, NULL, unit, dec, 0 };

	start();
	svg_sparkline(&h, &o, v, n);
	T_EQ_INT(html_finish(&h), 0);
	char *s = strdup(out.ptr);
	stop();
	return s;
}

/* cut: s without its first occurrence of pad (s changed in place) */
static void cut(char *s, const char *pad)
{
	char *at = strstr(s, pad);

	if (at)
		memmove(at, at + strlen(pad), strlen(at + strlen(pad)) + 1);
}

/* The sparkline's texts are built in room on the stack when they fit, else in growing buffers:
 * a title too long for that room takes the second path, and without the padding (once, in the
 * title) its bytes are
 * the first path's, for values of every kind (missing, negative, large, rounded, one or none
 * known). A unit so long that a value's text passes 95 bytes is cut there on both paths. */
static void test_sparkline_paths(void)
{
	char pad[1500];
	unsigned seed = 12345;

	memset(pad, 'x', sizeof(pad) - 1);
	pad[sizeof(pad) - 1] = '\0';
	for (int round = 0; round < 400; round++) {
		double v[12];
		size_t n = 1 + round % 12;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = seed >> 8;
			v[i] = r % 7 == 0 ? NAN : r % 11 == 0 ? -(double)(r % 100000) / 7.0 : r % 13 == 0 ? 1e9 * (r % 9)
			     : (double)(r % 10000) / 100.0;
		}
		const char *unit = round % 3 == 0 ? "%" : round % 3 == 1 ? "kr/år & <person>" : NULL;
		char title[1600];
		snprintf(title, sizeof(title), "Ände %d", round);
		char *fast = sparkline_of(title, unit, round % 4, v, n);
		snprintf(title, sizeof(title), "Ände %d%s", round, pad);
		char *slow = sparkline_of(title, unit, round % 4, v, n);
		T_EQ_INT(strlen(slow), strlen(fast) + strlen(pad));
		cut(slow, pad);
		T_EQ_STR(slow, fast);
		free(fast);
		free(slow);
	}
	char unit[120];
	memset(unit, 'u', sizeof(unit) - 1);
	unit[sizeof(unit) - 1] = '\0';
	unit[95] = '\0';	/* "4,1 " and 95 letters: cut at 95 bytes */
	double w[] = { 4.1, 5.0 };
	char *s = sparkline_of("T", unit, 1, w, 2);
	char want[256];
	snprintf(want, sizeof(want), "<title>T: 4,1 %.91s till 5,0 %.91s</title>", unit, unit);
	T_CONTAINS(s, want);
	free(s);
}

/* svg_sparkline_pre: the same bytes as svg_sparkline with the title's text (markup characters
 * and UTF-8 in it) given escaped in two parts, for values of every kind; where it does not write
 * (fewer than two known values, a desc of the caller's, a value's text too long) it writes
 * nothing and says so. */
static void test_sparkline_pre(void)
{
	unsigned seed = 2024;
	struct arena a = ARENA_INIT;
	int wrote = 0, refused = 0;

	for (int round = 0; round < 600; round++) {
		double v[12];
		size_t n = round % 13;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = seed >> 8;
			v[i] = r % 5 == 0 ? NAN : r % 11 == 0 ? -(double)(r % 100000) / 7.0 : r % 13 == 0 ? 1e9 * (r % 9)
			     : (double)(r % 10000) / 100.0;
		}
		const char *unit = round % 4 == 0 ? "%" : round % 4 == 1 ? "kr/år & <person>" : round % 4 == 2 ? "" : NULL;
		char t1[64], t2[64], title[128];
		snprintf(t1, sizeof(t1), "Ände <%d> & \"x\"", round);
		snprintf(t2, sizeof(t2), " i Spånga–'%d'", round % 7);
		snprintf(title, sizeof(title), "%s%s", t1, t2);
		struct svg_opts o = { NULL, title, NULL, unit, round % 4, 0 };
		start();
		svg_sparkline(&h, &o, v, n);
		char *want = strdup(out.ptr);
		stop();
		struct html_pre p1, p2;
		html_pre_escape(&p1, &a, t1);
		html_pre_escape(&p2, &a, round % 5 ? t2 : NULL);
		if (round % 5 == 0) {	/* the title in one part */
			html_pre_escape(&p1, &a, title);
		}
		struct svg_opts op = { NULL, NULL, round % 50 == 49 ? "Egen" : NULL, unit, round % 4, 0 };
		start();
		int rc = svg_sparkline_pre(&h, &op, &p1, round % 5 ? &p2 : NULL, v, n);
		if (rc == 0) {
			wrote++;
			T_EQ_STR(out.ptr, want);
		} else {
			refused++;
			T_EQ_INT(rc, -1);
			T_EQ_STR(out.ptr, "");
		}
		T_EQ_INT(html_finish(&h), 0);
		stop();
		free(want);
	}
	T_CHECK(wrote > 200 && refused > 50);
	arena_release(&a);
}

static const char *const keys[14] = {
	"rinkeby-kista", "spanga-tensta", "hasselby-vallingby", "bromma", "kungsholmen", "norrmalm",
	"ostermalm", "sodermalm", "hagersten-liljeholmen", "skarholmen", "alvsjo",
	"enskede-arsta-vantor", "farsta", "skarpnack",
};

static void test_map_slots(void)
{
	int used[4][5] = { { 0 } }, col, row;

	for (int i = 0; i < 14; i++) {
		T_EQ_INT(svg_map_slot(keys[i], &col, &row), 0);
		T_CHECK(col >= 0 && col < 5 && row >= 0 && row < 4);
		if (col >= 0 && col < 5 && row >= 0 && row < 4)
			T_EQ_INT(used[row][col]++, 0);	/* no two districts share a tile */
	}
	T_EQ_INT(svg_map_slot("atlantis", &col, &row), -1);
	T_EQ_INT(svg_map_slot(NULL, &col, &row), -1);
	/* geography: Västerort north of the inner city, Söderort south of it */
	svg_map_slot("rinkeby-kista", NULL, &row);
	T_EQ_INT(row, 0);
	svg_map_slot("farsta", NULL, &row);
	T_EQ_INT(row, 3);
}

static void test_map(void)
{
	struct svg_map_area a[16];
	struct svg_opts o = { "karta", "Karta", "Beskrivning", "%", 2, 1 };

	for (int i = 0; i < 14; i++)
		a[i] = (struct svg_map_area){ keys[i], keys[i], "/stadsdel/x", 4.0 + i / 10.0,
					      (enum model_gap_class)(i % MODEL_GAP__MAX), i == 3 };
	a[0].name = "<script>alert(1)</script>";
	a[1].value = NAN;
	a[2].band = (enum model_gap_class)99;	/* out of range: drawn as unknown */
	a[14] = (struct svg_map_area){ "ny-stadsdel", "Ny", NULL, -1.5, MODEL_GAP_BETTER, 0 };
	a[15] = (struct svg_map_area){ NULL, NULL, NULL, NAN, MODEL_GAP_UNKNOWN, 0 };
	start();
	svg_district_map(&h, &o, a, 16);
	T_EQ_INT(html_finish(&h), 0);
	T_WELL_FORMED(out.ptr);
	T_CHECK(strstr(out.ptr, "<script") == NULL);
	T_CONTAINS(out.ptr, "&lt;script&gt;alert(1)&lt;/script&gt;");
	T_EQ_INT(count(out.ptr, "<a href=\"/stadsdel/x\""), 14);	/* the tiles without href have no link */
	T_EQ_INT(count(out.ptr, "role=\"img\""), 1);
	T_CONTAINS(out.ptr, "class=\"map-links\"");
	T_CONTAINS(out.ptr, "Bättre än snittet");
	T_CONTAINS(out.ptr, "Nära snittet");
	T_CONTAINS(out.ptr, "Mycket sämre än snittet");
	T_CONTAINS(out.ptr, "Saknar jämförelse");
	T_CONTAINS(out.ptr, "-1,50 %");
	T_CONTAINS(out.ptr, "saknar värde");
	T_CONTAINS(out.ptr, "url(#karta-samre)");
	T_CONTAINS(out.ptr, "Exempeldata");
	T_CONTAINS(out.ptr, "aria-label=\"bromma: 4,30 %, ");
	T_CHECK(no_bad_numbers(out.ptr));
	/* the picture must hold nothing interactive: the links come after it */
	const char *pic_end = strstr(out.ptr, "</svg>"), *first_link = strstr(out.ptr, "<a ");
	T_CHECK(pic_end && first_link && first_link > pic_end);
	stop();

	start();
	svg_district_map(&h, &o, NULL, 0);
	T_EQ_INT(html_finish(&h), 0);
	T_WELL_FORMED(out.ptr);
	T_CHECK(strstr(out.ptr, "map-links") == NULL);
	stop();
}

/* map_with_id: the map of test_map's first 14 districts with the patterns' id, as a malloc'd
 * string with every id replaced by "ID" (so maps of different ids compare). */
static char *map_with_id(const char *id)
{
	struct svg_map_area a[14];
	struct svg_opts o = { id, "Karta", "Beskrivning", "%", 1, 1 };
	struct buf r;
	size_t n = strlen(id);

	for (int i = 0; i < 14; i++)
		a[i] = (struct svg_map_area){ keys[i], keys[i], "/stadsdel/x", 4.0 + i / 10.0,
					      (enum model_gap_class)(i % MODEL_GAP__MAX), i == 3 };
	start();
	svg_district_map(&h, &o, a, 14);
	T_EQ_INT(html_finish(&h), 0);
	buf_init(&r, 0);
	for (const char *s = out.ptr, *f; *s; s = f + n) {
		if (!(f = strstr(s, id))) {
			buf_adds(&r, s);
			break;
		}
		buf_add(&r, s, (size_t)(f - s));
		buf_adds(&r, "ID");
	}
	stop();
	return buf_detach(&r, NULL);
}

static void test_map_parts(void)
{
	/* the parts without districts (patterns, note, example label, legend) are written once per
	 * id and copied after: a map from the copies is the map written whole, whose id's parts are
	 * not kept once the process has kept four (the ids here fill them) */
	char *first = map_with_id("kartaA"), *ids[4] = { "fyll0", "fyll1", "fyll2", "fyll3" };

	for (int i = 0; i < 4; i++)
		free(map_with_id(ids[i]));
	char *copied = map_with_id("kartaA"), *whole = map_with_id("kartaZ");
	T_EQ_STR(copied, first);
	T_EQ_STR(copied, whole);
	T_CONTAINS(copied, "<pattern id=\"ID-battre\"");
	T_CONTAINS(copied, "fill=\"url(#ID-mycket-samre)\"");
	T_CONTAINS(copied, ">Jämfört med stadens snitt:</text>");
	T_CONTAINS(copied, ">Exempeldata</text>");
	free(first);
	free(copied);
	free(whole);
}

static void test_band_symbol(void)
{
	T_EQ_STR(svg_band_symbol(MODEL_GAP_BETTER), "+");
	T_EQ_STR(svg_band_symbol(MODEL_GAP_NEAR), "=");
	T_EQ_STR(svg_band_symbol((enum model_gap_class)-1), "?");
	T_CHECK(strcmp(svg_band_symbol(MODEL_GAP_WORSE), svg_band_symbol(MODEL_GAP_MUCH_WORSE)) != 0);
}

static void test_checker(void)
{
	/* the well-formedness check itself catches what it should */
	T_CHECK(balanced("<svg><g></g></svg>", 1) == NULL);
	T_CHECK(balanced("<svg><g></svg>", 1) != NULL);
	T_CHECK(balanced("<svg>a < b</svg>", 1) != NULL);
	T_CHECK(balanced("<svg title=\"<x>\"></svg>", 1) != NULL);
	T_CHECK(balanced("<svg></svg><svg></svg>", 1) != NULL);
}

int main(void)
{
	T_RUN(test_checker);
	T_RUN(test_fmt_value);
	T_RUN(test_fmt_value_inline);
	T_RUN(test_bars_escape);
	T_RUN(test_bars_empty);
	T_RUN(test_bars_negative_missing);
	T_RUN(test_bars_by_sex);
	T_RUN(test_line_chart);
	T_RUN(test_line_empty);
	T_RUN(test_line_flat_and_huge);
	T_RUN(test_sparkline);
	T_RUN(test_sparkline_paths);
	T_RUN(test_sparkline_pre);
	T_RUN(test_map_slots);
	T_RUN(test_map);
	T_RUN(test_map_parts);
	T_RUN(test_band_symbol);
	return t_done();
}
