/* css-base.c: the base of the stylesheet: layout, typography, navigation, tables, the inline
 * charts' shared presentation, print. */
#include "web/page.h"

const char page_css_base[] =
	":root{--ink:#1b1b1b;--muted:#555;--line:#c8c8c8;--accent:#0b5394;--bg:#fff;--soft:#f3f6f9;"
	"--good:#1e7b34;--warn:#9a6700;--bad:#b3261e}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;font:1rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);background:var(--bg)}\n"
	"a{color:var(--accent)}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #ffbf47;outline-offset:2px}\n"
	".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}\n"
	"header.site{display:flex;flex-wrap:wrap;align-items:center;gap:1rem;padding:.75rem 1.5rem;border-bottom:1px solid var(--line);background:var(--soft)}\n"
	".brand{font-weight:700;text-decoration:none;color:var(--ink)}\n"
	"header.site ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}\n"
	"header.site a[aria-current]{font-weight:700;text-decoration-thickness:3px}\n"
	".who{margin:0 0 0 auto;color:var(--muted)}\n"
	"main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}\n"
	"h1{font-size:1.9rem;line-height:1.2}h2{font-size:1.4rem;margin-top:2rem}\n"
	"table{border-collapse:collapse;margin:1rem 0;width:100%}caption{text-align:left;font-weight:600;padding:.25rem 0}\n"
	"th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}\n"
	"th{background:var(--soft)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
	".example-note{border-left:4px solid var(--warn);background:#fff8e1;padding:.5rem .75rem}\n"
	"footer.site{border-top:1px solid var(--line);padding:1rem 1.5rem;color:var(--muted)}\n"
	".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\n"
	/* the inline charts (render/svg.c): what all their elements of a kind share */
	"svg.chart-bars,svg.chart-line{font-size:12px;fill:#1b1b1b}.chart-line polyline{fill:none;stroke-linejoin:round}\n"
	".sparkline{width:96px;height:24px}.sparkline polyline{fill:none;stroke:#0b5394;stroke-width:1.5;stroke-linejoin:round}"
	".sparkline circle{fill:#0b5394}\n"
	"@media print{header.site nav,.skip,footer.site,form.no-print{display:none}main{max-width:none;padding:0}"
	"a{color:inherit;text-decoration:none}table{page-break-inside:auto}tr{page-break-inside:avoid}}\n";
