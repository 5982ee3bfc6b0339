/* status.c: the statuses of an activity and their Swedish words (see status.h). */
#include "model/status.h"

#include <string.h>

const char *const act_status_codes[ACT_STATUS_N + 1] = {
	"planned", "ongoing", "done", "waiting", "cancelled", NULL,
};

const char *const act_status_labels[ACT_STATUS_N + 1] = {
	"Planerad", "Pågår", "Genomförd", "Vilande", "Inställd", NULL,
};

/* singular and plural in running text, in the order of the codes */
static const char *const words[ACT_STATUS_N][2] = {
	{ "planerad", "planerade" }, { "pågår", "pågår" }, { "genomförd", "genomförda" },
	{ "vilande", "vilande" }, { "inställd", "inställda" },
};

int act_status_index(const char *code)
{
	for (int i = 0; code && i < ACT_STATUS_N; i++)
		if (strcmp(code, act_status_codes[i]) == 0)
			return i;
	return -1;
}

const char *act_status_label(const char *code)
{
	int i = act_status_index(code);

	return i >= 0 ? act_status_labels[i] : code ? code : "";
}

const char *act_status_word(const char *code, int plural)
{
	int i = act_status_index(code);

	return i >= 0 ? words[i][plural != 0] : code ? code : "";
}
