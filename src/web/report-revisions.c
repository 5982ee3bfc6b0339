/* report-revisions.c: the Kolada revisions flagged on a report (report-revisions.h). */
#include "web/report-revisions.h"
#include "web/pages-forms.h"
#include "store/store.h"

int report_revisions_section(struct http_req *r, struct html *h, int64_t id)
{
	struct sval arg = SVI(id);
	struct rowset rv;

	if (pf_query(r, &rv, STMT_IND_REPORT_REVISIONS, &arg, 1) != 0)
		return -1;
	if (!rv.nrows)
		return 0;
	html_open(h, "section", "class", "notice revisions", "aria-labelledby", "reviderat", NULL);
	html_elem(h, "h2", "Reviderade värden", "id", "reviderat", NULL);
	html_elem(h, "p", "Kolada har reviderat värden som rapporten visar:", NULL);
	html_open(h, "ul", NULL);
	for (int i = 0; i < rv.nrows; i++) {
		const char *sex = pf_s(&rv, i, "sex");
		html_open(h, "li", NULL);
		pf_link(h, pf_href(r, "/indikator/%s", pf_s(&rv, i, "indicator")), pf_s(&rv, i, "name"));
		html_textf(h, ", %s, %.4s%s: %s", pf_s(&rv, i, "area_name"), pf_s(&rv, i, "period"),
			   sex[0] == 'K' ? ", kvinnor" : sex[0] == 'M' ? ", män" : "", pf_s(&rv, i, "text"));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	return 0;
}
