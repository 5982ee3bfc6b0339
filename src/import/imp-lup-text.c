/* imp-lup-text.c: text helpers of the 'lup' importer: folding, OCR-tolerant comparison, word
 * matching of names, number words, and the vocabularies of roles, statuses and partner groups. */
#include "import/imp-lup.h"

#include <string.h>

#define MAX_CMP 160	/* longest folded strings compared by edit distance */
#define MAX_TOKENS 48	/* words of a name compared by imp_lup_token_score */

const char *const imp_lup_template[8] = {
	NULL, "Inledning", "Nulägesanalys", "Geografiska/tematiska prioriteringar", "Målsättningar",
	"Prioriterade åtgärder", "Genomförande", "Metoder för att mäta måluppfyllelse",
};

/* Latin-1 letters U+00C0..U+00FF (UTF-8 C3 80..C3 BF) folded to ASCII, by the low 5 bits;
 * index 0x17 is × / ÷ and 0x1e þ (no letter). */
static const char latin1_fold[32] = "aaaaaaaceeeeiiiidnooooo ouuuuy s";

/* utf8_len: the length of the sequence starting with lead byte b (1 for a stray byte). */
static size_t utf8_len(unsigned char b)
{
	return b < 0xc0 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

/* fold_char: the folded form of the character at s (0 for a separator); *n gets its length. */
static char fold_char(const unsigned char *s, size_t *n)
{
	*n = 1;
	if (*s < 0x80) {
		if (*s >= 'A' && *s <= 'Z')
			return (char)(*s + 32);
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '#' || *s == '&')
			return (char)*s;
		return 0;
	}
	*n = utf8_len(*s);
	for (size_t i = 1; i < *n; i++)
		if ((s[i] & 0xc0) != 0x80) {
			*n = i;
			return 0;
		}
	if (*s == 0xc3 && *n == 2) {
		char f = latin1_fold[s[1] & 0x1f];
		if (s[1] == 0xbf)
			f = 'y';
		return f == ' ' ? 0 : f;
	}
	return 0;
}

char *imp_lup_fold(struct arena *a, const char *s)
{
	size_t n = strlen(s), k;
	char *o = arena_alloc(a, n + 1), *p = o;
	const unsigned char *u = (const unsigned char *)s;
	int space = 1;

	while (*u) {
		char ch = fold_char(u, &k);
		u += k;
		if (!ch) {
			if (!space)
				*p++ = ' ';
			space = 1;
		} else {
			*p++ = ch;
			space = 0;
		}
	}
	if (p > o && p[-1] == ' ')
		p--;
	*p = '\0';
	return o;
}

/* cheap: 1 when OCR often reads one of a, b as the other (after folding). */
static int cheap(char a, char b)
{
	static const char *const pairs[] = { "ad", "ae", "ai", "a4", "a3", "a#", "a&", "ac", "o6",
					     "oe", "od", "o&", "o0", "i1", "il", "l1", "ti", "ft" };

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if ((pairs[i][0] == a && pairs[i][1] == b) || (pairs[i][0] == b && pairs[i][1] == a))
			return 1;
	return 0;
}

/* dist2: twice the edit distance of a and b (at most MAX_CMP bytes each), where a cheap
 * substitution costs 1 and every other edit 2. */
static int dist2(const char *a, size_t la, const char *b, size_t lb)
{
	int row[2][MAX_CMP + 1];

	for (size_t j = 0; j <= lb; j++)
		row[0][j] = (int)(2 * j);
	for (size_t i = 1; i <= la; i++) {
		int *cur = row[i & 1], *prev = row[(i - 1) & 1];
		cur[0] = (int)(2 * i);
		for (size_t j = 1; j <= lb; j++) {
			int sub = a[i - 1] == b[j - 1] ? 0 : cheap(a[i - 1], b[j - 1]) ? 1 : 2;
			int best = prev[j - 1] + sub;
			if (prev[j] + 2 < best)
				best = prev[j] + 2;
			if (cur[j - 1] + 2 < best)
				best = cur[j - 1] + 2;
			cur[j] = best;
		}
	}
	return row[la & 1][lb];
}

int imp_lup_similar(const char *fa, const char *fb)
{
	size_t la = strlen(fa), lb = strlen(fb), m = la > lb ? la : lb;
	size_t diff = la > lb ? la - lb : lb - la;

	if (strcmp(fa, fb) == 0)
		return 1;
	if (la < 6 || lb < 6 || m > MAX_CMP || diff * 100 > m * 15)
		return 0;
	return (size_t)dist2(fa, la, fb, lb) * 100 <= m * 2 * 15;
}

/* is_small_word: words that do not tell names apart. */
static int is_small_word(const char *w)
{
	static const char *const small[] = { "och", "samt", "i", "for", "med", "av", "pa", "till",
					     "det", "den", "de", "en", "ett", "som", "om", "mot",
					     "bland", "vid", "hos", "fran", "inom", "under", "alla",
					     "att", "the", "of", "and", NULL };

	for (int i = 0; small[i]; i++)
		if (strcmp(w, small[i]) == 0)
			return 1;
	return 0;
}

/* tokens: the folded words of s without small words, at most MAX_TOKENS; returns the count. */
static int tokens(struct arena *a, const char *s, char **out)
{
	char *f = imp_lup_fold(a, s), *save = NULL, *w;
	int n = 0;

	for (w = strtok_r(f, " ", &save); w && n < MAX_TOKENS; w = strtok_r(NULL, " ", &save))
		if (!is_small_word(w))
			out[n++] = w;
	return n;
}

/* token_eq: two folded words are the same word: equal, an inflection (one a prefix of the other
 * at most 3 letters longer), a shared stem (a common prefix of 6 letters or three quarters of
 * the shorter), or an OCR misreading. */
static int token_eq(const char *x, const char *y)
{
	size_t lx = strlen(x), ly = strlen(y), ls = lx < ly ? lx : ly, lg = lx < ly ? ly : lx, p = 0;

	if (strcmp(x, y) == 0)
		return 1;
	while (x[p] && x[p] == y[p])
		p++;
	if (p == ls && ls >= 4 && lg - ls <= 3)
		return 1;
	if (p < ls && p >= 6 && p * 4 >= ls * 3)
		return 1;
	return ls >= 6 && imp_lup_similar(x, y);
}

double imp_lup_token_score(struct arena *a, const char *x, const char *y)
{
	char *tx[MAX_TOKENS], *ty[MAX_TOKENS], **s, **l;
	int nx = tokens(a, x, tx), ny = tokens(a, y, ty), ns, nl;
	int used[MAX_TOKENS] = { 0 };

	if (!nx || !ny)
		return 0;
	s = nx <= ny ? tx : ty, ns = nx <= ny ? nx : ny;
	l = nx <= ny ? ty : tx, nl = nx <= ny ? ny : nx;
	for (int i = 0; i < ns; i++) {
		int found = 0;
		for (int j = 0; j < nl && !found; j++)
			if (!used[j] && token_eq(s[i], l[j]))
				used[j] = found = 1;
		if (!found)
			return 0;
	}
	return (double)ns / (double)nl;
}

int imp_lup_number(const char *w)
{
	static const char *const words[] = { "noll", "ett", "tva", "tre", "fyra", "fem", "sex",
					     "sju", "atta", "nio", "tio", "elva", "tolv", NULL };
	int n = 0;

	if (strcmp(w, "en") == 0)
		return 1;
	for (int i = 0; words[i]; i++)
		if (strcmp(w, words[i]) == 0)
			return i;
	if (!*w || strlen(w) > 3)
		return -1;
	for (const char *p = w; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		n = n * 10 + (*p - '0');
	}
	return n;
}

int imp_lup_upper_first(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (*u >= 'A' && *u <= 'Z') || (u[0] == 0xc3 && u[1] >= 0x80 && u[1] <= 0x9e && u[1] != 0x97);
}

int imp_lup_lower_first(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (*u >= 'a' && *u <= 'z') || (u[0] == 0xc3 && u[1] >= 0x9f && u[1] <= 0xbf && u[1] != 0xb7);
}

int imp_lup_words(const char *s)
{
	int n = 0, in = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t') {
			in = 0;
		} else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

char *imp_lup_first_sentence(struct arena *a, const char *s, size_t max)
{
	size_t n = strlen(s), end = n;
	char *o;

	for (size_t i = 0; i + 2 < n; i++)
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' &&
		    imp_lup_upper_first(s + i + 2)) {
			end = i + 1;
			break;
		}
	if (end <= max)
		return arena_strndup(a, s, end);
	end = max;
	while (end > 0 && s[end] != ' ')
		end--;
	if (end == 0)
		for (end = max; end > 0 && ((unsigned char)s[end] & 0xc0) == 0x80; end--)
			;
	o = arena_alloc(a, end + 4);
	memcpy(o, s, end);
	memcpy(o + end, "\xe2\x80\xa6", 3);
	return o;
}

int imp_lup_template_ord(struct arena *a, const char *title)
{
	char *f = imp_lup_fold(a, title);

	for (int i = 1; i <= 7; i++)
		if (imp_lup_similar(f, imp_lup_fold(a, imp_lup_template[i])))
			return i;
	return 0;
}

const char *imp_lup_group_heading(struct arena *a, const char *line)
{
	static const char *const heads[][2] = {
		{ "facknamnder", "specialist" }, { "fackforvaltningar", "specialist" },
		{ "stadsdelsnamnder", "district" }, { "stadsdelsforvaltningar", "district" },
		{ "bolagsstyrelser", "company" }, { "bolag", "company" },
		{ "myndigheter", "state" }, { "statliga myndigheter", "state" },
		{ "civilsamhallet", "civil_society" }, { "foreningar", "civil_society" },
		{ "naringsliv", "business" }, { "naringslivet", "business" },
		{ "ovriga", "other" }, { "ovriga organisationer", "other" },
	};
	char *f = imp_lup_fold(a, line);

	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		if (imp_lup_similar(f, heads[i][0]))
			return heads[i][1];
	return NULL;
}

/* has_word_prefix: folded text f has a word starting with p (exact: a word equal to p). */
static int has_word_prefix(const char *f, const char *p, int exact)
{
	size_t n = strlen(p);

	for (const char *s = f; (s = strstr(s, p)); s++)
		if ((s == f || s[-1] == ' ') && (!exact || s[n] == ' ' || s[n] == '\0'))
			return 1;
	return 0;
}

const char *imp_lup_group_guess(struct arena *a, const char *label)
{
	static const char *const rules[][2] = {
		{ "invanare", "residents" }, { "boende", "residents" },
		{ "stadsdelsforvaltning", "district" }, { "stadsdelsnamnd", "district" },
		{ "forening", "civil_society" }, { "civilsamhall", "civil_society" },
		{ "civila samhallet", "civil_society" }, { "forsamling", "civil_society" },
		{ "ideell", "civil_society" }, { "frivillig", "civil_society" },
		{ "samfund", "civil_society" }, { "foraldravandr", "civil_society" },
		{ "nattvandr", "civil_society" }, { "idrottsforbund", "civil_society" },
		{ "fastighetsbolag", "company" }, { "bostadsbolag", "company" }, { "bolag", "company" },
		{ "fastighetsagar", "business" }, { "naringsliv", "business" }, { "foretag", "business" },
		{ "centrumagar", "business" }, { "bostadsrattsforening", "other" },
		{ "polis", "state" }, { "myndighet", "state" }, { "landsting", "region" },
		{ "region", "region" }, { "forvaltning", "specialist" }, { "kontoret", "specialist" },
		{ "namnd", "specialist" },
	};
	char *f = imp_lup_fold(a, label);

	/* housing cooperatives are associations of residents, not civil society */
	if (strstr(f, "bostadsrattsforening"))
		return "other";
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (strstr(f, rules[i][0]))
			return rules[i][1];
	return "other";
}

const char *imp_lup_group_of_kind(const char *k)
{
	static const char *const map[][2] = {
		{ "specialist_committee", "specialist" }, { "specialist_admin", "specialist" },
		{ "city_office", "specialist" }, { "council", "specialist" },
		{ "district_committee", "district" }, { "district_admin", "district" },
		{ "company_board", "company" }, { "state_agency", "state" }, { "region", "region" },
		{ "civil_society", "civil_society" }, { "business", "business" },
	};

	for (size_t i = 0; k && i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(k, map[i][0]) == 0)
			return map[i][1];
	return "other";
}

/* The role vocabulary: the first rule (in this order) whose phrase starts a word of the text
 * ("nav" only as a whole word). The strong ones say who does what even when the sentence does
 * not name the organisation ("Gemensam planering pågår."). */
static const struct { const char *phrase, *role; int exact, strong; } role_rules[] = {
	{ "processled", "process_lead", 0, 1 }, { "nav", "hub", 1, 1 },
	{ "referensgrupp", "reference_group", 0, 1 }, { "gemensam planering", "joint_planning", 0, 1 },
	{ "bista", "assist", 0, 0 }, { "processtod", "support", 0, 0 },
	{ "utbildningsdag", "training", 0, 0 }, { "initiera och stodja", "collaboration", 0, 0 },
	{ "samverkansprocess", "collaboration", 0, 0 }, { "delta", "participate", 0, 0 },
	{ "medverka", "participate", 0, 0 }, { "ingar i", "participate", 0, 0 },
	{ "undersoka mojlighet", "investigate", 0, 0 }, { "konsultativ", "consultative", 0, 0 },
	{ "utbildning", "training", 0, 0 }, { "foljer", "follow_up", 0, 0 },
	{ "uppfoljning", "follow_up", 0, 0 }, { "kunskap", "knowledge", 0, 0 },
	{ "stod", "support", 0, 0 },
};

/* role_rank: the index of the first rule (in priority order) the words of folded text f name,
 * or -1 (strong: strong rules only). */
static int role_rank(const char *f, int strong)
{
	for (size_t i = 0; i < sizeof(role_rules) / sizeof(role_rules[0]); i++)
		if ((!strong || role_rules[i].strong) &&
		    has_word_prefix(f, role_rules[i].phrase, role_rules[i].exact))
			return (int)i;
	return -1;
}

const char *imp_lup_role(struct arena *a, const char *text, const char *org_fold)
{
	char *copy = arena_strdup(a, text), *save = NULL, *s;
	char stem[64];
	size_t n = org_fold ? strlen(org_fold) : 0;
	int best[2] = { -1, -1 }, r;	/* best rank in sentences stating the role / naming the org */

	/* the organisation's name without its definite ending: "socialforvaltning" */
	if (n > 2 && n < sizeof(stem)) {
		memcpy(stem, org_fold, n - 2);
		stem[n - 2] = '\0';
	} else {
		stem[0] = '\0';
	}
	for (s = strtok_r(copy, ".", &save); s && stem[0]; s = strtok_r(NULL, ".", &save)) {
		char *f = imp_lup_fold(a, s);
		int k = has_word_prefix(f, "roll", 1) ? 0 : 1;
		/* the organisation by name, or "förvaltningen" as it calls itself */
		if ((!strstr(f, stem) && !has_word_prefix(f, "forvaltningen", 1) &&
		     !has_word_prefix(f, "forvaltningens", 1)) || (r = role_rank(f, 0)) < 0)
			continue;
		if (best[k] < 0 || r < best[k])
			best[k] = r;
	}
	r = best[0] >= 0 ? best[0] : best[1] >= 0 ? best[1] : role_rank(imp_lup_fold(a, text), 1);
	return r >= 0 ? role_rules[r].role : NULL;
}

const char *imp_lup_status(struct arena *a, const char *text)
{
	char *f = imp_lup_fold(a, text);

	if (has_word_prefix(f, "invantar", 0) || has_word_prefix(f, "avvakta", 0))
		return "waiting";
	if (has_word_prefix(f, "pagar", 1) || has_word_prefix(f, "pagaende", 1) ||
	    has_word_prefix(f, "paborjat", 0))
		return "ongoing";
	return "planned";
}
