/* pages-city.c: the 'city' section's routes (the start page) and its part of the stylesheet,
 * which also styles the charts of render/svg.h wherever they are used. */
#include "web/page.h"
#include "web/pages-city.h"

const struct route page_routes_city[] = {
	{ HTTP_GET, "/", page_city, ACC_PUBLIC, R_CACHE, "pages", "the city: districts map, themes, fulfilment", NULL, NULL, NULL },
	{ 0, NULL, NULL, ACC_PUBLIC, 0, NULL, NULL, NULL, NULL, NULL },
};

const char page_css_city[] =
	/* charts (render/svg.h), used by every section */
	".chart{display:block;width:100%;height:auto;max-width:52rem}\n"
	".map{position:relative;max-width:52rem;margin:1rem 0}.map .chart-map{max-width:none;margin:0}\n"
	".map-links{position:absolute;left:0;top:0;width:100%;height:100%}\n"
	".map-links a:hover rect{stroke:#1b1b1b;stroke-width:3}"
	".map-links a:focus{outline:none}.map-links a:focus rect{stroke:#ffbf47;stroke-width:6}\n"
	".sparkline{display:inline-block;vertical-align:middle}\n"
	"figure.chart-figure{margin:1rem 0}figure.chart-figure figcaption{color:var(--muted);max-width:52rem}\n"
	/* the start page */
	".lead{font-size:1.1rem;max-width:48rem}\n"
	"form.choose{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;margin:1rem 0;"
	"padding:.75rem;background:var(--soft);border:1px solid var(--line)}\n"
	"form.choose .field{display:flex;flex-direction:column;gap:.2rem}form.choose .field-wide{flex:1 1 28rem;min-width:0}\n"
	"form.choose label{font-weight:600}form.choose select,form.choose button{font:inherit;padding:.3rem .5rem;max-width:100%}\n"
	".notice{border-left:4px solid var(--accent);background:var(--soft);padding:.5rem .75rem}\n"
	"table.city-values td.num{white-space:nowrap}\n"
	".band-symbol{display:inline-block;min-width:1.6em;font-weight:700}\n"
	"ol.themes{margin:0;padding-left:1.4rem}ol.themes .count{color:var(--muted)}\n"
	"tr.prioritised th{border-left:4px solid var(--accent)}.prio-mark{color:var(--accent)}\n"
	"@media print{.chart{max-width:100%;page-break-inside:avoid}figure.chart-figure{page-break-inside:avoid}}\n";
