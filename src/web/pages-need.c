/* pages-need.c: the routes of the pages of resources versus need (see pages-need.h). They come
 * before the download table's /organisation/{key}/{fil}. */
#include "web/page.h"
#include "web/pages-need.h"

#define GET HTTP_GET
#define POST HTTP_POST

const struct route page_routes_need[] = {
	{ GET, "/resurser", page_resources, ACC_PUBLIC, 0, "pages", "resources versus need for the whole city (?ar=YYYY): districts by need index, chart, table, the rule and every step", NULL, NULL, NULL },
	{ POST, "/resurser/indikatorer", page_need_indicators_post, ACC_CITY, R_FORM, "pages", "choose the need index's indicators and weights (form; city office)", NULL, NULL, NULL },
	{ GET, "/resurser/{fil}", page_resources_download, ACC_PUBLIC, 0, "pages", "resources versus need as a file (resurser-och-behov.csv, resurser-och-behov.xlsx; ?ar=YYYY)", NULL, NULL, NULL },
	{ GET, "/organisation/{key}/resurser-behov", page_org_resources_need, ACC_PUBLIC, 0, "pages", "one organisation's resources versus need (?ar=YYYY)", NULL, NULL, NULL },
	{ GET, "/organisation/{key}/resurser", page_org_resources, ACC_PUBLIC, 0, "pages", "an organisation's resources per district and year, its budget lines, and the form for those who may record", NULL, NULL, NULL },
	{ POST, "/organisation/{key}/resurser", page_org_resources_post, ACC_INTERNAL, R_FORM, "pages", "record a resource (form)", NULL, NULL, NULL },
	{ GET, "/organisation/{key}/resurser/{id}", page_org_resource, ACC_INTERNAL, 0, "pages", "a resource's form", NULL, NULL, NULL },
	{ POST, "/organisation/{key}/resurser/{id}", page_org_resource_post, ACC_INTERNAL, R_FORM, "pages", "change a resource (form)", NULL, NULL, NULL },
	{ POST, "/organisation/{key}/resurser/{id}/ta-bort", page_org_resource_remove, ACC_INTERNAL, R_FORM, "pages", "remove a resource (form)", NULL, NULL, NULL },
	{ 0, NULL, NULL, ACC_PUBLIC, 0, NULL, NULL, NULL, NULL, NULL },
};
