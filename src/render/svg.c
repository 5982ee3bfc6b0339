/* svg.c: inline SVG charts and the schematic district map (see svg.h for the contract). */
#include "render/svg.h"
#include "render/html.h"
#include "model/fmt.h"
#include "core/buf.h"
#include "core/numfmt.h"
#include "core/xalloc.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INK "#1b1b1b"
#define MUTED "#555555"
#define GRID "#d0d0d0"
#define ACCENT "#0b5394"

/* The charts drawn inline in HTML (bars, lines, sparklines) leave to the stylesheet
 * (web/css-base.c) what all their elements of a kind share: their text's size and colour
 * unless given (CHART_SIZE, CHART_INK), the lines' fill and joins. A stroke width of 1 is
 * SVG's initial value and is not written either. The district map writes every attribute. */
#define CHART_SIZE 0	/* font-size 12px, from svg.chart-bars and svg.chart-line */
#define CHART_INK NULL	/* fill INK, from svg.chart-bars and svg.chart-line */

/* A missing value: NaN or infinite. */
static int missing(double v)
{
	return !isfinite(v);
}

/* co: v as a coordinate with one decimal, independent of the C locale. */
static const char *co(char b[24], double v)
{
	long t;

	if (!isfinite(v))
		v = 0;
	if (v > 1e7)
		v = 1e7;
	if (v < -1e7)
		v = -1e7;
	/* lround(v * 10) without the call: the product's fraction is exact (|v * 10| <= 1e8), and
	 * a half rounds away from zero */
	double y = v * 10;
	t = (long)y;
	if (y >= 0)
		t += y - (double)t >= 0.5;
	else
		t -= (double)t - y >= 0.5;
	/* "%s%ld.%ld" of the sign, labs(t) / 10 and labs(t) % 10, without printf */
	char *p = b;
	if (t < 0)
		*p++ = '-';
	unsigned long a = (unsigned long)labs(t), q = a / 10;	/* unsigned: no sign's fix-up */
	if (q < 1000) {	/* a chart's coordinates: the digits without a call */
		unsigned s = (unsigned)q;
		if (s >= 100)
			*p++ = (char)('0' + s / 100);
		if (s >= 10)
			*p++ = (char)('0' + s / 10 % 10);
		*p++ = (char)('0' + s % 10);
	} else {
		p += numfmt_long((long)q, p);
	}
	*p++ = '.';
	*p++ = (char)('0' + (a - q * 10));
	*p = '\0';
	return b;
}

static int clamp_decimals(int d)
{
	return d < 0 || d > MODEL_FMT_MAX_DECIMALS ? 1 : d;
}

char *svg_fmt_value_long(double v, int decimals, const char *unit, int sign, char *buf, size_t size)
{
	char num[64];

	if (!buf || size == 0)
		return buf;
	if (!missing(v) && model_fmt_num_unit(v, clamp_decimals(decimals), sign, unit, buf, size) >= 0)
		return buf;	/* else the long way (below), or a text cut to size */
	if (missing(v) || model_fmt_num(v, clamp_decimals(decimals), num, sizeof(num)) != 0) {
		snprintf(buf, size, "saknar värde");
		return buf;
	}
	int plus = sign && num[0] != '-' && strspn(num, "0, ") != strlen(num);
	size_t nl = strlen(num), ul = unit ? strlen(unit) : 0;
	if ((size_t)plus + nl + (ul ? ul + 1 : 0) < size) {	/* fits: the parts copied, no join */
		char *p = buf;
		if (plus)
			*p++ = '+';
		memcpy(p, num, nl);
		p += nl;
		if (ul) {
			*p++ = ' ';
			memcpy(p, unit, ul);
			p += ul;
		}
		*p = '\0';
		return buf;
	}
	const char *part[] = { plus ? "+" : "", num, unit && *unit ? " " : "", unit && *unit ? unit : "" };
	numfmt_join(buf, size, part, 4);	/* "%s%s%s%s", cut to size */
	return buf;
}

/* svg_open: the root element with title and desc; returns the writer's depth before it (for
 * html_close_to). ns: the xmlns attribute, or NULL (an svg element in HTML needs none). */
static int svg_open(struct html *h, const struct svg_opts *o, double w, double ht, const char *cls,
		    const char *size_w, const char *size_h, const char *fallback_desc, const char *ns)
{
	char vb[64];
	int depth = h->depth;

	/* "0 0 %ld %ld" of the rounded width and height, without printf */
	char *p = vb + 4;
	memcpy(vb, "0 0 ", 4);
	p += numfmt_long(lround(w), p);
	*p++ = ' ';
	numfmt_long(lround(ht), p);
	HTML_START(h, "svg");
	HTML_ATTR(h, "xmlns", ns);
	HTML_ATTR(h, "viewbox", vb);
	HTML_ATTR_V(h, "role", "img");
	HTML_ATTR(h, "class", cls);
	HTML_ATTR(h, "width", size_w);
	HTML_ATTR(h, "height", size_h);
	html_start_end(h, 1);
	HTML_ELEM(h, "title", o && o->title ? o->title : "Diagram");
	HTML_ELEM(h, "desc", o && o->desc ? o->desc : fallback_desc);
	return depth;
}

/* svg_begin: svg_open with the SVG namespace written out (the district map). */
static int svg_begin(struct html *h, const struct svg_opts *o, double w, double ht, const char *cls,
		     const char *size_w, const char *size_h, const char *fallback_desc)
{
	return svg_open(h, o, w, ht, cls, size_w, size_h, fallback_desc, "http://www.w3.org/2000/svg");
}

/* blank: s is "", which HTML_ATTR writes as a bare attribute (a template as name="") */
static int blank(const char *s)
{
	return s && !*s;
}

static void rect(struct html *h, double x, double y, double w, double ht, const char *fill,
		 const char *stroke, const char *stroke_w)
{
	char bx[24], by[24], bw[24], bh[24];

	if (!blank(fill) && !blank(stroke) && !blank(stroke_w)) {	/* as below, in one template */
		HTML_TPL(h, "<rect x=\"" HTML_HOLE "\" y=\"" HTML_HOLE "\" width=\"" HTML_HOLE "\" height=\"" HTML_HOLE
			 "\" fill=\"" HTML_HOLE "\" stroke=\"" HTML_HOLE "\" stroke-width=\"" HTML_HOLE "\"></rect>",
			 co(bx, x), co(by, y), co(bw, w < 0 ? 0 : w), co(bh, ht < 0 ? 0 : ht), fill, stroke, stroke_w);
		return;
	}
	HTML_START(h, "rect");
	HTML_ATTR(h, "x", co(bx, x));
	HTML_ATTR(h, "y", co(by, y));
	HTML_ATTR(h, "width", co(bw, w < 0 ? 0 : w));
	HTML_ATTR(h, "height", co(bh, ht < 0 ? 0 : ht));
	HTML_ATTR(h, "fill", fill);
	HTML_ATTR(h, "stroke", stroke);
	HTML_ATTR(h, "stroke-width", stroke_w);
	html_start_end(h, 1);
	html_close(h);
}

static void line(struct html *h, double x1, double y1, double x2, double y2, const char *stroke,
		 const char *width, const char *dash)
{
	char a[24], b[24], c[24], d[24];

	if (!blank(stroke) && !blank(width) && !blank(dash)) {	/* as below, in one template */
		HTML_TPL(h, "<line x1=\"" HTML_HOLE "\" y1=\"" HTML_HOLE "\" x2=\"" HTML_HOLE "\" y2=\"" HTML_HOLE
			 "\" stroke=\"" HTML_HOLE "\" stroke-width=\"" HTML_HOLE "\" stroke-dasharray=\"" HTML_HOLE
			 "\"></line>", co(a, x1), co(b, y1), co(c, x2), co(d, y2), stroke, width, dash);
		return;
	}
	HTML_START(h, "line");
	HTML_ATTR(h, "x1", co(a, x1));
	HTML_ATTR(h, "y1", co(b, y1));
	HTML_ATTR(h, "x2", co(c, x2));
	HTML_ATTR(h, "y2", co(d, y2));
	HTML_ATTR(h, "stroke", stroke);
	HTML_ATTR(h, "stroke-width", width);
	HTML_ATTR(h, "stroke-dasharray", dash);
	html_start_end(h, 1);
	html_close(h);
}

/* text: one line of text; anchor start/middle/end; size in px (CHART_SIZE: the chart's); bold;
 * halo draws a white outline under the glyphs (for text on patterns); fill (CHART_INK: the
 * chart's). */
static void text(struct html *h, double x, double y, const char *anchor, int size, int bold,
		 int halo, const char *fill, const char *s)
{
	char bx[24], by[24], fs[NUMFMT_SIZE];

	numfmt_long(size, fs);	/* "%d" */
	if (size == CHART_SIZE)
		*fs = '\0';
	if (!halo && !blank(anchor) && !blank(fill)) {	/* as below, in one template */
		HTML_TPL(h, "<text x=\"" HTML_HOLE "\" y=\"" HTML_HOLE "\" text-anchor=\"" HTML_HOLE "\" font-size=\""
			 HTML_HOLE "\" font-weight=\"" HTML_HOLE "\" fill=\"" HTML_HOLE "\">" HTML_HOLE "</text>",
			 co(bx, x), co(by, y), anchor && strcmp(anchor, "start") != 0 ? anchor : NULL, *fs ? fs : NULL,
			 bold ? "bold" : NULL, fill, s ? s : "");
		return;
	}
	HTML_START(h, "text");
	HTML_ATTR(h, "x", co(bx, x));
	HTML_ATTR(h, "y", co(by, y));
	HTML_ATTR(h, "text-anchor", anchor && strcmp(anchor, "start") != 0 ? anchor : NULL);
	HTML_ATTR(h, "font-size", *fs ? fs : NULL);
	HTML_ATTR(h, "font-weight", bold ? "bold" : NULL);
	HTML_ATTR(h, "fill", fill);
	if (halo) {
		HTML_ATTR_V(h, "stroke", "#ffffff");
		HTML_ATTR_V(h, "stroke-width", "3");
		HTML_ATTR_V(h, "paint-order", "stroke");
		HTML_ATTR_V(h, "stroke-linejoin", "round");
	}
	html_start_end(h, 1);
	html_text(h, s ? s : "");
	html_close(h);
}

/* example_label: the visible "Exempeldata" tag at the top right of a chart w wide. */
static void example_label(struct html *h, double w)
{
	rect(h, w - 100, 2, 96, 20, "#fff8e1", "#9a6700", NULL);
	text(h, w - 52, 16, "middle", CHART_SIZE, 1, 0, "#5c3d00", "Exempeldata");
}

/* ---- bar chart ------------------------------------------------------------------------- */

struct scale {
	double lo, hi, x0, x1;
};

static double sx(const struct scale *s, double v)
{
	return s->x0 + (v - s->lo) / (s->hi - s->lo) * (s->x1 - s->x0);
}

static void widen(double *lo, double *hi, double v)
{
	if (missing(v))
		return;
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

static void hbar(struct html *h, const struct scale *s, double v, double y, double ht, const char *fill,
		 const char *stroke)
{
	if (missing(v))
		return;
	double a = sx(s, 0), b = sx(s, v);
	rect(h, a < b ? a : b, y, fabs(b - a) < 1 && v != 0 ? 1 : fabs(b - a), ht, fill, stroke, NULL);
}

/* sex_label: "%c %s" of sex and v in lab (size bytes), cut as snprintf cuts, without printf. */
static const char *sex_label(char *lab, size_t size, char sex, const char *v)
{
	size_t n = strlen(v);

	if (n > size - 3)
		n = size - 3;
	lab[0] = sex;
	lab[1] = ' ';
	memcpy(lab + 2, v, n);
	lab[2 + n] = '\0';
	return lab;
}

void svg_bar_chart(struct html *h, const struct svg_opts *o, const struct svg_bar *bars, size_t n,
		   int by_sex, double city)
{
	const double W = 760, label_w = 210, value_w = 170, top = 40;
	const double row_h = by_sex ? 36 : 26, bar_h = by_sex ? 13 : 16;
	const int dec = clamp_decimals(o ? o->decimals : 1);
	const char *unit = o ? o->unit : NULL;
	double H = top + (double)(n ? n : 1) * row_h + 30 + (by_sex ? 26 : 0);
	struct scale s = { 0, 0, label_w, W - value_w - 16 };
	char v1[96], v2[96], lab[200];
	char pat[96];
	int depth;

	for (size_t i = 0; i < n; i++) {
		widen(&s.lo, &s.hi, by_sex ? bars[i].women : bars[i].value);
		if (by_sex)
			widen(&s.lo, &s.hi, bars[i].men);
	}
	widen(&s.lo, &s.hi, city);
	if (s.hi - s.lo < 1e-12)
		s.hi = s.lo + 1;
	depth = svg_open(h, o, W, H, "chart chart-bars", NULL, NULL,
			 "Stapeldiagram. Samma värden finns i tabellen.", NULL);
	snprintf(pat, sizeof(pat), "url(#%s-man)", o && o->id ? o->id : "svg");
	if (by_sex) {
		char pid[96];
		snprintf(pid, sizeof(pid), "%s-man", o && o->id ? o->id : "svg");
		html_open(h, "defs", NULL);
		html_open(h, "pattern", "id", pid, "width", "6", "height", "6", "patternunits", "userSpaceOnUse",
			  "patterntransform", "rotate(45)", NULL);
		rect(h, 0, 0, 6, 6, "#d9e8f5", NULL, NULL);
		line(h, 0, 0, 0, 6, "#1f5f99", "3", NULL);
		html_close(h);
		html_close(h);
	}
	if (o && o->example)
		example_label(h, W);
	if (n == 0) {
		text(h, W / 2, top + 18, "middle", 14, 0, 0, MUTED, "Inga värden");
		html_close_to(h, depth);
		return;
	}
	double bottom = top + (double)n * row_h;
	/* the zero line and the scale's ends */
	line(h, sx(&s, 0), top - 4, sx(&s, 0), bottom + 4, MUTED, NULL, NULL);
	text(h, sx(&s, s.lo), bottom + 20, s.lo < 0 ? "start" : "middle", CHART_SIZE, 0, 0, MUTED,
	     svg_fmt_value(s.lo, dec, unit, 0, v1, sizeof(v1)));
	text(h, sx(&s, s.hi), bottom + 20, "end", CHART_SIZE, 0, 0, MUTED, svg_fmt_value(s.hi, dec, unit, 0, v1, sizeof(v1)));
	char xl[24], xk[24], xv[24];	/* the x of the by-sex rows' labels, K and M, and values */
	co(xl, label_w - 26);
	co(xk, label_w - 6);
	co(xv, W - value_w + 8);
	for (size_t i = 0; i < n; i++) {
		const struct svg_bar *b = &bars[i];
		double y = top + (double)i * row_h;
		if (b->highlight)
			rect(h, 0, y, W, row_h, "#fff3c4", NULL, NULL);
		if (by_sex) {	/* text()'s elements with their fixed attributes in two templates */
			char ly[24], ky[24], my[24], lab2[200];
			co(ly, y + row_h / 2 + 5);
			co(ky, y + 3 + bar_h - 2);
			co(my, y + 5 + 2 * bar_h - 2);
			HTML_TPL(h, "<text x=\"" HTML_HOLE "\" y=\"" HTML_HOLE "\" text-anchor=\"end\" font-size=\"13\" font-weight=\""
				 HTML_HOLE "\">" HTML_HOLE "</text><text x=\"" HTML_HOLE "\" y=\"" HTML_HOLE "\" text-anchor=\"end\" "
				 "font-size=\"11\" font-weight=\"bold\">K</text><text x=\"" HTML_HOLE "\" y=\"" HTML_HOLE
				 "\" text-anchor=\"end\" font-size=\"11\" font-weight=\"bold\">M</text>",
				 xl, ly, b->highlight ? "bold" : NULL, b->label ? b->label : "", xk, ky, xk, my);
			hbar(h, &s, b->women, y + 3, bar_h, "#4a2c82", NULL);
			hbar(h, &s, b->men, y + 5 + bar_h, bar_h, pat, "#1f5f99");
			svg_fmt_value(b->women, dec, unit, 0, v1, sizeof(v1));
			svg_fmt_value(b->men, dec, unit, 0, v2, sizeof(v2));
			HTML_TPL(h, "<text x=\"" HTML_HOLE "\" y=\"" HTML_HOLE "\">" HTML_HOLE "</text><text x=\"" HTML_HOLE
				 "\" y=\"" HTML_HOLE "\">" HTML_HOLE "</text>", xv, ky, sex_label(lab, sizeof(lab), 'K', v1),
				 xv, my, sex_label(lab2, sizeof(lab2), 'M', v2));
		} else {
			text(h, label_w - 8, y + row_h / 2 + 5, "end", 13, b->highlight, 0, CHART_INK,
			     b->label ? b->label : "");
			hbar(h, &s, b->value, y + (row_h - bar_h) / 2, bar_h, ACCENT, NULL);
			text(h, W - value_w + 8, y + row_h / 2 + 5, "start", 13, b->highlight, 0,
			     missing(b->value) ? MUTED : CHART_INK, svg_fmt_value(b->value, dec, unit, 0, v1, sizeof(v1)));
		}
	}
	if (!missing(city)) {
		double x = sx(&s, city);
		const char *anchor = x < s.x0 + 90 ? "start" : x > s.x1 - 90 ? "end" : "middle";
		line(h, x, top - 6, x, bottom + 4, INK, "2", "6 4");
		const char *part[] = { "Stadens snitt ", svg_fmt_value(city, dec, unit, 0, v1, sizeof(v1)) };
		numfmt_join(lab, sizeof(lab), part, 2);	/* "Stadens snitt %s" */
		text(h, x, top - 10, anchor, CHART_SIZE, 1, 1, CHART_INK, lab);
	}
	if (by_sex) {
		double y = bottom + 30;
		rect(h, label_w, y, 22, 12, "#4a2c82", NULL, NULL);
		text(h, label_w + 28, y + 11, "start", CHART_SIZE, 0, 0, CHART_INK, "K = kvinnor");
		rect(h, label_w + 140, y, 22, 12, pat, "#1f5f99", NULL);
		text(h, label_w + 168, y + 11, "start", CHART_SIZE, 0, 0, CHART_INK, "M = män");
	}
	html_close_to(h, depth);
}

/* ---- line chart ------------------------------------------------------------------------ */

/* nice_step: a round step (1, 2, 2.5 or 5 times a power of ten) near range / 4. */
static double nice_step(double range)
{
	double raw = range / 4, mag = pow(10, floor(log10(raw))), norm = raw / mag;

	return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
}

/* step_decimals: the decimals needed to write multiples of step exactly (at most 6). */
static int step_decimals(double step)
{
	int d = 0;

	while (d < 6 && fabs(step * pow(10, d) - round(step * pow(10, d))) > 1e-6)
		d++;
	return d;
}

static const struct line_style { const char *stroke, *width, *dash; } line_style[SVG_LINE__MAX] = {
	[SVG_LINE_OUTCOME] = { ACCENT, "3", NULL },
	[SVG_LINE_TARGET] = { "#1e7b34", "2", "8 5" },
	[SVG_LINE_CITY] = { "#444444", "2", "2 4" },
	[SVG_LINE_OTHER] = { "#888888", "1.5", NULL },
};

static enum svg_line_kind kind_ok(enum svg_line_kind k)
{
	return (unsigned)k < SVG_LINE__MAX ? k : SVG_LINE_OTHER;
}

/* marker: the series' marker at (x, y), with a tooltip title (NULL: none). */
static void marker(struct html *h, enum svg_line_kind k, double x, double y, const char *tip)
{
	char a[24], b[24], d[96];

	k = kind_ok(k);
	if (k == SVG_LINE_TARGET) {	/* each a template left open for its title */
		HTML_TPL(h, "<rect x=\"" HTML_HOLE "\" y=\"" HTML_HOLE "\" width=\"8\" height=\"8\" fill=\"#ffffff\" stroke=\""
			 HTML_HOLE "\" stroke-width=\"2\">", co(a, x - 4), co(b, y - 4), line_style[k].stroke);
	} else if (k == SVG_LINE_CITY) {
		const char *part[] = { "M", co(a, x), " ", co(b, y - 5), "l5 5l-5 5l-5 -5z" };
		numfmt_join(d, sizeof(d), part, 5);	/* "M%s %sl5 5l-5 5l-5 -5z" */
		HTML_TPL(h, "<path d=\"" HTML_HOLE "\" fill=\"" HTML_HOLE "\">", d, line_style[k].stroke);
	} else {
		HTML_TPL(h, "<circle cx=\"" HTML_HOLE "\" cy=\"" HTML_HOLE "\" r=\"" HTML_HOLE "\" fill=\"" HTML_HOLE "\">",
			 co(a, x), co(b, y), k == SVG_LINE_OUTCOME ? "4.5" : "2.5", line_style[k].stroke);
	}
	if (tip)
		HTML_ELEM(h, "title", tip);
	html_close(h);
}

/* add_parts: what buf_addf(b, "%s%s...", part[0], ...) does, without printf: all the parts, or
 * (past b's max) nothing and the overflow flag. */
static void add_parts(struct buf *b, const char *const *part, int n)
{
	size_t total = 0;

	for (int i = 0; i < n; i++)
		total += strlen(part[i]);
	if (b->overflow || total > b->max - b->len) {
		b->overflow = 1;
		return;
	}
	for (int i = 0; i < n; i++)
		buf_adds(b, part[i]);
}

/* add_point: appends "x,y" to a polyline's points, after a space unless it is the first. */
static void add_point(struct buf *pts, const char *x, const char *y)
{
	if (pts->len)
		buf_addc(pts, ' ');
	buf_adds(pts, x);
	buf_addc(pts, ',');
	buf_adds(pts, y);
}

/* polyline: the runs of known values of v as lines (a run of one is only its marker). */
static void series_lines(struct html *h, const struct svg_series *se, size_t nx, const double *xs,
			 const struct scale *ys)
{
	struct buf pts;
	char a[24], b[24];
	const struct line_style *st = &line_style[kind_ok(se->kind)];

	buf_init(&pts, 1 << 20);
	for (size_t i = 0; i <= nx; i++) {
		int known = i < nx && se->v && !missing(se->v[i]);
		if (known) {
			add_point(&pts, co(a, xs[i]), co(b, sx(ys, se->v[i])));
			continue;
		}
		if (strchr(pts.ptr, ' ')) {
			html_open(h, "polyline", "points", pts.ptr, "stroke", st->stroke, "stroke-width", st->width,
				  "stroke-dasharray", st->dash, NULL);
			html_close(h);
		}
		buf_reset(&pts);
	}
	buf_release(&pts);
}

void svg_line_chart(struct html *h, const struct svg_opts *o, const char *const *xlabels, size_t nx,
		    const struct svg_series *s, size_t ns)
{
	const double W = 720, left = 72, right = 24, top = 34, plot_h = 220;
	const int dec = clamp_decimals(o ? o->decimals : 1);
	const char *unit = o ? o->unit : NULL;
	double H = top + plot_h + 34 + (double)(ns ? ns : 1) * 22 + 8;
	struct scale ys = { 0, 0, top + plot_h, top };	/* y grows downwards: x0 is the bottom */
	char v1[96], lab[320];
	int depth, any = 0;
	double *xs;

	for (size_t j = 0; j < ns; j++)
		for (size_t i = 0; i < nx && s[j].v; i++)
			if (!missing(s[j].v[i])) {
				widen(&ys.lo, &ys.hi, s[j].v[i]);
				any = 1;
			}
	depth = svg_open(h, o, W, H, "chart chart-line", NULL, NULL,
			 "Linjediagram över perioder. Samma värden finns i tabellen.", NULL);
	if (o && o->example)
		example_label(h, W);
	if (!any || nx == 0) {
		text(h, W / 2, top + plot_h / 2, "middle", 14, 0, 0, MUTED, "Inga värden");
		html_close_to(h, depth);
		return;
	}
	double step = nice_step(ys.hi - ys.lo > 1e-12 ? ys.hi - ys.lo : (fabs(ys.hi) > 1e-12 ? fabs(ys.hi) : 1));
	ys.lo = floor(ys.lo / step + 1e-9) * step;
	ys.hi = ceil(ys.hi / step - 1e-9) * step;
	if (ys.hi - ys.lo < step / 2)
		ys.hi = ys.lo + step;
	int tdec = step_decimals(step);
	for (double t = ys.lo; t <= ys.hi + step / 2; t += step) {
		double y = sx(&ys, t);
		line(h, left, y, W - right, y, fabs(t) < step / 1000 ? MUTED : GRID, NULL, NULL);
		text(h, left - 8, y + 4, "end", CHART_SIZE, 0, 0, MUTED, svg_fmt_value(fabs(t) < step / 1000 ? 0 : t, tdec,
		     NULL, 0, v1, sizeof(v1)));
	}
	if (unit && *unit)
		text(h, 6, top - 14, "start", CHART_SIZE, 0, 0, MUTED, unit);
	xs = xcalloc(nx, sizeof(*xs));
	for (size_t i = 0; i < nx; i++) {
		xs[i] = nx == 1 ? (left + W - right) / 2 : left + 20 + (double)i * (W - right - left - 40) / (double)(nx - 1);
		text(h, xs[i], top + plot_h + 20, "middle", CHART_SIZE, 0, 0, CHART_INK, xlabels && xlabels[i] ? xlabels[i] : "");
	}
	for (size_t j = 0; j < ns; j++)
		series_lines(h, &s[j], nx, xs, &ys);
	for (size_t j = 0; j < ns; j++) {
		if (kind_ok(s[j].kind) == SVG_LINE_OTHER)
			continue;
		for (size_t i = 0; i < nx && s[j].v; i++) {
			if (missing(s[j].v[i]))
				continue;
			const char *part[] = { s[j].name ? s[j].name : "", ", ", xlabels && xlabels[i] ? xlabels[i] : "",
					       ": ", svg_fmt_value(s[j].v[i], dec, unit, 0, v1, sizeof(v1)) };
			numfmt_join(lab, sizeof(lab), part, 5);	/* "%s, %s: %s" */
			marker(h, s[j].kind, xs[i], sx(&ys, s[j].v[i]), lab);
		}
	}
	/* the legend: style sample, name and latest known value */
	for (size_t j = 0; j < ns; j++) {
		double y = top + plot_h + 42 + (double)j * 22;
		enum svg_line_kind k = kind_ok(s[j].kind);
		double last = NAN;
		for (size_t i = 0; i < nx && s[j].v; i++)
			if (!missing(s[j].v[i]))
				last = s[j].v[i];
		line(h, left, y, left + 36, y, line_style[k].stroke, line_style[k].width, line_style[k].dash);
		if (k != SVG_LINE_OTHER)
			marker(h, k, left + 18, y, NULL);
		const char *part[] = { s[j].name ? s[j].name : "", missing(last) ? ": saknar värden" : ": senast ",
				       missing(last) ? "" : svg_fmt_value(last, dec, unit, 0, v1, sizeof(v1)) };
		numfmt_join(lab, sizeof(lab), part, 3);	/* "%s: saknar värden", "%s: senast %s" */
		text(h, left + 46, y + 4, "start", 13, 0, 0, CHART_INK, lab);
	}
	free(xs);
	html_close_to(h, depth);
}

/* ---- sparkline ------------------------------------------------------------------------- */

/* listed_value: the text svg_fmt_value writes for v, in out (96 bytes): copied from where the
 * sparkline's list holds it (span: from, to in pts), or formatted anew when the list was cut. */
static const char *listed_value(const struct buf *pts, const size_t span[2], double v, int dec,
				const char *unit, char out[96])
{
	size_t n = span[1] - span[0];

	if (pts->overflow || n == 0 || n >= 96)
		return svg_fmt_value(v, dec, unit, 0, out, 96);
	memcpy(out, pts->ptr + span[0], n);
	out[n] = '\0';
	return out;
}

/* spark_co: co's text of v (one decimal, the tenths rounded half away from zero as lround does)
 * at p, NUL-terminated; returns its end. The sparkline's coordinates lie in [0, 96]: for
 * those the tenths are the truncated product plus one when its fraction (exact below 2^52) is
 * at least a half, written without a call; any other value goes through co. */
static char *spark_co(char *p, double v)
{
	if (!(v >= 0 && v < 999)) {
		char b[24];
		size_t n = strlen(co(b, v));
		memcpy(p, b, n + 1);
		return p + n;
	}
	double y = v * 10;
	unsigned t = (unsigned)y;	/* unsigned: the divisions by ten without a sign's fix-up */
	t += y - (double)t >= 0.5;
	unsigned q = t / 10, r = t - q * 10;
	if (q >= 100)
		*p++ = (char)('0' + q / 100);
	if (q >= 10)
		*p++ = (char)('0' + q / 10 % 10);
	*p++ = (char)('0' + q % 10);
	*p++ = '.';
	*p++ = (char)('0' + r);
	*p = '\0';
	return p;
}

/* spark_point: appends "x,y" to a sparkline's points, after a space unless it is the first
 * (add_point's text, in one append). */
static void spark_point(struct buf *pts, double x, double y)
{
	char t[56], *p = t;

	if (pts->len)
		*p++ = ' ';
	p = spark_co(p, x);
	*p++ = ',';
	p = spark_co(p, y);
	buf_add(pts, t, (size_t)(p - t));
}

/* A sparkline's size and the room around its line. */
#define SPARK_W 96.0
#define SPARK_H 24.0
#define SPARK_PAD 3.0

/* A sparkline's known values: where they start and end, how many, and their scale (ys). */
struct spark_scan {
	size_t first, last, known;
	struct scale ys;
};

/* spark_scan: v's known values (v NULL: none); a flat series gets a scale of +-1 around it. */
static void spark_scan(struct spark_scan *k, const double *v, size_t n)
{
	*k = (struct spark_scan){ n, n, 0, { INFINITY, -INFINITY, SPARK_H - SPARK_PAD, SPARK_PAD } };
	for (size_t i = 0; v && i < n; i++) {
		if (missing(v[i]))
			continue;
		if (k->first == n)
			k->first = i;
		k->last = i;
		k->known++;
		widen(&k->ys.lo, &k->ys.hi, v[i]);
	}
	if (k->known > 0 && k->ys.hi - k->ys.lo < 1e-12) {
		k->ys.lo -= 1;
		k->ys.hi += 1;
	}
}

/* spark_x: the x of value i of n. */
static double spark_x(size_t i, size_t n)
{
	return n == 1 ? SPARK_W / 2 : SPARK_PAD + (double)i * (SPARK_W - 2 * SPARK_PAD) / (double)(n - 1);
}

/* spark_xco: spark_co(p, spark_x(i, n)), for a sparkline of two to ten values without the
 * double: x's tenths are 30 + 900i/(n-1), rounded half up as spark_co rounds the product (the
 * fractions are sevenths or eighths, exact in the double; test-svg compares this path's bytes
 * with spark_buffered's, which takes spark_co, for every n to twelve). Others go through
 * spark_co. */
static char *spark_xco(char *p, size_t i, size_t n)
{
	if (n < 2 || n > 10 || i >= n)
		return spark_co(p, spark_x(i, n));
	unsigned d = (unsigned)n - 1, num = 900u * (unsigned)i;
	unsigned t = 30u + num / d + (2u * (num % d) >= d), q = t / 10;
	if (q >= 10)
		*p++ = (char)('0' + q / 10);
	*p++ = (char)('0' + q % 10);
	*p++ = '.';
	*p++ = (char)('0' + t % 10);
	*p = '\0';
	return p;
}

/* spark_points: the points of v's known values (v[0..n), scanned into k) as a polyline's
 * "x,y x,y" at p, NUL-terminated; the end. p must hold 18 bytes a value and one. */
static char *spark_points(char *p, const struct spark_scan *k, const double *v, size_t n)
{
	char *q = p;

	*q = '\0';
	for (size_t i = 0; i < n; i++) {
		if (missing(v[i]))
			continue;
		if (q > p)
			*q++ = ' ';
		q = spark_xco(q, i, n);
		*q++ = ',';
		q = spark_co(q, sx(&k->ys, v[i]));
	}
	return q;
}

/* spark_marks: a sparkline's marks inside its svg: the line through pts (two known values or
 * more) and a dot on the last value, or a dashed line when no value is known. */
static void spark_marks(struct html *h, const struct spark_scan *k, const double *v, size_t n, const char *pts)
{
	char a[24], b[24];

	if (k->known == 0) {
		line(h, SPARK_PAD, SPARK_H / 2, SPARK_W - SPARK_PAD, SPARK_H / 2, GRID, NULL, "3 3");
		return;
	}
	if (k->known > 1) {
		HTML_START(h, "polyline");	/* drawn by .sparkline polyline (css-base.c) */
		HTML_ATTR(h, "points", pts);
		html_start_end(h, 1);
		html_close(h);
	}
	HTML_START(h, "circle");
	spark_co(a, spark_x(k->last, n));
	spark_co(b, sx(&k->ys, v[k->last]));
	HTML_ATTR(h, "cx", a);
	HTML_ATTR(h, "cy", b);
	HTML_ATTR_V(h, "r", "2.5");	/* its fill: .sparkline circle (css-base.c) */
	html_start_end(h, 1);
	html_close(h);
}

/* spark_buffered: svg_sparkline through growing buffers, for any length of text (spark_fast's
 * texts did not fit its room). */
static void spark_buffered(struct html *h, const struct svg_opts *o, const double *v, size_t n)
{
	const int dec = clamp_decimals(o ? o->decimals : 1);
	const char *unit = o ? o->unit : NULL;
	const char *title = o && o->title ? o->title : "Utveckling";
	struct spark_scan k;
	struct buf desc, pts;
	char v1[96], v2[96];
	int depth;

	spark_scan(&k, v, n);
	buf_init(&desc, 1 << 16);
	buf_init(&pts, 1 << 20);
	/* the list of values first: the title's first and last value are copied from it */
	size_t span[2][2] = { { 0, 0 }, { 0, 0 } };
	buf_adds(&pts, "Värden i ordning: ");
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(&pts, "; ");
		size_t from = pts.len;
		buf_adds(&pts, svg_fmt_value(v ? v[i] : NAN, dec, unit, 0, v1, sizeof(v1)));
		for (int j = 0; j < 2; j++)
			if (i == (j ? k.last : k.first))
				span[j][0] = from, span[j][1] = pts.len;
	}
	if (n == 0)
		buf_adds(&pts, "inga");
	if (k.known == 0) {
		const char *part[] = { title, ": saknar värden" };
		add_parts(&desc, part, 2);
	} else if (k.known == 1) {
		const char *part[] = { title, ": ", listed_value(&pts, span[1], v[k.last], dec, unit, v1) };
		add_parts(&desc, part, 3);
	} else {
		const char *part[] = { title, ": ", listed_value(&pts, span[0], v[k.first], dec, unit, v1), " till ",
				       listed_value(&pts, span[1], v[k.last], dec, unit, v2) };
		add_parts(&desc, part, 5);
	}
	struct svg_opts oo = { o ? o->id : NULL, desc.ptr, NULL, unit, dec, 0 };
	oo.desc = o && o->desc ? o->desc : pts.ptr;
	depth = svg_open(h, &oo, SPARK_W, SPARK_H, "sparkline", NULL, NULL, NULL, NULL);
	buf_reset(&pts);
	for (size_t i = 0; k.known > 1 && i < n; i++)
		if (!missing(v[i]))
			spark_point(&pts, spark_x(i, n), sx(&k.ys, v[i]));
	spark_marks(h, &k, v, n, pts.ptr);
	buf_release(&desc);
	buf_release(&pts);
	html_close_to(h, depth);
}

/* A text of spark_fast, in room of its own (on the stack): an append that does not fit sets
 * full, and the sparkline is then written by spark_buffered. */
struct spark_text {
	char *p;
	size_t len, size;
	int full;
};

static void st_add(struct spark_text *t, const char *s, size_t n)
{
	if (t->full || n >= t->size - t->len) {
		t->full = 1;
		return;
	}
	memcpy(t->p + t->len, s, n);
	t->len += n;
	t->p[t->len] = '\0';
}

/* spark_value: appends svg_fmt_value's text of v (unit: " " and the unit, or ""; ul its length)
 * to t, and where it starts and ends to at; full when the text would not have fit
 * svg_sparkline's 96 bytes (that one is cut there). */
static void spark_value(struct spark_text *t, double v, int dec, const char *unit, size_t ul, size_t at[2])
{
	char num[64];
	size_t nl;

	at[0] = t->len;
	if (!t->full && !missing(v)) {	/* formatted in place, the unit after it (model_fmt_num_unit) */
		size_t room = t->size - t->len;
		int k = model_fmt_num_unit(v, dec, 0, ul ? unit + 1 : NULL, t->p + t->len, room < 96 ? room : 96);
		if (k >= 0) {
			t->len += (size_t)k;
			at[1] = t->len;
			return;
		}
	}
	if (missing(v) || model_fmt_num(v, dec, num, sizeof(num)) != 0)
		st_add(t, "saknar värde", sizeof("saknar värde") - 1);
	else if ((nl = strlen(num)) + ul < 96) {
		st_add(t, num, nl);
		st_add(t, unit, ul);
	} else
		t->full = 1;
	at[1] = t->len;
}

/* spark_last: the last point's x and y (the last known value's: the points' last "x,y") of the
 * points' text pts (len bytes, two points or more) in cx and cy (24 bytes each), as spark_marks
 * writes them: its coordinates computed once */
static void spark_last(const char *pts, size_t len, char cx[24], char cy[24])
{
	size_t i = len, comma;

	while (i > 0 && pts[i - 1] != ' ')
		i--;
	for (comma = i; comma < len && pts[comma] != ','; comma++)
		;
	size_t nx = comma - i < 23 ? comma - i : 23, ny = len - comma - 1 < 23 ? len - comma - 1 : 23;
	memcpy(cx, pts + i, nx);
	cx[nx] = '\0';
	memcpy(cy, pts + comma + 1, ny);
	cy[ny] = '\0';
}

/* spark_fast: svg_sparkline with its texts in room on the stack, the values formatted once
 * (the title's first and last are copied from the list) and the points written as they are
 * found; the same bytes as spark_buffered. Returns 0, or -1 (nothing written) when a text
 * does not fit or there are no values. */
static int spark_fast(struct html *h, const struct svg_opts *o, const double *v, size_t n)
{
	const int dec = clamp_decimals(o ? o->decimals : 1);
	const char *title = o && o->title ? o->title : "Utveckling";
	char ubuf[128], lbuf[2048], dbuf[1024], pbuf[2048];
	struct spark_text list = { lbuf, 0, sizeof(lbuf), 0 }, desc = { dbuf, 0, sizeof(dbuf), 0 };
	struct spark_text pts = { pbuf, 0, sizeof(pbuf), 0 };
	struct spark_scan k;
	size_t ul = 0, span[2][2] = { { 0, 0 }, { 0, 0 } };

	if (!v || n == 0)
		return -1;
	if (o && o->unit && *o->unit) {
		if ((ul = strlen(o->unit)) + 1 >= sizeof(ubuf))
			return -1;
		ubuf[0] = ' ';
		memcpy(ubuf + 1, o->unit, ul + 1);
		ul++;			/* the space and the unit */
	}
	lbuf[0] = dbuf[0] = pbuf[0] = '\0';
	spark_scan(&k, v, n);
	st_add(&list, "Värden i ordning: ", sizeof("Värden i ordning: ") - 1);
	for (size_t i = 0; i < n; i++) {
		size_t at[2];
		if (i)
			st_add(&list, "; ", 2);
		spark_value(&list, v[i], dec, ubuf, ul, at);
		for (int j = 0; j < 2; j++)
			if (i == (j ? k.last : k.first))
				span[j][0] = at[0], span[j][1] = at[1];
	}
	st_add(&desc, title, strlen(title));
	if (k.known == 0) {
		st_add(&desc, ": saknar värden", sizeof(": saknar värden") - 1);
	} else {
		st_add(&desc, ": ", 2);
		if (k.known > 1) {
			st_add(&desc, lbuf + span[0][0], span[0][1] - span[0][0]);
			st_add(&desc, " till ", 6);
		}
		st_add(&desc, lbuf + span[1][0], span[1][1] - span[1][0]);
	}
	int direct = k.known > 1 && n < sizeof(pbuf) / 32;	/* a point has at most 1 + 5 + 1 + 11 bytes */
	if (direct)
		pts.len = (size_t)(spark_points(pbuf, &k, v, n) - pbuf);
	for (size_t i = 0; !direct && k.known > 1 && i < n; i++) {	/* a longer series: appends checked */
		char t[56], *q = t;
		if (missing(v[i]))
			continue;
		if (pts.len)
			*q++ = ' ';
		q = spark_xco(q, i, n);
		*q++ = ',';
		q = spark_co(q, sx(&k.ys, v[i]));
		st_add(&pts, t, (size_t)(q - t));
	}
	if (list.full || desc.full || pts.full)
		return -1;
	if (k.known > 1) {	/* svg_open's and spark_marks' markup as one template */
		char cx[24], cy[24];
		spark_last(pbuf, pts.len, cx, cy);
		HTML_TPL(h, "<svg viewbox=\"0 0 96 24\" role=\"img\" class=\"sparkline\"><title>" HTML_HOLE
			 "</title><desc>" HTML_HOLE "</desc><polyline points=\"" HTML_HOLE "\"></polyline><circle cx=\""
			 HTML_HOLE "\" cy=\"" HTML_HOLE "\" r=\"2.5\"></circle></svg>",
			 dbuf, o && o->desc ? o->desc : lbuf, pbuf, cx, cy);
		return 0;
	}
	struct svg_opts oo = { o ? o->id : NULL, dbuf, NULL, o ? o->unit : NULL, dec, 0 };
	oo.desc = o && o->desc ? o->desc : lbuf;
	int depth = svg_open(h, &oo, SPARK_W, SPARK_H, "sparkline", NULL, NULL, NULL, NULL);
	spark_marks(h, &k, v, n, pbuf);
	html_close_to(h, depth);
	return 0;
}

int svg_sparkline_pre(struct html *h, const struct svg_opts *o, const struct html_pre *title,
		      const struct html_pre *title2, const double *v, size_t n)
{
	static const struct html_pre none = { "", 0 };
	const int dec = clamp_decimals(o ? o->decimals : 1);
	char ubuf[128], lbuf[2048], pbuf[2048], first[96], last[96], cx[24], cy[24];
	struct spark_text list = { lbuf, 0, sizeof(lbuf), 0 };
	struct spark_scan k;
	size_t ul = 0, span[2][2] = { { 0, 0 }, { 0, 0 } };
	static const char head[] = "Värden i ordning: ";

	if (!title || !v || n < 2 || n >= sizeof(pbuf) / 32 || (o && o->desc))	/* a point: at most 18 bytes */
		return -1;
	spark_scan(&k, v, n);
	if (k.known < 2)
		return -1;
	if (o && o->unit && *o->unit) {
		if ((ul = strlen(o->unit)) + 1 >= sizeof(ubuf))
			return -1;
		ubuf[0] = ' ';
		memcpy(ubuf + 1, o->unit, ul + 1);
		ul++;			/* the space and the unit */
	}
	lbuf[0] = '\0';
	st_add(&list, head, sizeof(head) - 1);
	for (size_t i = 0; i < n; i++) {
		size_t at[2];
		if (i)
			st_add(&list, "; ", 2);
		spark_value(&list, v[i], dec, ubuf, ul, at);
		for (int j = 0; j < 2; j++)
			if (i == (j ? k.last : k.first))
				span[j][0] = at[0], span[j][1] = at[1];
	}
	if (list.full || span[0][1] - span[0][0] >= sizeof(first) || span[1][1] - span[1][0] >= sizeof(last))
		return -1;
	memcpy(first, lbuf + span[0][0], span[0][1] - span[0][0]);
	first[span[0][1] - span[0][0]] = '\0';
	memcpy(last, lbuf + span[1][0], span[1][1] - span[1][0]);
	last[span[1][1] - span[1][0]] = '\0';
	char *q = spark_points(pbuf, &k, v, n);
	spark_last(pbuf, (size_t)(q - pbuf), cx, cy);
	/* spark_fast's template, the title's parts in holes and pieces of their own */
	HTML_TPLX(h, "<svg viewbox=\"0 0 96 24\" role=\"img\" class=\"sparkline\"><title>" HTML_HOLE HTML_HOLE ": " HTML_HOLE
		  " till " HTML_HOLE "</title><desc>Värden i ordning: " HTML_HOLE "</desc><polyline points=\"" HTML_HOLE
		  "\"></polyline><circle cx=\"" HTML_HOLE "\" cy=\"" HTML_HOLE "\" r=\"2.5\"></circle></svg>",
		  HTML_P(title), HTML_P(title2 ? title2 : &none), HTML_T(first), HTML_T(last), HTML_T(lbuf + sizeof(head) - 1), HTML_T(pbuf), HTML_T(cx),
		  HTML_T(cy));
	return 0;
}

void svg_sparkline(struct html *h, const struct svg_opts *o, const double *v, size_t n)
{
	if (spark_fast(h, o, v, n) != 0)
		spark_buffered(h, o, v, n);
}

/* ---- the district map ------------------------------------------------------------------ */

/* The schematic layout: Västerort in the north-west, the inner city in the middle, Söderort
 * in the south. */
static const struct { const char *key; int col, row; } slots[] = {
	{ "hasselby-vallingby", 0, 0 }, { "spanga-tensta", 1, 0 }, { "rinkeby-kista", 2, 0 },
	{ "bromma", 1, 1 }, { "kungsholmen", 2, 1 }, { "norrmalm", 3, 1 }, { "ostermalm", 4, 1 },
	{ "hagersten-liljeholmen", 2, 2 }, { "sodermalm", 3, 2 }, { "skarpnack", 4, 2 },
	{ "skarholmen", 1, 3 }, { "alvsjo", 2, 3 }, { "enskede-arsta-vantor", 3, 3 }, { "farsta", 4, 3 },
};
#define MAP_COLS 5
#define MAP_ROWS 4
#define MAP_TW 150.0		/* a tile's width and height, the gap between tiles */
#define MAP_TH 92.0
#define MAP_GAP 8.0
#define MAP_MARGIN 8.0
#define MAP_TOP 30.0

int svg_map_slot(const char *key, int *col, int *row)
{
	for (size_t i = 0; key && i < sizeof(slots) / sizeof(slots[0]); i++)
		if (strcmp(slots[i].key, key) == 0) {
			if (col)
				*col = slots[i].col;
			if (row)
				*row = slots[i].row;
			return 0;
		}
	return -1;
}

/* The bands' fills, patterns and symbols, by enum model_gap_class. */
static const struct { const char *fill, *pattern, *symbol; } band[MODEL_GAP__MAX] = {
	[MODEL_GAP_UNKNOWN] = { "#e6e6e6", NULL, "?" },
	[MODEL_GAP_BETTER] = { "#cfe3f3", "battre", "+" },
	[MODEL_GAP_NEAR] = { "#f7f7f7", NULL, "=" },
	[MODEL_GAP_WORSE] = { "#fbd5a8", "samre", "\xe2\x88\x92" },
	[MODEL_GAP_MUCH_WORSE] = { "#f2a39b", "mycket-samre", "\xe2\x88\x92\xe2\x88\x92" },
};

static enum model_gap_class band_ok(enum model_gap_class c)
{
	return (unsigned)c < MODEL_GAP__MAX ? c : MODEL_GAP_UNKNOWN;
}

const char *svg_band_symbol(enum model_gap_class c)
{
	return band[band_ok(c)].symbol;
}

/* pattern_id: "ID-NAME" into pid (size bytes), cut as snprintf cuts it. */
static void pattern_id(char *pid, size_t size, const char *id, const char *name)
{
	const char *part[] = { id, "-", name };

	numfmt_join(pid, size, part, 3);
}

static void map_patterns(struct html *h, const char *id)
{
	char pid[128];

	html_open(h, "defs", NULL);
	pattern_id(pid, sizeof(pid), id, "battre");
	html_open(h, "pattern", "id", pid, "width", "10", "height", "10", "patternunits", "userSpaceOnUse", NULL);
	html_open(h, "circle", "cx", "5", "cy", "5", "r", "1.8", "fill", "#2d6a9f", NULL);
	html_close(h);
	html_close(h);
	pattern_id(pid, sizeof(pid), id, "samre");
	html_open(h, "pattern", "id", pid, "width", "10", "height", "10", "patternunits", "userSpaceOnUse",
		  "patterntransform", "rotate(45)", NULL);
	line(h, 0, 0, 0, 10, "#b86a14", "1.5", NULL);
	html_close(h);
	pattern_id(pid, sizeof(pid), id, "mycket-samre");
	html_open(h, "pattern", "id", pid, "width", "10", "height", "10", "patternunits", "userSpaceOnUse",
		  "patterntransform", "rotate(45)", NULL);
	line(h, 0, 0, 0, 10, "#a8382c", "1.5", NULL);
	line(h, 0, 0, 10, 0, "#a8382c", "1.5", NULL);
	html_close(h);
	html_close(h);
}

/* The patterns' fills of one map, "url(#ID-PATTERN)" by band (empty: the band has none), made
 * once per map by map_urls. */
struct map_urls {
	char url[MODEL_GAP__MAX][160];
};

/* map_urls: each band's pattern fill for the map whose patterns' ids begin with id. */
static void map_urls(struct map_urls *u, const char *id)
{
	for (int c = 0; c < MODEL_GAP__MAX; c++) {
		const char *part[] = { "url(#", id, "-", band[c].pattern, ")" };
		u->url[c][0] = '\0';
		if (band[c].pattern)
			numfmt_join(u->url[c], sizeof(u->url[c]), part, 5);	/* "url(#%s-%s)" */
	}
}

/* swatch: a band's fill and pattern over x, y, w, ht. */
static void swatch(struct html *h, const struct map_urls *u, enum model_gap_class c, double x, double y,
		   double w, double ht, const char *stroke, const char *stroke_w)
{
	c = band_ok(c);
	rect(h, x, y, w, ht, band[c].fill, NULL, NULL);
	if (band[c].pattern)
		rect(h, x, y, w, ht, u->url[c], NULL, NULL);
	rect(h, x, y, w, ht, "none", stroke, stroke_w);
}

/* split_name: when name is long and has a hyphen, splits it after the hyphen nearest the
 * middle into a and b; else a is the whole name and b is empty. */
static void split_name(const char *name, char *a, size_t asz, char *b, size_t bsz)
{
	size_t len = strlen(name), best = 0;

	b[0] = '\0';
	if (len > 14 && len < asz && len < bsz) {
		for (size_t i = 1; i + 1 < len; i++)
			if (name[i] == '-' && (best == 0 || labs((long)i - (long)len / 2) < labs((long)best - (long)len / 2)))
				best = i;
	}
	if (best == 0) {
		numfmt_join(a, asz, &name, 1);	/* "%s" */
		return;
	}
	memcpy(a, name, best + 1);	/* "%.*s" of best + 1 bytes, and "%s" of the rest: len < asz, bsz */
	a[best + 1] = '\0';
	memcpy(b, name + best + 1, len - best);
}

/* A tile's pieces of markup for its templates (map_tile): a rect's size, a label's halo. */
#define TILE_SIZE "\" width=\"150.0\" height=\"92.0\""	/* MAP_TW, MAP_TH as co writes them */
#define TILE_HALO "\" fill=\"" INK "\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\">"
#define TILE_NAME(x, y) "<text x=\"" x "\" y=\"" y "\" font-size=\"14\" font-weight=\"bold" TILE_HALO HTML_HOLE "</text>"
#define TILE_VALUE \
	"<text x=\"" HTML_HOLE "\" y=\"" HTML_HOLE "\" font-size=\"" HTML_HOLE "\" font-weight=\"" HTML_HOLE TILE_HALO \
	HTML_HOLE "</text><text x=\"" HTML_HOLE "\" y=\"" HTML_HOLE "\" text-anchor=\"end\" font-size=\"18\"" \
	" font-weight=\"bold" TILE_HALO HTML_HOLE "</text>"

/* map_tile: a district's tile at x, y: its band's fill and pattern (u) under an outline (thick
 * for the current district), its name on one or two lines (l1, l2: "" for none), its value
 * (missing: the smaller, plain text) and its band's symbol; as swatch and halo_text write them,
 * in two templates rather than a call per element. */
static void map_tile(struct html *h, const struct map_urls *u, enum model_gap_class c, double x, double y,
		     int current, const char *l1, const char *l2, const char *value, int missing_value)
{
	char bx[24], by[24], tx[24], ty1[24], ty2[24], vy[24], sx[24];
	const char *stroke = current ? INK : "#8a8a8a", *sw = current ? "4" : "1";
	const char *fs = missing_value ? "13" : "18", *bold = missing_value ? NULL : "bold";

	c = band_ok(c);
	co(bx, x), co(by, y), co(tx, x + 10), co(ty1, y + 22), co(ty2, y + 40), co(vy, y + MAP_TH - 14);
	co(sx, x + MAP_TW - 10);
	if (band[c].pattern)
		HTML_TPL(h, "<rect x=\"" HTML_HOLE "\" y=\"" HTML_HOLE TILE_SIZE " fill=\"" HTML_HOLE "\"></rect><rect x=\""
			 HTML_HOLE "\" y=\"" HTML_HOLE TILE_SIZE " fill=\"" HTML_HOLE "\"></rect><rect x=\"" HTML_HOLE
			 "\" y=\"" HTML_HOLE TILE_SIZE " fill=\"none\" stroke=\"" HTML_HOLE "\" stroke-width=\"" HTML_HOLE
			 "\"></rect>", bx, by, band[c].fill, bx, by, u->url[c], bx, by, stroke, sw);
	else
		HTML_TPL(h, "<rect x=\"" HTML_HOLE "\" y=\"" HTML_HOLE TILE_SIZE " fill=\"" HTML_HOLE "\"></rect><rect x=\""
			 HTML_HOLE "\" y=\"" HTML_HOLE TILE_SIZE " fill=\"none\" stroke=\"" HTML_HOLE "\" stroke-width=\""
			 HTML_HOLE "\"></rect>", bx, by, band[c].fill, bx, by, stroke, sw);
	if (*l2)
		HTML_TPL(h, TILE_NAME(HTML_HOLE, HTML_HOLE) TILE_NAME(HTML_HOLE, HTML_HOLE) TILE_VALUE, tx, ty1, l1, tx, ty2,
			 l2, tx, vy, fs, bold, value, sx, vy, band[c].symbol);
	else
		HTML_TPL(h, TILE_NAME(HTML_HOLE, HTML_HOLE) TILE_VALUE, tx, ty1, l1, tx, vy, fs, bold, value, sx, vy,
			 band[c].symbol);
}

/* tile_at: the top left corner of district i's tile (extra counts the districts placed under
 * the map so far). */
static void tile_at(const struct svg_map_area *d, size_t *extra, double *x, double *y)
{
	int col, row;

	if (svg_map_slot(d->key, &col, &row) != 0) {
		col = (int)(*extra % MAP_COLS);
		row = MAP_ROWS + (int)(*extra / MAP_COLS);
		(*extra)++;
	}
	*x = MAP_MARGIN + col * (MAP_TW + MAP_GAP);
	*y = MAP_TOP + row * (MAP_TH + MAP_GAP);
}

/* map_links: the overlay with one transparent link per tile (only when a tile has a link). */
static void map_links(struct html *h, const struct svg_map_area *a, size_t n, const char *vb, int dec,
		      const char *unit)
{
	size_t extra = 0, links = 0;
	char v1[96], tip[600], bx[24], by[24];
	double x, y;

	for (size_t i = 0; i < n; i++)
		links += a[i].href != NULL;
	if (!links)
		return;
	html_open(h, "svg", "xmlns", "http://www.w3.org/2000/svg", "viewbox", vb, "class", "map-links",
		  "role", "group", "aria-label", "Stadsdelsområdena som länkar", NULL);
	for (size_t i = 0; i < n; i++) {
		const struct svg_map_area *d = &a[i];
		const char *name = d->name ? d->name : d->key ? d->key : "";
		tile_at(d, &extra, &x, &y);
		if (!d->href)
			continue;
		const char *part[] = { name, ": ", svg_fmt_value(d->value, dec, unit, 0, v1, sizeof(v1)), ", ",
			model_gap_class_label_sv(band_ok(d->band)) };
		numfmt_join(tip, sizeof(tip), part, 5);	/* "%s: %s, %s" */
		HTML_TPL(h, "<a href=\"" HTML_HOLE "\" aria-label=\"" HTML_HOLE "\"><title>" HTML_HOLE "</title><rect x=\""
			 HTML_HOLE "\" y=\"" HTML_HOLE "\" width=\"150.0\" height=\"92.0\" fill=\"transparent\"></rect></a>",
			 d->href, tip, tip, co(bx, x), co(by, y));	/* MAP_TW, MAP_TH */
	}
	html_close(h);
}

/* The map's parts that hold no district: the patterns and the note above the tiles (MAP_HEAD),
 * the example label (MAP_EXAMPLE) and the legend (MAP_LEGEND). They depend only on the patterns'
 * id (from the caller's code) and the legend's place, so they are written once per process
 * through the writer (map_cache) and copied from there into each map as trusted markup: some
 * forty elements a map that cost about 0.1M instructions on the city page. */
enum map_part { MAP_HEAD, MAP_EXAMPLE, MAP_LEGEND, MAP__PARTS };

typedef void map_part_fn(struct html *h, const char *id, double legend_y);

static double map_width(void)
{
	return 2 * MAP_MARGIN + MAP_COLS * (MAP_TW + MAP_GAP) - MAP_GAP;
}

static void head_part(struct html *h, const char *id, double legend_y)
{
	(void)legend_y;
	map_patterns(h, id);
	text(h, MAP_MARGIN, 20, "start", 13, 0, 0, MUTED, "Schematisk karta, inte skalenlig");
}

static void example_part(struct html *h, const char *id, double legend_y)
{
	(void)id, (void)legend_y;
	example_label(h, map_width());
}

/* legend_part: the legend in words, at legend_y. */
static void legend_part(struct html *h, const char *id, double legend_y)
{
	static const enum model_gap_class order[] = { MODEL_GAP_BETTER, MODEL_GAP_NEAR, MODEL_GAP_WORSE,
						      MODEL_GAP_MUCH_WORSE, MODEL_GAP_UNKNOWN };
	struct map_urls urls;

	map_urls(&urls, id);
	text(h, MAP_MARGIN, legend_y, "start", 13, 1, 0, INK, "Jämfört med stadens snitt:");
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		double lx = MAP_MARGIN + (double)(i % 3) * 262, ly = legend_y + 12 + (double)(i / 3) * 26;
		swatch(h, &urls, order[i], lx, ly, 34, 20, "#8a8a8a", "1");
		text(h, lx + 17, ly + 15, "middle", 13, 1, 1, INK, band[order[i]].symbol);
		text(h, lx + 42, ly + 15, "start", 13, 0, 0, INK, model_gap_class_label_sv(order[i]));
	}
}

static map_part_fn *const map_part_fns[MAP__PARTS] = {
	[MAP_HEAD] = head_part, [MAP_EXAMPLE] = example_part, [MAP_LEGEND] = legend_part,
};

/* The parts of the maps written so far, by id and legend_y; an entry, once filled, never changes. */
struct map_parts {
	char id[64];
	double legend_y;
	char *part[MAP__PARTS];
};

#define MAP_CACHE 4
static struct map_parts map_cache[MAP_CACHE];
static int map_ncache;
static pthread_mutex_t map_cache_lock = PTHREAD_MUTEX_INITIALIZER;

/* render_part: part k of the map (id, legend_y) as a malloc'd string, NULL when the writer
 * refused something. */
static char *render_part(enum map_part k, const char *id, double legend_y)
{
	struct buf b;
	struct html w;

	buf_init(&b, 1 << 16);
	html_init(&w, &b);
	map_part_fns[k](&w, id, legend_y);
	if (html_finish(&w) != 0) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/* fill_parts: p's parts for (id, legend_y); 0, or -1 (and none kept) when one cannot be made. */
static int fill_parts(struct map_parts *p, const char *id, double legend_y)
{
	int ok = 1;

	for (int k = 0; k < MAP__PARTS; k++)
		ok &= (p->part[k] = render_part((enum map_part)k, id, legend_y)) != NULL;
	if (!ok) {
		for (int k = 0; k < MAP__PARTS; k++) {
			free(p->part[k]);
			p->part[k] = NULL;
		}
		return -1;
	}
	memcpy(p->id, id, strlen(id) + 1);
	p->legend_y = legend_y;
	return 0;
}

/* map_parts_get: the parts of the map (id, legend_y), made at its first call; NULL when the
 * cache is full, the id too long or a part could not be made (the caller writes them itself). */
static const struct map_parts *map_parts_get(const char *id, double legend_y)
{
	const struct map_parts *found = NULL;

	if (strlen(id) >= sizeof(map_cache[0].id))
		return NULL;
	pthread_mutex_lock(&map_cache_lock);
	for (int i = 0; i < map_ncache && !found; i++)
		if (map_cache[i].legend_y == legend_y && strcmp(map_cache[i].id, id) == 0)
			found = &map_cache[i];
	if (!found && map_ncache < MAP_CACHE && fill_parts(&map_cache[map_ncache], id, legend_y) == 0)
		found = &map_cache[map_ncache++];
	pthread_mutex_unlock(&map_cache_lock);
	return found;
}

/* map_part: part k of the map (id, legend_y), copied from p, or written when p is NULL. */
static void map_part(struct html *h, const struct map_parts *p, enum map_part k, const char *id, double legend_y)
{
	if (p)
		html_raw_trusted(h, p->part[k]);
	else
		map_part_fns[k](h, id, legend_y);
}

void svg_district_map(struct html *h, const struct svg_opts *o, const struct svg_map_area *a, size_t n)
{
	const int dec = clamp_decimals(o ? o->decimals : 1);
	const char *unit = o ? o->unit : NULL;
	const char *id = o && o->id && *o->id ? o->id : "karta";
	size_t extra = 0;
	char v1[96], l1[256], l2[256], vb[64];
	struct map_urls urls;
	double x, y;
	int depth = h->depth;

	for (size_t i = 0; i < n; i++)
		if (svg_map_slot(a[i].key, NULL, NULL) != 0)
			extra++;
	int rows = MAP_ROWS + (int)((extra + MAP_COLS - 1) / MAP_COLS);
	double W = map_width();
	double legend_y = MAP_TOP + rows * (MAP_TH + MAP_GAP) + 14;
	double H = legend_y + 2 * 26 + 34;
	const struct map_parts *parts = map_parts_get(id, legend_y);
	char *p = vb + 4;	/* "0 0 %ld %ld", without printf */
	memcpy(vb, "0 0 ", 4);
	p += numfmt_long(lround(W), p);
	*p++ = ' ';
	numfmt_long(lround(H), p);
	html_open(h, "div", "class", "map", NULL);
	svg_begin(h, o, W, H, "chart chart-map", NULL, NULL,
		  "Schematisk karta över stadsdelsområdena. Samma värden finns i tabellen.");
	map_part(h, parts, MAP_HEAD, id, legend_y);
	map_urls(&urls, id);
	if (o && o->example)
		map_part(h, parts, MAP_EXAMPLE, id, legend_y);
	extra = 0;
	for (size_t i = 0; i < n; i++) {
		const struct svg_map_area *d = &a[i];
		enum model_gap_class c = band_ok(d->band);
		const char *name = d->name ? d->name : d->key ? d->key : "";
		tile_at(d, &extra, &x, &y);
		split_name(name, l1, sizeof(l1), l2, sizeof(l2));
		map_tile(h, &urls, c, x, y, d->current, l1, l2, svg_fmt_value(d->value, dec, unit, 0, v1, sizeof(v1)),
			 missing(d->value));
	}
	map_part(h, parts, MAP_LEGEND, id, legend_y);
	html_close(h);	/* the picture */
	map_links(h, a, n, vb, dec, unit);
	html_close_to(h, depth);
}
