/* imp-commission-text.c: the text rules of the 'commission' importer: the known commission
 * reports, the stance phrases, citations of measures, sentences, slugs. No I/O. */
#include "import/imp-commission.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The reports of the Commission for a socially sustainable Stockholm that lup knows, with the
 * names (casefolded) that identify them in any spelling the administrations use. */
static const struct known_report {
	const char *title;
	const char *names[3];
} known_reports[] = {
	{ "Stad i samverkan – Stockholms stad och civilsamhället", { "stad i samverkan", NULL } },
	{ "En skola där alla ska lyckas", { "skola där alla", NULL } },
	{ "Från delad till enad stad – Översiktsplanering för social hållbarhet",
	  { "delad till enad stad", "delad stad till enad stad", NULL } },
	{ "Allas rätt till kunskap – Kortutbildade i vuxenutbildningen", { "allas rätt till kunskap", NULL } },
};
#define NKNOWN ((int)(sizeof(known_reports) / sizeof(known_reports[0])))

/* The stance rules: a phrase (casefolded) and the stance it signals. Within a stance the
 * earliest phrase in the text decides the phrase shown; at one position the longest. */
static const struct stance_rule {
	const char *phrase;
	enum cm_stance stance;
} stance_rules[] = {
	{ "avstyrker", CM_DISAGREE }, { "avvisar", CM_DISAGREE }, { "motsätter sig", CM_DISAGREE },
	{ "ställer sig negativ", CM_DISAGREE }, { "ställer sig inte bakom", CM_DISAGREE },
	{ "är negativ till", CM_DISAGREE }, { "är negativa till", CM_DISAGREE },
	{ "inte positiv", CM_DISAGREE }, { "delar inte", CM_DISAGREE }, { "instämmer inte", CM_DISAGREE },
	{ "tillstyrker inte", CM_DISAGREE }, { "ser inget behov", CM_DISAGREE },
	{ "bör inte genomföras", CM_DISAGREE },

	{ "ställer sig dock tveksam", CM_HESITANT }, { "ställer sig tveksam", CM_HESITANT },
	{ "är dock tveksam", CM_HESITANT }, { "är tveksam", CM_HESITANT }, { "tveksam", CM_HESITANT },
	{ "ser samtidigt utmaningar", CM_HESITANT }, { "ser utmaningar", CM_HESITANT },
	{ "finns en utmaning", CM_HESITANT }, { "finns därför utmaningar", CM_HESITANT },
	{ "svårt att bedöma", CM_HESITANT }, { "måste övervägas", CM_HESITANT },
	{ "förutsatt att", CM_HESITANT }, { "under förutsättning att", CM_HESITANT },
	{ "kan inte genomföras inom ramen", CM_HESITANT }, { "ställer höga krav på resurser", CM_HESITANT },
	{ "krävas ytterligare resurser", CM_HESITANT }, { "kräver ytterligare resurser", CM_HESITANT },

	{ "delar kommissionens bedömning", CM_AGREE }, { "delar kommissionens uppfattning", CM_AGREE },
	{ "delar kommissionens", CM_AGREE }, { "delar bedömningen", CM_AGREE },
	{ "delar uppfattningen", CM_AGREE }, { "ställer sig bakom", CM_AGREE }, { "instämmer", CM_AGREE },
	{ "håller med", CM_AGREE }, { "stödjs av", CM_AGREE }, { "stöder förslaget", CM_AGREE },
	{ "tillstyrker", CM_AGREE }, { "i linje med förslaget", CM_AGREE },
	{ "i enlighet med förslaget", CM_AGREE },

	{ "ställer sig överlag positiv", CM_POSITIVE }, { "ställer sig positiv", CM_POSITIVE },
	{ "är mycket positiv", CM_POSITIVE }, { "är positiv", CM_POSITIVE },
	{ "ser mycket positivt", CM_POSITIVE }, { "ser positivt", CM_POSITIVE },
	{ "ser det som positivt", CM_POSITIVE }, { "ses som positivt", CM_POSITIVE },
	{ "positiv till", CM_POSITIVE }, { "välkomnar", CM_POSITIVE }, { "förslagen är bra", CM_POSITIVE },
	{ "förslaget är bra", CM_POSITIVE }, { "är intressant", CM_POSITIVE },
	{ "är av intresse", CM_POSITIVE }, { "deltar gärna", CM_POSITIVE }, { "ser fram emot", CM_POSITIVE },
	{ "med fördel", CM_POSITIVE },
};
#define NRULES ((int)(sizeof(stance_rules) / sizeof(stance_rules[0])))

/* Words that end with a full stop without ending the sentence (casefolded, without it). */
static const char *const abbrevs[] = {
	"t.ex", "bl.a", "m.m", "s.k", "d.v.s", "t.o.m", "etc", "ca", "p.g.a", "fr.o.m", "o.s.v",
	"resp", "nr", "jfr", "kap", "st", "mnkr", "tkr", "dvs", "osv", "mm", "ex", NULL
};

static const char *const stance_names[CM_STANCE__MAX] = {
	"none", "positive", "agree", "hesitant", "disagree"
};

const char *imp_commission_stance_name(enum cm_stance s)
{
	return s >= 0 && s < CM_STANCE__MAX ? stance_names[s] : "none";
}

char *imp_commission_casefold(const char *s, size_t n)
{
	unsigned char *o = xmalloc(n + 1);

	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 'A' && b <= 'Z')
			b = (unsigned char)(b + 32);
		else if (i > 0 && (unsigned char)s[i - 1] == 0xc3 && b >= 0x80 && b <= 0x9e && b != 0x97)
			b = (unsigned char)(b + 32);
		o[i] = b;
	}
	o[n] = '\0';
	return (char *)o;
}

/* word_start: s[i] begins a word (the character before it is not a letter or digit; of the
 * non-ASCII characters, the Latin letters of U+00C0-U+024F count as letters). */
static int word_start(const char *s, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t b;

	if (i == 0)
		return 1;
	if (u[i - 1] < 0x80)
		return !((u[i - 1] >= 'a' && u[i - 1] <= 'z') || (u[i - 1] >= 'A' && u[i - 1] <= 'Z') ||
			 (u[i - 1] >= '0' && u[i - 1] <= '9'));
	for (b = i - 1; b > 0 && (u[b] & 0xc0) == 0x80 && i - b < 4; b--)
		;
	if (i - b != 2 || u[b] < 0xc3 || u[b] > 0xc9)
		return 1;
	return u[b] == 0xc3 && (u[b + 1] == 0x97 || u[b + 1] == 0xb7);	/* × ÷ */
}

/* find_word: the first offset >= from where needle occurs in hay at a word start, or -1. */
static long find_word(const char *hay, size_t from, const char *needle)
{
	const char *p = hay + from;

	while ((p = strstr(p, needle)) != NULL) {
		if (word_start(hay, (size_t)(p - hay)))
			return (long)(p - hay);
		p++;
	}
	return -1;
}

enum cm_stance imp_commission_stance(const char *text, size_t *at, size_t *len)
{
	long best_at[CM_STANCE__MAX];
	size_t best_len[CM_STANCE__MAX] = { 0 };
	enum cm_stance win = CM_NONE;
	char *f;

	if (at)
		*at = 0;
	if (len)
		*len = 0;
	if (!text)
		return CM_NONE;
	for (int s = 0; s < CM_STANCE__MAX; s++)
		best_at[s] = -1;
	f = imp_commission_casefold(text, strlen(text));
	for (int i = 0; i < NRULES; i++) {
		const struct stance_rule *r = &stance_rules[i];
		long p = find_word(f, 0, r->phrase);
		size_t l = strlen(r->phrase);
		if (p < 0)
			continue;
		if (best_at[r->stance] < 0 || p < best_at[r->stance] ||
		    (p == best_at[r->stance] && l > best_len[r->stance])) {
			best_at[r->stance] = p;
			best_len[r->stance] = l;
		}
	}
	free(f);
	for (int s = CM_STANCE__MAX - 1; s > CM_NONE; s--)
		if (best_at[s] >= 0) {
			win = (enum cm_stance)s;
			break;
		}
	if (win != CM_NONE) {
		if (at)
			*at = (size_t)best_at[win];
		if (len)
			*len = best_len[win];
	}
	return win;
}

const char *imp_commission_known_title(int k)
{
	return k >= 0 && k < NKNOWN ? known_reports[k].title : NULL;
}

int imp_commission_known_report(const char *text, const char **title, size_t *at)
{
	char *f = imp_commission_casefold(text, strlen(text));
	long first = -1;
	int which = -1;

	for (int k = 0; k < NKNOWN; k++)
		for (int j = 0; known_reports[k].names[j]; j++) {
			long p = find_word(f, 0, known_reports[k].names[j]);
			if (p >= 0 && (first < 0 || p < first)) {
				first = p;
				which = k;
			}
		}
	free(f);
	if (which >= 0) {
		if (title)
			*title = known_reports[which].title;
		if (at)
			*at = (size_t)first;
	}
	return which;
}

/* mention_cmp: qsort order of mentions: by offset. */
static int mention_cmp(const void *a, const void *b)
{
	const struct cm_mention *x = a, *y = b;

	return x->at < y->at ? -1 : x->at > y->at ? 1 : x->known - y->known;
}

int imp_commission_mentions(const char *s, size_t n, struct cm_mention *out, int max)
{
	char *f = imp_commission_casefold(s, n);
	int count = 0;

	for (int k = 0; k < NKNOWN; k++)
		for (int j = 0; known_reports[k].names[j]; j++)
			for (long p = find_word(f, 0, known_reports[k].names[j]); p >= 0;
			     p = find_word(f, (size_t)p + 1, known_reports[k].names[j])) {
				if (count < max) {
					out[count].known = k;
					out[count].at = (size_t)p;
				}
				count++;
			}
	free(f);
	if (max > 0)
		qsort(out, (size_t)(count < max ? count : max), sizeof(*out), mention_cmp);
	return count;
}

/* slug_char: the ASCII letter a UTF-8 letter (lead, next) folds to, or 0. */
static char slug_char(unsigned char lead, unsigned char next)
{
	if (lead != 0xc3)
		return 0;
	next = (unsigned char)(next | 0x20);	/* Latin-1 uppercase -> lowercase */
	if (next >= 0xa0 && next <= 0xa6)
		return 'a';
	if (next == 0xa7)
		return 'c';
	if (next >= 0xa8 && next <= 0xab)
		return 'e';
	if (next >= 0xac && next <= 0xaf)
		return 'i';
	if (next == 0xb1)
		return 'n';
	if ((next >= 0xb2 && next <= 0xb6) || next == 0xb8)
		return 'o';
	if (next >= 0xb9 && next <= 0xbc)
		return 'u';
	return 0;
}

size_t imp_commission_slug(const char *text, char *out, size_t n)
{
	size_t len = 0, last_cut = 0;
	int sep = 0;

	if (n == 0)
		return 0;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		char ch = 0;
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			ch = (char)*p;
		else if (*p >= 'A' && *p <= 'Z')
			ch = (char)(*p + 32);
		else if (*p >= 0xc0 && p[1] && (ch = slug_char(p[0], p[1])) != 0)
			p++;
		if (!ch) {
			sep = len > 0;
			continue;
		}
		if (sep) {
			if (len + 2 >= n)
				break;
			last_cut = len;
			out[len++] = '-';
			sep = 0;
		}
		if (len + 1 >= n) {
			len = last_cut;	/* cut at the last '-' so no word is split */
			break;
		}
		out[len++] = ch;
	}
	out[len] = '\0';
	return len;
}

/* is_abbrev: the word ending at s[i] (the '.' at i excluded) is an abbreviation. */
static int is_abbrev(const char *s, size_t i)
{
	size_t b = i;
	char w[16];

	while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '(' && i - b < sizeof(w) - 1)
		b--;
	if (i - b == 0 || i - b >= sizeof(w))
		return 0;
	for (size_t k = b; k < i; k++)
		w[k - b] = (s[k] >= 'A' && s[k] <= 'Z') ? (char)(s[k] + 32) : s[k];
	w[i - b] = '\0';
	for (int k = 0; abbrevs[k]; k++)
		if (strcmp(w, abbrevs[k]) == 0)
			return 1;
	return 0;
}

/* starts_sentence: s + j begins a sentence (uppercase letter, digit, quote or bullet). */
static int starts_sentence(const char *s, size_t n, size_t j)
{
	const unsigned char *u = (const unsigned char *)s + j;

	if (j >= n)
		return 1;
	if ((u[0] >= 'A' && u[0] <= 'Z') || (u[0] >= '0' && u[0] <= '9') || u[0] == '"' || u[0] == '(')
		return 1;
	if (j + 1 < n && u[0] == 0xc3 && u[1] >= 0x80 && u[1] <= 0x9e)
		return 1;
	/* ” “ • */
	return j + 2 < n && u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x9d || u[2] == 0x9c || u[2] == 0xa2);
}

size_t imp_commission_sentence_end(const char *s, size_t n, size_t from)
{
	for (size_t i = from; i < n; i++) {
		size_t j;
		if (s[i] != '.' && s[i] != '!' && s[i] != '?')
			continue;
		if (s[i] == '.' && is_abbrev(s, i))
			continue;
		j = i + 1;
		while (j < n && (s[j] == ')' || s[j] == '"'))
			j++;
		while (j + 2 < n && (unsigned char)s[j] == 0xe2 && (unsigned char)s[j + 1] == 0x80 &&
		       (unsigned char)s[j + 2] == 0x9d)
			j += 3;
		if (j >= n)
			return n;
		if (s[j] != ' ' && s[j] != '\t' && s[j] != '\n')
			continue;
		while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n'))
			j++;
		if (starts_sentence(s, n, j))
			return j;
	}
	return n;
}

/* number_at: parses d{1,2}(.d{1,2}){0,2} at s[i] into parts; returns its length, 0 if none
 * (also when more levels or longer components follow). */
static size_t number_at(const char *s, size_t n, size_t i, int parts[3], int *depth)
{
	size_t j = i;

	*depth = 0;
	for (;;) {
		size_t d0 = j;
		int v = 0;
		while (j < n && s[j] >= '0' && s[j] <= '9' && j - d0 < 3)
			v = v * 10 + (s[j++] - '0');
		if (j == d0 || j - d0 > 2 || (j < n && s[j] >= '0' && s[j] <= '9'))
			return 0;
		if (*depth == 3)
			return 0;
		parts[(*depth)++] = v;
		if (j + 1 < n && s[j] == '.' && s[j + 1] >= '0' && s[j + 1] <= '9')
			j++;
		else
			break;
	}
	return j - i;
}

/* after_atgard: the text before s[i] ends with "åtgärd" or "åtgärderna" (spaces and '('
 * between). */
static int after_atgard(const char *s, size_t i)
{
	static const char *const words[] = { "åtgärd", "Åtgärd", "åtgärderna", "åtgärd nr", NULL };

	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '('))
		i--;
	for (int k = 0; words[k]; k++) {
		size_t l = strlen(words[k]);
		if (i >= l && memcmp(s + i - l, words[k], l) == 0)
			return 1;
	}
	return 0;
}

/* range_end: after a number ending at s[j], " - 4.2.3" of the same recommendation: the last
 * component (> first) and the offset after it, or 0. */
static int range_end(const char *s, size_t n, size_t j, const int parts[3], int depth, size_t *end)
{
	int p2[3], d2;
	size_t l;

	while (j < n && s[j] == ' ')
		j++;
	if (j < n && s[j] == '-')
		j++;
	else if (j + 2 < n && memcmp(s + j, "\xe2\x80\x93", 3) == 0)
		j += 3;
	else
		return 0;
	while (j < n && s[j] == ' ')
		j++;
	if (!(l = number_at(s, n, j, p2, &d2)) || d2 != depth)
		return 0;
	for (int k = 0; k < depth - 1; k++)
		if (p2[k] != parts[k])
			return 0;
	if (p2[depth - 1] <= parts[depth - 1] || p2[depth - 1] - parts[depth - 1] > 20)
		return 0;
	*end = j + l;
	return p2[depth - 1];
}

/* format_number: "4.1.1" or "1.3" from its parts. */
static void format_number(char *out, const int parts[3], int depth)
{
	if (depth == 3)
		snprintf(out, CM_NUM_MAX, "%d.%d.%d", parts[0], parts[1], parts[2]);
	else
		snprintf(out, CM_NUM_MAX, "%d.%d", parts[0], parts[1]);
}

int imp_commission_cites(const char *s, size_t n, struct cm_cite *out, int max)
{
	int count = 0;

	for (size_t i = 0; i < n; i++) {
		int parts[3], depth, last;
		size_t l, end;
		if (s[i] < '0' || s[i] > '9')
			continue;
		if (i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '.' || s[i - 1] == ',' ||
			      (s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= 'A' && s[i - 1] <= 'Z'))) {
			while (i + 1 < n && ((s[i + 1] >= '0' && s[i + 1] <= '9') || s[i + 1] == '.'))
				i++;
			continue;
		}
		l = number_at(s, n, i, parts, &depth);
		if (!l || depth < 2 || (depth == 2 && !after_atgard(s, i))) {
			while (i + 1 < n && ((s[i + 1] >= '0' && s[i + 1] <= '9') || s[i + 1] == '.'))
				i++;
			continue;
		}
		last = range_end(s, n, i + l, parts, depth, &end);
		for (int v = parts[depth - 1]; v <= (last ? last : parts[depth - 1]); v++) {
			int p[3] = { parts[0], parts[1], parts[2] };
			p[depth - 1] = v;
			if (count < max) {
				format_number(out[count].number, p, depth);
				out[count].at = i;
			}
			count++;
		}
		i = (last ? end : i + l) - 1;
	}
	return count;
}
