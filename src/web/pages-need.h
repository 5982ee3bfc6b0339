/* pages-need.h: the pages of resources versus need (docs/resources-need.md): the view
 * (page-resources.c) and an organisation's resources with their form (page-org-resources.c). */
#ifndef LUP_PAGES_NEED_H
#define LUP_PAGES_NEED_H

#include "web/http.h"

int page_resources(struct http_req *r);			/* GET /resurser */
int page_resources_download(struct http_req *r);	/* GET /resurser/{fil} */
int page_need_indicators_post(struct http_req *r);	/* POST /resurser/indikatorer */
int page_org_resources_need(struct http_req *r);	/* GET /organisation/{key}/resurser-behov */
int page_org_resources(struct http_req *r);		/* GET /organisation/{key}/resurser */
int page_org_resources_post(struct http_req *r);	/* POST /organisation/{key}/resurser */
int page_org_resource(struct http_req *r);		/* GET /organisation/{key}/resurser/{id} */
int page_org_resource_post(struct http_req *r);		/* POST /organisation/{key}/resurser/{id} */
int page_org_resource_remove(struct http_req *r);	/* POST /organisation/{key}/resurser/{id}/ta-bort */

#endif
