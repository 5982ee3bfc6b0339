/* page-source.c: where a row came from, on the pages that show it ("Källa: ..."). */
#include "web/page.h"
#include "render/rows.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int page_source(struct http_req *r, struct html *h, const char *entity, int64_t id, const char *text)
{
	struct sval args[2] = { SVS(entity), SVI(id) };
	struct rowset rs;
	char sha[80];
	int from, to;

	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, STMT_PROV_GET, args, 2, &r->err) != LUP_OK) {
		fprintf(stderr, "lup serve: %s: provenance: %s\n", r->path, r->err.msg);
		page_error(r, 500, "Ett internt fel inträffade när sidan skulle läsas. Försök igen senare.");
		return -1;
	}
	if (!rs.nrows) {
		if (text && *text) {
			html_open(h, "p", "class", "source", NULL);
			html_textf(h, "Källa: %s", text);
			html_close(h);
		}
		return 0;
	}
	from = atoi(rs.rows[0][2].s);
	to = atoi(rs.rows[0][3].s);
	snprintf(sha, sizeof(sha), "SHA-256 %s", rs.rows[0][1].s);
	html_open(h, "p", "class", "source", "title", sha, NULL);
	if (to > from)
		html_textf(h, "Källa: %s, rad %d–%d", rs.rows[0][0].s, from, to);
	else
		html_textf(h, "Källa: %s, rad %d", rs.rows[0][0].s, from);
	html_close(h);
	return 0;
}
