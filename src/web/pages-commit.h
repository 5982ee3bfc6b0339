/* pages-commit.h: the city's overview of commitments in the web: organisations x districts
 * (page-commitments.c) and the commitment ledger per period (page-ledger.c), their routes and
 * stylesheet part (pages-commit.c). Everything is written through the HTML writer. */
#ifndef LUP_PAGES_COMMIT_H
#define LUP_PAGES_COMMIT_H

#include "web/page.h"

/* Handlers (ACC_PUBLIC GET pages). */
int page_commitments(struct http_req *r);	/* GET /stadsdelar/samverkan[?org=KEY][&stadsdel=KEY] */
int page_ledger(struct http_req *r);		/* GET /uppfoljning/atagande[?ar=YYYY&period=T1|T2|VB] */
int page_ledger_download(struct http_req *r);	/* GET /uppfoljning/atagande/{atagande.csv|.xlsx}?ar=&period= */

/* commit_role_sv: the Swedish word for a role code (measure or activity role, "ägare" for an
 * activity's owner); free text (a partner's own words) as it is; "–" for NULL. */
const char *commit_role_sv(const char *role);

/* commit_num: n as text in the request arena. */
const char *commit_num(struct http_req *r, long n);

#endif
