/* pages-follow.c: the 'follow' section's routes and stylesheet (filled in as its pages are written). */
#include "web/page.h"

const struct route page_routes_follow[] = {
	{ 0, NULL, NULL, ACC_PUBLIC, 0, NULL, NULL, NULL },
};

const char page_css_follow[] = "";
