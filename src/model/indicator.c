/* indicator.c: the shared rules of an indicator's flags (see indicator.h). */
#include "model/indicator.h"
#include "model/fmt.h"

#include <math.h>
#include <stdio.h>

int model_sex_allowed(int by_sex, int sex)
{
	if (sex == 'T')
		return 1;
	return (sex == 'K' || sex == 'M') && by_sex;
}

int model_kolada_kpi_valid(const char *s)
{
	if (!s || s[0] < 'A' || s[0] > 'Z')
		return 0;
	for (int i = 1; i <= 5; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return s[6] == '\0';
}

static int num_or_missing(double v, int decimals, char *buf, size_t size)
{
	if (isnan(v))
		return snprintf(buf, size, "saknas") < (int)size ? 0 : -1;
	return model_fmt_num(v, decimals, buf, size);
}

/* fewest: the fewest decimals (1..3) that show v */
static int fewest(double v)
{
	int d = 1;

	for (double x = v * 10; d < 3 && isfinite(x) && fabs(x - round(x)) > 1e-6; d++)
		x *= 10;
	return d;
}

int model_revision_text(double old, double new_value, int decimals, int approved, char *buf, size_t size)
{
	char a[64], b[64];
	int n;

	if (!buf || !size)
		return -1;
	buf[0] = '\0';
	if (decimals < 0)
		decimals = fewest(old) > fewest(new_value) ? fewest(old) : fewest(new_value);
	if (num_or_missing(old, decimals, a, sizeof(a)) != 0 || num_or_missing(new_value, decimals, b, sizeof(b)) != 0)
		return -1;
	n = snprintf(buf, size, "värdet har reviderats från %s till %s efter %s", a, b,
		     approved ? "godkännandet" : "inskickandet");
	if (n < 0 || (size_t)n >= size) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}
