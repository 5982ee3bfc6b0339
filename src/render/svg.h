/* svg.h: inline SVG charts and the schematic district map, written through the HTML writer.
 *
 * Contract shared by every function here:
 * - Each writes one <svg role="img"> element into h (with the HTML writer: every label is
 *   escaped, nothing is written raw). Its first children are <title> (the accessible name) and
 *   <desc> (the accessible description, the text alternative), as SVG-AAM maps them. opts->id
 *   prefixes the ids of the chart's patterns ("<id>-man", "<id>-samre"): ids must be unique on
 *   the page, so give one whenever the page has more than one chart with patterns.
 * - The chart is a picture. The caller must also print the same numbers in a table (a
 *   <table> with <caption> and <th scope>); the desc should say so.
 * - Values are doubles; NaN (or infinity) is a missing value: it is drawn as nothing (a gap, no
 *   bar) and said "saknar värde". Negative values are drawn on the other side of zero.
 * - Numbers shown are formatted with model_fmt_num (decimal comma, space between thousands)
 *   with opts->decimals and opts->unit. Coordinates are written locale-independently.
 * - Every element is written as a start and an end tag (never a bare void tag: in HTML, SVG
 *   elements are foreign content and would nest). The output is well-formed and balanced: the
 *   writer's depth is the same after the call as before.
 * - With opts->example the chart also carries the visible label "Exempeldata", so that a
 *   screenshot of the chart alone cannot be mistaken for real outcomes.
 * - Colour never carries meaning alone: series differ in line style and markers, map bands in
 *   pattern and symbol, and values are written as text.
 * Size: charts scale to their container's width (viewBox, width 100 %); heights follow the
 * amount of data.
 */
#ifndef LUP_SVG_H
#define LUP_SVG_H

#include <stddef.h>

#include "model/fmt.h"
#include "model/gap.h"

struct html;

/* What every chart needs. */
struct svg_opts {
	const char *id;		/* unique on the page, [a-z0-9-] ("karta"): prefix of the ids of
				 * its patterns; NULL: "svg" (bar chart), "karta" (map) */
	const char *title;	/* the <title>: what the chart shows (required; NULL writes "Diagram") */
	const char *desc;	/* the <desc>: the text alternative; NULL: a short generated one */
	const char *unit;	/* written after values ("%" gives "5,4 %"); NULL or "" for none */
	int decimals;		/* decimals of the values shown, 0..MODEL_FMT_MAX_DECIMALS
				 * (out of range: 1) */
	int example;		/* the values are example data: draw the label "Exempeldata" */
};

/*
 * svg_fmt_value (svg_fmt_value_long: the same, not inlined): v formatted for people:
 * model_fmt_num(v, decimals) followed by " unit" when
 * unit is given ("5,4 %", "1 200 st", "-2,5"), or "saknar värde" when v is NaN or infinite.
 * With sign, a positive value gets a leading '+' ("+1,2"); zero never has a sign. Always
 * NUL-terminates buf (size >= 1); cut when too small. Returns buf.
 */
char *svg_fmt_value_long(double v, int decimals, const char *unit, int sign, char *buf, size_t size);

/* svg_fmt_value's common case (up to two decimals, a buffer of 32 bytes or more) inlined, the
 * call and checks of svg_fmt_value_long (the rest, the same text) not paid for each of a
 * page's thousand numbers. */
static inline char *svg_fmt_value(double v, int decimals, const char *unit, int sign, char *buf, size_t size)
{
	if (buf && size >= 32 && (unsigned)decimals <= 2 && model_fmt_num_unit(v, decimals, sign, unit, buf, size) >= 0)
		return buf;
	return svg_fmt_value_long(v, decimals, unit, sign, buf, size);
}

/* One category of a bar chart. */
struct svg_bar {
	const char *label;	/* the category (a district's name); NULL reads "" */
	double value;		/* the total (T); NaN when missing */
	double women, men;	/* by sex (K, M); NaN when missing; drawn only with by_sex */
	int highlight;		/* emphasised (the district being viewed): bold label, marker */
};

/*
 * svg_bar_chart: horizontal bars, one row per category in the given order, with the value
 * written at the right of each row; with by_sex two bars per row (K solid, M hatched, and the
 * letters K and M beside them) instead of the total. city (NaN: none) is drawn as a dashed
 * vertical line labelled "Stadens snitt <value>". The scale includes zero, every value and
 * city; negative bars extend to the left of the zero line. n may be 0 (an empty chart that
 * says "Inga värden").
 */
void svg_bar_chart(struct html *h, const struct svg_opts *o, const struct svg_bar *bars, size_t n,
		   int by_sex, double city);

/* How a series of a line chart is drawn. */
enum svg_line_kind {
	SVG_LINE_OUTCOME,	/* solid, round markers: the outcome */
	SVG_LINE_TARGET,	/* dashed, square markers: the target (årsmål) */
	SVG_LINE_CITY,		/* dotted, diamond markers: the city average */
	SVG_LINE_OTHER,		/* thin solid, no markers: any other comparison */
	SVG_LINE__MAX
};

/* One series of a line chart. */
struct svg_series {
	const char *name;	/* legend text ("Spånga-Tensta", "Årsmål", "Stadens snitt") */
	enum svg_line_kind kind;
	const double *v;	/* nx values, one per x label; NaN breaks the line; NULL: all missing */
};

/*
 * svg_line_chart: values over periods. xlabels[0..nx) label the x positions ("2021", "2022-T1",
 * NULL reads ""); each series is drawn as a line through its known values (a missing value
 * splits the line; a lone value is a marker). The y scale includes zero and every value, with
 * 3-6 labelled grid lines. The legend under the chart names each series with its style and its
 * latest known value. nx or ns may be 0 (an empty chart that says "Inga värden").
 */
void svg_line_chart(struct html *h, const struct svg_opts *o, const char *const *xlabels, size_t nx,
		    const struct svg_series *s, size_t ns);

/*
 * svg_sparkline: a small line (about 6 em x 1.5 em) for a table cell: v[0..n) in order with
 * the last known value marked. The <title> is o->title followed by the first and last known
 * values ("Andel ...: 4,1 % till 5,4 %"), the <desc> lists every value. n may be 0.
 */
void svg_sparkline(struct html *h, const struct svg_opts *o, const double *v, size_t n);

/* svg_sparkline_pre: svg_sparkline with its title's text escaped already, in two parts (title and
 * then title2, NULL: none; html.h), the <title> they followed by the first and last known
 * values, as svg_sparkline's: the same bytes as svg_sparkline with o->title the text they
 * escape. Writes only where the title
 * need not be escaped again: two known values or more and o->desc NULL; else returns -1 and
 * writes nothing (the caller calls svg_sparkline). 0 when written. */
struct html_pre;
int svg_sparkline_pre(struct html *h, const struct svg_opts *o, const struct html_pre *title,
		      const struct html_pre *title2, const double *v, size_t n);

/* One district on the map. */
struct svg_map_area {
	const char *key;	/* the district's key (as in area.key): places it on the map */
	const char *name;	/* the label; NULL reads the key */
	const char *href;	/* the link of its tile, or NULL */
	double value;		/* its value, NaN when missing */
	enum model_gap_class band;	/* fill, pattern and symbol (model_gap_class) */
	int current;		/* outlined: the district being viewed */
};

/*
 * svg_map_slot: where the schematic map puts the district with this key: column and row of a
 * 5 x 4 grid roughly following Stockholm (Västerort in the north-west, the inner city in the
 * middle, Söderort in the south). Returns 0 with *col, *row set, or -1 for a key it does not
 * know (svg_district_map then puts that district in an extra row under the map).
 */
int svg_map_slot(const char *key, int *col, int *row);

/*
 * svg_district_map: the districts as labelled tiles, each filled by its band's colour and
 * pattern, with the name (split at a hyphen when long), the value and the band's symbol. A
 * legend in words (the bands' Swedish labels with their swatches) is drawn under the tiles.
 * Written as <div class="map"> holding the picture (<svg role="img">, not interactive) and,
 * when a tile has an href, an overlay <svg class="map-links" role="group"> with one
 * transparent link per tile on top of it, named "Bromma: 4,41 %, Sämre än snittet" (the CSS
 * class map-links lays it over the picture). So the links are real, focusable links, and the
 * image holds nothing interactive. The caller still gives the same links in the table.
 * n may be 0.
 */
void svg_district_map(struct html *h, const struct svg_opts *o, const struct svg_map_area *a, size_t n);

/* svg_band_symbol: the symbol the map uses for band c ("+", "=", "−", "− −", "?"); static. */
const char *svg_band_symbol(enum model_gap_class c);

#endif
