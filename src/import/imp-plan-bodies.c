/* imp-plan-bodies.c: the bodies a KF assignment names ("Kommunstyrelsen och arbetsmarknadsnämnden
 * ska med stöd av stadsdelsnämnderna ..."): the bodies before "ska" lead it, the bodies after a
 * connector ("med stöd av", "i samarbete med", "i dialog med", ...) take part in it.
 *
 * A body is the longest run of words that ends with a word naming a body ("...nämnden",
 * "...styrelsen", "...förvaltningen", "AB", ...) and whose words before that are capitalised,
 * "i", "för", end with a hyphen or are an "och" after one ("Miljö- och hälsoskyddsnämnden",
 * "Bostadsförmedlingen i Stockholm AB"); or "AB"/"Region" and the capitalised words after it
 * ("AB Familjebostäder", "Region Stockholm").
 * Bodies in a list are parted by ",", "och" or "samt". Text that does not read so names no body.
 */
#include "import/imp-plan-int.h"

#include <string.h>
#include <strings.h>

#define MAX_BODY_WORDS 6	/* words of one body's name */
#define MAX_TITLE_WORDS 400	/* words of an activity title read */

/* endings of a word that names a body (compared without case) */
static const char *const body_ends[] = {
	"nämnden", "nämnderna", "styrelsen", "styrelserna", "förvaltningen", "förvaltningarna", "kontoret",
	"kontoren", "fullmäktige", "myndigheten", "inspektionen", "verket", "polisen", "regionen",
	"länsstyrelsen", "bolaget", "bolagen", "förmedlingen", NULL
};

/* the connectors after "ska" and the role of the bodies after them */
static const struct { const char *words; const char *role; } connectors[] = {
	{ "med stöd av", "support" },
	{ "med stöd från", "support" },
	{ "i nära samarbete med", "partner" },
	{ "i samarbete med", "partner" },
	{ "i dialog med", "partner" },
	{ "i samråd med", "partner" },
	{ "i samverkan med", "partner" },
	{ "tillsammans med", "partner" },
	{ "under ledning av", "lead" },
};

/* The words of a title, punctuation after a word kept apart. */
struct words {
	char *w[MAX_TITLE_WORDS];
	int comma[MAX_TITLE_WORDS];	/* a ',' followed the word */
	int n;
};

static void split(struct pp *p, const char *s, struct words *ws)
{
	ws->n = 0;
	while (*s && ws->n < MAX_TITLE_WORDS) {
		const char *b;
		size_t n;
		while (imp_plan_ws(s))
			s += imp_plan_ws(s);
		if (!*s)
			break;
		for (b = s; *s && !imp_plan_ws(s); s++)
			;
		n = (size_t)(s - b);
		ws->comma[ws->n] = n > 1 && b[n - 1] == ',';
		while (n > 1 && (b[n - 1] == ',' || b[n - 1] == '.' || b[n - 1] == ';' || b[n - 1] == ':'))
			n--;
		ws->w[ws->n++] = arena_strndup(p->c->a, b, n);
	}
}

static int ends_body(const char *w)
{
	size_t n = strlen(w);

	if (strcmp(w, "AB") == 0)
		return 1;
	for (const char *const *e = body_ends; *e; e++) {
		size_t k = strlen(*e);
		if (n >= k && strcasecmp(w + n - k, *e) == 0)
			return 1;
	}
	return 0;
}

/* 1 when w may stand inside a body's name before its last word (prev: the word before, or NULL) */
static int name_word(const char *w, const char *prev)
{
	const unsigned char *u = (const unsigned char *)w;
	size_t n = strlen(w);

	if (strcmp(w, "och") == 0)
		return prev && prev[strlen(prev) - 1] == '-';	/* "Miljö- och hälsoskyddsnämnden" */
	if (strcmp(w, "i") == 0 || strcmp(w, "för") == 0 || (n > 1 && w[n - 1] == '-'))
		return 1;
	return (u[0] >= 'A' && u[0] <= 'Z') || (u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9E);
}

/* 1 when w starts a body named by the capitalised words after it ("AB Familjebostäder", "Region
 * Stockholm") */
static int starts_body(const char *w)
{
	return strcmp(w, "AB") == 0 || strcmp(w, "Region") == 0 || strcmp(w, "Stiftelsen") == 0;
}

/* the body starting at word i: returns the word after it, or -1 (none); *name its name (arena).
 * The longest run of name words that ends with a body word is the body. */
static int body_at(struct pp *p, const struct words *ws, int i, const char **name)
{
	int end = -1, lead = i < ws->n && starts_body(ws->w[i]);

	for (int j = i; j < ws->n && j < i + MAX_BODY_WORDS; j++) {
		const char *w = ws->w[j];
		int body = !lead && ends_body(w);
		if (strcmp(w, "ska") == 0 || (!body && !name_word(w, j > i ? ws->w[j - 1] : NULL)) ||
		    (j == i && strcmp(w, "i") == 0) || (j == i && strcmp(w, "för") == 0))
			break;
		if (body || (lead && j > i))
			end = j;
		if (ws->comma[j])
			break;
	}
	if (end < 0)
		return -1;
	{
		struct buf b;
		buf_init(&b, 0);
		for (int k = i; k <= end; k++)
			buf_addf(&b, "%s%s", k > i ? " " : "", ws->w[k]);
		*name = arena_strdup(p->c->a, b.ptr);
		buf_release(&b);
	}
	return end + 1;
}

/* the connector at word i: its role and *next the word after it, or NULL */
static const char *connector_at(const struct words *ws, int i, int *next)
{
	for (size_t c = 0; c < sizeof(connectors) / sizeof(connectors[0]); c++) {
		const char *s = connectors[c].words;
		int j = i;
		while (*s && j < ws->n) {
			size_t n = strcspn(s, " ");
			if (strlen(ws->w[j]) != n || strncmp(ws->w[j], s, n) != 0)
				break;
			j++;
			s += n;
			s += *s == ' ';
		}
		if (!*s) {
			*next = j;
			return connectors[c].role;
		}
	}
	return NULL;
}

static int add(struct pp *p, struct imp_plan_activity *a, const char *name, const char *role, int line)
{
	int rc;

	for (int i = 0; i < a->nbodies; i++)
		if (strcasecmp(a->bodies[i].name, name) == 0)
			return LUP_OK;	/* named twice: the first role holds */
	if ((rc = imp_plan_grow(p, (void **)&a->bodies, a->nbodies, &a->capbodies, sizeof(*a->bodies), line,
				"organisationer i en aktivitet")) != LUP_OK)
		return rc;
	a->bodies[a->nbodies++] = (struct imp_plan_body){ name, role };
	return LUP_OK;
}

/* reads a list of bodies from word *i on with role; returns how many */
static int body_list(struct pp *p, struct imp_plan_activity *a, const struct words *ws, int *i, const char *role,
		     int *rc)
{
	const char *name;
	int n = 0, j = *i, next;

	while (j < ws->n && (next = body_at(p, ws, j, &name)) > 0) {
		if ((*rc = add(p, a, name, role, a->line)) != LUP_OK)
			return n;
		n++;
		*i = j = next;
		if (j < ws->n && (strcmp(ws->w[j], "och") == 0 || strcmp(ws->w[j], "samt") == 0)) {
			if (body_at(p, ws, j + 1, &name) < 0)
				break;
			j++;
		} else if (!ws->comma[j - 1]) {
			break;
		}
	}
	return n;
}

int imp_plan_bodies(struct pp *p, struct imp_plan_activity *a)
{
	struct words *ws = arena_alloc(p->c->a, sizeof(*ws));
	int i = 0, rc = LUP_OK, next;
	const char *role;

	split(p, a->title, ws);
	if (body_list(p, a, ws, &i, "lead", &rc) == 0 || rc != LUP_OK || i >= ws->n || strcmp(ws->w[i], "ska") != 0) {
		a->nbodies = 0;	/* not "<bodies> ska ...": no assignment */
		return rc;
	}
	for (i++; i < ws->n; ) {
		int j = i;
		if (strcmp(ws->w[j], "och") == 0 || strcmp(ws->w[j], "samt") == 0)
			j++;
		if (!(role = connector_at(ws, j, &next)))
			break;
		i = next;
		body_list(p, a, ws, &i, role, &rc);
		if (rc != LUP_OK)
			return rc;
	}
	return LUP_OK;
}
