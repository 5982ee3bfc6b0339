/* pages-follow.c: the 'follow' section: the commission pages (page-commission.c) and the search
 * page (page-search.c), their routes and their part of the stylesheet, which also styles the
 * activities of a follow-up report (page-report-activities.c). */
#include "web/page.h"

/* The handlers, each with its contract at its definition. The commission pages are cached
 * (R_CACHE: city-wide, dropped by any write the public can see, see cache.h); search answers
 * are not (any query is a key). */
int page_commission(struct http_req *r);
int page_commission_response(struct http_req *r);
int page_commission_admin(struct http_req *r);
int page_search(struct http_req *r);

const struct route page_routes_follow[] = {
	{ HTTP_GET, "/kommissionen", page_commission, ACC_PUBLIC, R_CACHE, "pages", "the commission matrix", NULL, NULL, NULL },
	{ HTTP_GET, "/kommissionen/svar/{id}", page_commission_response, ACC_PUBLIC, R_CACHE, "pages",
	  "one response to the commission", NULL, NULL, NULL },
	{ HTTP_GET, "/kommissionen/forvaltning/{key}", page_commission_admin, ACC_PUBLIC, R_CACHE, "pages",
	  "one administration's statement to the commission", NULL, NULL, NULL },
	{ HTTP_GET, "/sok", page_search, ACC_PUBLIC, 0, "pages", "full-text search", NULL, NULL, NULL },
	{ HTTP_GET, "/att-gora", page_todo, ACC_INTERNAL, 0, "pages", "\"Att göra\": the caller's organisation's follow-up tasks; the city office's table of every organisation; the administrators' reopening form", NULL, NULL, NULL },
	{ HTTP_POST, "/att-gora/oppna-period", page_todo_reopen_post, ACC_ADMIN, R_FORM, "pages", "reopen a locked period (form, administrators)", NULL, NULL, NULL },
	{ 0, NULL, NULL, ACC_PUBLIC, 0, NULL, NULL, NULL, NULL, NULL },
};

const char page_css_follow[] =
	/* the commission matrix: stance cells, rotated administration headings */
	".matrix-wrap{overflow-x:auto;margin:1rem 0}.matrix{width:auto;min-width:100%;margin:0}\n"
	".matrix tbody th.measure,.answers-table tbody th.measure{font-weight:400;background:#fff}th.measure .num{font-weight:600}\n"
	".answers-table td.st{white-space:nowrap}\n"
	".matrix th.measure{min-width:14rem;max-width:30rem}.matrix thead th.measure{vertical-align:bottom}\n"
	".matrix th.admin{vertical-align:bottom;padding:.5rem .25rem;min-width:2.5rem}\n"
	".matrix th.admin a{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;display:inline-block}\n"
	".matrix tr.rec th{background:var(--soft);font-weight:600}\n"
	".matrix td{font-size:.9rem;min-width:5.5rem}\n"
	".st a{color:inherit}.sym{display:inline-block;min-width:1em;text-align:center;font-weight:700}\n"
	".st-agree{background:#d7efdc;color:#0f4d1f}.st-positive{background:#dcecf9;color:#0b3d66}\n"
	".st-hesitant{background:#fff0c2;color:#553800}.st-disagree{background:#f9dcd9;color:#7a1712}\n"
	".st-none{background:#ececec;color:#333}.st-missing{color:#595959}td.st-missing{white-space:nowrap}\n"
	"span.st{padding:0 .3rem;border-radius:3px}\n"
	/* Att göra: the list, late items, the header's count */
	".todo-list li{margin:.3rem 0}.todo-list li.late strong{color:#8a1c12}\n"
	".badge{display:inline-block;min-width:1.4em;padding:0 .35em;margin-left:.3em;border-radius:1em;"
	"background:#8a1c12;color:#fff;font-size:.8em;text-align:center}\n"
	".cm-legend{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}.cm-legend li{padding:.15rem .5rem;border:1px solid var(--line)}\n"
	".cm-toc ul{columns:2 18rem}.crumbs ol{list-style:none;padding:0;display:flex;gap:.5rem;flex-wrap:wrap}\n"
	".crumbs li+li::before{content:'\\203A';margin-right:.5rem;color:var(--muted)}\n"
	".cm-facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}.cm-facts dt{font-weight:600}.cm-facts dd{margin:0}\n"
	".cm-facts dd+dd{grid-column:2}.cm-part{border-left:4px solid var(--line);padding-left:1rem;margin:1rem 0}\n"
	"mark{background:#ffe27a;color:inherit}.phrase{font-weight:600}\n"
	/* search */
	"form.search{margin:1rem 0}form.search label{display:block;font-weight:600;margin-bottom:.25rem}\n"
	".search-row{display:flex;gap:.5rem;max-width:40rem}.search-row input{flex:1;font:inherit;padding:.4rem}\n"
	".search-row button{font:inherit;padding:.4rem 1rem}\n"
	".hits{padding-left:1.2rem}.hits li{margin:.5rem 0}.hit-context{color:var(--muted)}.snippet{margin:.2rem 0;color:#333}\n"
	".search-note{color:var(--muted)}\n"
	/* the activities of a follow-up report */
	".activity-group{border-top:1px solid var(--line);margin-top:1.5rem}\n"
	"fieldset.activity-update{margin:.75rem 0}fieldset.activity-update legend{font-weight:600;max-width:48rem}\n"
	"fieldset.activity-update .hint{margin-top:0}.report-activities td .analysis{margin:0}\n"
	"fieldset.activity-update .check label{display:inline;font-weight:400;margin-left:.4rem}\n"
	"@media print{.matrix-wrap{overflow:visible}.matrix th.admin a{writing-mode:horizontal-tb;transform:none}"
	"form.search,.cm-toc{display:none}}\n";
