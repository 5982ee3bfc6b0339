/* planver.c: the rules of a plan version's status (planver.h). */
#include "model/planver.h"
#include "model/datex.h"
#include "core/utf8.h"

#include <stddef.h>
#include <string.h>

static int is(const char *s, const char *what)
{
	return s && strcmp(s, what) == 0;
}

int planver_public(const char *status)
{
	return is(status, "decided") || is(status, "superseded") || is(status, "revision");
}

int planver_frozen(const char *status, int decision_recorded)
{
	if (is(status, "draft"))
		return 0;
	if (is(status, "decided"))
		return decision_recorded != 0;
	return 1;
}

const char *planver_status_sv(const char *status)
{
	if (is(status, "draft"))
		return "Utkast";
	if (is(status, "decided"))
		return "Antagen";
	if (is(status, "superseded") || is(status, "revision"))
		return "Ersatt";
	return "";
}

int planver_date_ok(const char *s, int today)
{
	char err[80];
	int ymd = 0;

	if (!s || strlen(s) != 10 || model_date_parse(s, &ymd, err, sizeof(err)) != 0)
		return 0;
	return model_date_valid(ymd) && ymd <= today;
}

int planver_text_ok(const char *s, size_t max)
{
	size_t n;

	if (!s || !*s || (n = strlen(s)) > max || !utf8_valid(s, n))
		return 0;
	if (s[0] == ' ' || s[n - 1] == ' ')
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return 1;
}
