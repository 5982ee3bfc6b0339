/* frozen.c: the frozen rule at the write routes (frozen.h). */
#include "web/frozen.h"
#include "web/page.h"

int frozen_or_409(struct http_req *r, enum stmt s, int64_t id, int page)
{
	struct sval arg = SVI(id);
	int64_t frozen = 0;

	if (store_query_id(r->st, s, &arg, 1, &frozen, &r->err) != LUP_OK) {
		store_rollback(r->st);
		return http_fail(r);
	}
	if (!frozen)
		return 0;
	store_rollback(r->st);
	if (page)
		return page_error(r, 409, FROZEN_SV);
	return http_error(r, 409, "plan_version_adopted", "the plan version this belongs to is adopted and cannot "
			  "change; create a new version (lup plan new-version) to make changes");
}
