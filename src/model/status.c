/* status.c: the statuses of an activity and the roles of its organisation, with their Swedish
 * words (see status.h). */
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

/* The roles: code, label, word in running text. */
#define ACT_ROLES(X) \
	X("process_lead", "Processledare", "processledare") X("hub", "Nav", "nav") \
	X("support", "Stöd", "stöd") X("assist", "Bistår", "bistår") X("participate", "Deltar", "deltar") \
	X("training", "Utbildning", "utbildning") X("knowledge", "Kunskapsstöd", "kunskapsstöd") \
	X("consultative", "Konsultativt stöd", "konsultativt stöd") \
	X("follow_up", "Uppföljning", "uppföljning") X("reference_group", "Referensgrupp", "referensgrupp") \
	X("joint_planning", "Gemensam planering", "gemensam planering") \
	X("investigate", "Utreder möjligheter", "utreder möjligheter") \
	X("collaboration", "Samverkan", "samverkan") X("owner", "Ägare", "ägare")
#define CODE(c, l, w) c,
#define LABEL(c, l, w) l,
#define WORD(c, l, w) w,

const char *const act_role_codes[ACT_ROLE_N + 1] = { ACT_ROLES(CODE) NULL };
const char *const act_role_labels[ACT_ROLE_N + 1] = { ACT_ROLES(LABEL) NULL };
const char *const act_role_choices[ACT_ROLE_N + 2] = { "", ACT_ROLES(CODE) NULL };
const char *const act_role_choice_labels[ACT_ROLE_N + 2] = { "Ingen angiven", ACT_ROLES(LABEL) NULL };
static const char *const role_words[ACT_ROLE_N] = { ACT_ROLES(WORD) };

int act_role_index(const char *code)
{
	for (int i = 0; code && i < ACT_ROLE_N; i++)
		if (strcmp(code, act_role_codes[i]) == 0)
			return i;
	return -1;
}

const char *act_role_label(const char *code)
{
	int i = act_role_index(code);

	return i >= 0 ? act_role_labels[i] : code ? code : "";
}

const char *act_role_word(const char *code)
{
	int i = act_role_index(code);

	return i >= 0 ? role_words[i] : code ? code : "";
}
