/* chain-json.c: the goal chain as the API's JSON (see chain-json.h). */
#include <math.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdint.h>
#include <string.h>

#include "core/buf.h"
#include "core/numfmt.h"

#include "doc/chain-json.h"
#include "render/json.h"
#include "view/chain.h"

/* KEY: a key that is a string literal, its length known here (no strlen per key). */
#define KEY(j, lit) json_keyn((j), "" lit "", sizeof(lit) - 1)

/* STR: key (a literal) and a string value, null when s is NULL. */
#define STR(j, lit, s) (KEY(j, lit), json_str((j), (s)))

/* The outcomes' common parts, written once: each distinct (period, area, sex) as the members
 * "period":..,"area":..,"sex":.. (a goal chain has a few: three periods, a few areas, three
 * sexes), and the four endings of "missing" and "example". An outcome is then one piece, its
 * object of that part, its value and its ending: a call per outcome rather than one per key
 * and value. */
#define OUTPRE_MAX 64
struct outpre {
	const char *period, *area, *sex;
	size_t off, len;	/* the members in text */
};
/* LIT: appends a string literal to b. */
#define LIT(b, lit) buf_add((b), "" lit "", sizeof(lit) - 1)

#ifdef __SSE2__
/* page_safe: 1 when the sixteen bytes from p lie in p's 4 KiB page, so loading them cannot fault
 * (pages are at least 4 KiB) even where the string ends before them. */
static inline int page_safe(const void *p)
{
	return ((uintptr_t)p & 4095) <= 4096 - 16;
}

/* special: the bits of the bytes of x that json_escape_str looks at: below 0x20 or at or above
 * 0x80 (one signed compare), '"', '\\' and DEL; the NUL is among them. */
static inline unsigned special(__m128i x)
{
	__m128i m = _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(x, _mm_set1_epi8('"')));

	m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\\')), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7f))));
	return (unsigned)_mm_movemask_epi8(m);
}
#define NO_ASAN_JSON __attribute__((no_sanitize_address))
#else
#define NO_ASAN_JSON
#endif

/* lead2: whether p starts a two-byte UTF-8 sequence (json_escape_str keeps it as it is). */
static inline int lead2(const unsigned char *p)
{
	return p[0] >= 0xc2 && p[0] <= 0xdf && (p[1] & 0xc0) == 0x80;
}

/* plain_len: the length of s when json_escape_str writes it as it is in quotes (printable ASCII
 * but '"' and '\\', and two-byte UTF-8 sequences: the chain's keys, levels, units and most of
 * its Swedish names), else (size_t)-1. Sixteen bytes at a time where they lie in s's page (the
 * bytes after the NUL are loaded, never used: as render/html.c's escape_short). */
NO_ASAN_JSON static size_t plain_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	for (;;) {
#ifdef __SSE2__
		if (page_safe(p + i)) {
			unsigned m = special(_mm_loadu_si128((const __m128i *)(const void *)(p + i)));
			if (!m) {
				i += 16;
				continue;
			}
			i += (unsigned)__builtin_ctz(m);
		}
#endif
		if (!p[i])
			return i;
		if (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '"' && p[i] != '\\')
			i++;
		else if (lead2(p + i))
			i += 2;
		else
			return (size_t)-1;
	}
}

#ifdef __SSE2__
/* short_plain: where s is printable ASCII but '"' and '\\' up to its NUL within 32 bytes, and
 * those bytes lie in s's page, s in quotes appended to b by two 16-byte stores (the bytes
 * after the quote are room buf_space gave, overwritten later): 1, else 0 (nothing written).
 * Most of the chain's texts but names (keys, levels, units, directions, periods): in one step,
 * not plain_len's loop and a call of memcpy each. */
NO_ASAN_JSON static int short_plain(struct buf *b, const char *s)
{
	__m128i x, y = _mm_setzero_si128();
	unsigned m, n;
	char *w;

	if (!page_safe(s))
		return 0;
	x = _mm_loadu_si128((const __m128i *)(const void *)s);
	if ((m = special(x)) != 0) {
		n = (unsigned)__builtin_ctz(m);
	} else {
		if (!page_safe(s + 16))
			return 0;
		y = _mm_loadu_si128((const __m128i *)(const void *)(s + 16));
		if ((m = special(y)) == 0)
			return 0;
		n = 16 + (unsigned)__builtin_ctz(m);
	}
	if (s[n] != '\0' || (w = buf_space(b, 34)) == NULL)
		return 0;
	w[0] = '"';
	_mm_storeu_si128((__m128i *)(void *)(w + 1), x);
	_mm_storeu_si128((__m128i *)(void *)(w + 17), y);
	w[n + 1] = '"';
	buf_wrote(b, n + 2);
	return 1;
}
#endif

/* p_str: s as json_str writes it (null when NULL): a plain text (short_plain, plain_len)
 * copied in quotes as one piece, any other through json_escape_str. */
static void p_str(struct buf *b, const char *s)
{
	size_t n;
	char *w;

	if (!s) {
		LIT(b, "null");
		return;
	}
#ifdef __SSE2__
	if (short_plain(b, s))
		return;
#endif
	if ((n = plain_len(s)) != (size_t)-1 && (w = buf_space(b, n + 2))) {
		w[0] = '"';
		memcpy(w + 1, s, n);
		w[n + 1] = '"';
		buf_wrote(b, n + 2);
		return;
	}
	json_escape_str(b, s, strlen(s));
}

/* OUTPRE_SLOTS: the slots of the table by the texts' addresses (a power of two; at most three
 * quarters of them are used, then lookups by text alone). */
#define OUTPRE_SLOTS 128
struct outslot {
	const char *period, *area, *sex;	/* the addresses this slot is for */
	unsigned char e;	/* entry + 1 (0: an empty slot) */
};
struct outcache {
	struct buf text;	/* the members of every entry */
	struct outpre e[OUTPRE_MAX];
	size_t n;
	size_t nslots;	/* slots in use */
	struct outslot slot[OUTPRE_SLOTS];	/* open addressing by the addresses' hash */
};

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* slot_of: the first slot to look in for o's texts' addresses. */
static size_t slot_of(const struct view_outcome *o)
{
	uint64_t h = (uint64_t)(uintptr_t)o->period * 0x9e3779b97f4a7c15u ^ (uint64_t)(uintptr_t)o->area * 0xc2b2ae3d27d4eb4fu ^
		     (uint64_t)(uintptr_t)o->sex * 0x165667b19e3779f9u;

	return (size_t)(h >> 57) & (OUTPRE_SLOTS - 1);
}

/* lookup: the slot of o's texts' addresses, or the empty slot where they would go. */
static struct outslot *lookup(struct outcache *oc, const struct view_outcome *o)
{
	size_t h = slot_of(o);

	for (;; h = (h + 1) & (OUTPRE_SLOTS - 1)) {
		struct outslot *s = &oc->slot[h];
		if (!s->e || (s->period == o->period && s->area == o->area && s->sex == o->sex))
			return s;
	}
}

/* find: o's entry in oc by its texts' addresses (the loader shares the texts), else by the texts
 * (its addresses' slot then holds it); NULL when none. *sp: the addresses' slot (empty when
 * none holds them and the table has room), or NULL. */
static struct outpre *find(struct outcache *oc, const struct view_outcome *o, struct outslot **sp)
{
	struct outslot *s = lookup(oc, o);

	*sp = NULL;
	if (s->e)
		return &oc->e[s->e - 1];
	if (oc->nslots < OUTPRE_SLOTS / 4 * 3)
		*sp = s;
	for (size_t i = 0; i < oc->n; i++)
		if (same(oc->e[i].period, o->period) && same(oc->e[i].area, o->area) && same(oc->e[i].sex, o->sex)) {
			if (*sp) {
				**sp = (struct outslot){ o->period, o->area, o->sex, (unsigned char)(i + 1) };
				oc->nslots++;
			}
			return &oc->e[i];
		}
	return NULL;
}

/* prefix: the entry of o's period, area and sex in oc, written on first use; NULL when oc is
 * full or its text failed (the caller writes the members one by one). */
static const struct outpre *prefix(struct outcache *oc, const struct view_outcome *o)
{
	struct outslot *s;
	struct outpre *p = find(oc, o, &s);

	if (p)
		return p;
	if (oc->n == OUTPRE_MAX)
		return NULL;
	p = &oc->e[oc->n];
	*p = (struct outpre){ .period = o->period, .area = o->area, .sex = o->sex, .off = oc->text.len + 1 };
	/* the members as json_str writes them after '{' (which is not part of the entry) */
	buf_addc(&oc->text, '{');
	LIT(&oc->text, "\"period\":");
	p_str(&oc->text, o->period);
	LIT(&oc->text, ",\"area\":");
	p_str(&oc->text, o->area);
	LIT(&oc->text, ",\"sex\":");
	p_str(&oc->text, o->sex);
	if (oc->text.overflow)
		return NULL;
	p->len = oc->text.len - p->off;
	oc->n++;
	if (s) {
		*s = (struct outslot){ o->period, o->area, o->sex, (unsigned char)oc->n };
		oc->nslots++;
	}
	return p;
}

/* ENDING: "missing" and "example" as json_bool writes them, by missing * 2 + example. */
#define ENDING(m, e) "\"missing\":" m ",\"example\":" e
static const struct {
	const char *s;
	size_t n;
} endings[4] = {
	{ ENDING("false", "false"), sizeof(ENDING("false", "false")) - 1 },
	{ ENDING("false", "true"), sizeof(ENDING("false", "true")) - 1 },
	{ ENDING("true", "false"), sizeof(ENDING("true", "false")) - 1 },
	{ ENDING("true", "true"), sizeof(ENDING("true", "true")) - 1 },
};

/* OUTCOME_MAX: the longest outcome written as one piece (outcome_piece); longer ones (a long
 * area key) are written member by member. */
#define OUTCOME_MAX 512

/* num_text: v as json_num_text writes it into out (JSON_NUM_SIZE bytes), its length; the values
 * of one decimal (most figures: 98.3, 4.6) written here as numfmt_short_real's first step writes
 * them (the same test and digits), without its calls and loop; integers and all others by
 * json_num_text itself. */
static size_t num_text(double v, char *out)
{
	double a = fabs(v), m = a * 10 + 0.5;
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long long u;
	size_t n;

	if (!(a >= 1e-4 && m < 1e15) || a == (double)(long long)a)
		return json_num_text(v, out);
	u = (unsigned long long)m;
	if ((double)u / 10 != a)
		return json_num_text(v, out);
	*--p = (char)('0' + u % 10);
	*--p = '.';
	u /= 10;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	n = (size_t)(tmp + sizeof(tmp) - p);
	for (size_t i = 0; i < n; i++)	/* at most 17 bytes: no call */
		out[i] = p[i];
	out[n] = '\0';
	return n;
}

/* outcome_piece: o as one piece in out (OUTCOME_MAX bytes): "{", its period, area and sex from
 * oc, "value", its ending and "}", as the calls of outcome_members write it; its length, or 0
 * when oc has no entry for it or it would not fit. */
static size_t outcome_piece(struct outcache *oc, const struct view_outcome *o, char *out)
{
	static const char value[] = ",\"value\":";
	const struct outpre *p = prefix(oc, o);
	int k = (o->missing != 0) * 2 + (o->example != 0);
	size_t n = 0;

	if (!p || 1 + p->len + sizeof(value) - 1 + JSON_NUM_SIZE + 1 + endings[k].n + 1 > OUTCOME_MAX)
		return 0;
	out[n++] = '{';
	memcpy(out + n, oc->text.ptr + p->off, p->len);
	n += p->len;
	memcpy(out + n, value, sizeof(value) - 1);
	n += sizeof(value) - 1;
	n += num_text(o->value, out + n);	/* NaN: null, as json_nothing */
	out[n++] = ',';
	memcpy(out + n, endings[k].s, endings[k].n);
	n += endings[k].n;
	out[n++] = '}';
	return n;
}

/* outcome_members: o member by member (a pretty writer, or a piece too long). */
static void outcome_members(const struct view_outcome *o, struct json *j)
{
	json_obj_open(j);
	STR(j, "period", o->period);
	STR(j, "area", o->area);
	STR(j, "sex", o->sex);
	KEY(j, "value");
	if (isnan(o->value))
		json_nothing(j);
	else
		json_num(j, o->value);
	KEY(j, "missing"); json_bool(j, o->missing);
	KEY(j, "example"); json_bool(j, o->example);
	json_obj_close(j);
}

static void outcome(struct outcache *oc, const struct view_outcome *o, struct json *j)
{
	char piece[OUTCOME_MAX];
	size_t n = j->pretty ? 0 : outcome_piece(oc, o, piece);

	if (n)
		json_value(j, piece, n);
	else
		outcome_members(o, j);
}

static void indicator(const struct view_chain *c, struct outcache *oc, const struct view_indicator *in,
		      struct json *j)
{
	json_obj_open(j);
	KEY(j, "id"); json_int(j, in->id);
	STR(j, "key", in->key);
	STR(j, "name", in->name);
	STR(j, "unit", in->unit);
	STR(j, "direction", in->direction);
	STR(j, "periodicity", in->periodicity);
	STR(j, "target", in->target);
	STR(j, "kf_target", in->kf_target);
	KEY(j, "outcomes");
	json_arr_open(j);
	for (size_t i = 0; i < in->nouts; i++)
		if (in->outs[i].year == c->year)
			outcome(oc, &in->outs[i], j);
	json_arr_close(j);
	json_obj_close(j);
}

static void assessment(const struct view_assessment *a, struct json *j)
{
	json_obj_open(j);
	STR(j, "period", a->period);
	STR(j, "assessment", a->assessment);
	STR(j, "analysis", a->analysis);
	STR(j, "report_status", a->report_status);
	json_obj_close(j);
}

/* goal_members: g member by member (a pretty writer, or a piece that failed). */
static void goal_members(const struct view_chain *c, struct outcache *oc, const struct view_goal *g, struct json *j)
{
	json_obj_open(j);
	KEY(j, "id"); json_int(j, g->id);
	STR(j, "key", g->key);
	STR(j, "level", g->level);
	STR(j, "number", g->number);
	STR(j, "name", g->name);
	STR(j, "parent", g->parent);
	STR(j, "owner", g->owner);
	KEY(j, "assessments");
	json_arr_open(j);
	for (size_t i = 0; i < g->nassess; i++)
		assessment(&g->assess[i], j);
	json_arr_close(j);
	KEY(j, "indicators");
	json_arr_open(j);
	for (size_t i = 0; i < g->ninds; i++)
		indicator(c, oc, &g->inds[i], j);
	json_arr_close(j);
	json_obj_close(j);
}


/* The goals as pieces: a goal with its assessments, indicators and outcomes appended straight to
 * the output (json_value_out), keys as literal text with their separators and quotes: the same
 * bytes as the calls of goal_members, without a writer's call and state test per key and value
 * (about a thousand keys per chain). */

/* p_int: v as json_int writes it. */
static void p_int(struct buf *b, int64_t v)
{
	char t[NUMFMT_SIZE];

	buf_add(b, t, numfmt_long((long long)v, t));
}

/* p_outcome: o as outcome writes it (a piece from oc, else member by member). */
static void p_outcome(struct outcache *oc, const struct view_outcome *o, struct buf *b)
{
	char num[JSON_NUM_SIZE], *w = buf_space(b, OUTCOME_MAX);
	size_t n = w ? outcome_piece(oc, o, w) : 0;

	if (n) {	/* written in place */
		buf_wrote(b, n);
		return;
	}
	LIT(b, "{\"period\":");
	p_str(b, o->period);
	LIT(b, ",\"area\":");
	p_str(b, o->area);
	LIT(b, ",\"sex\":");
	p_str(b, o->sex);
	LIT(b, ",\"value\":");
	buf_add(b, num, json_num_text(o->value, num));	/* NaN: null, as json_nothing */
	buf_addc(b, ',');
	buf_add(b, endings[(o->missing != 0) * 2 + (o->example != 0)].s,
		endings[(o->missing != 0) * 2 + (o->example != 0)].n);
	buf_addc(b, '}');
}

static void p_indicator(const struct view_chain *c, struct outcache *oc, const struct view_indicator *in,
			struct buf *b)
{
	int first = 1;

	LIT(b, "{\"id\":");
	p_int(b, in->id);
	LIT(b, ",\"key\":");
	p_str(b, in->key);
	LIT(b, ",\"name\":");
	p_str(b, in->name);
	LIT(b, ",\"unit\":");
	p_str(b, in->unit);
	LIT(b, ",\"direction\":");
	p_str(b, in->direction);
	LIT(b, ",\"periodicity\":");
	p_str(b, in->periodicity);
	LIT(b, ",\"target\":");
	p_str(b, in->target);
	LIT(b, ",\"kf_target\":");
	p_str(b, in->kf_target);
	LIT(b, ",\"outcomes\":[");
	for (size_t i = 0; i < in->nouts; i++)
		if (in->outs[i].year == c->year) {
			if (!first)
				buf_addc(b, ',');
			first = 0;
			p_outcome(oc, &in->outs[i], b);
		}
	LIT(b, "]}");
}

static void p_assessment(const struct view_assessment *a, struct buf *b)
{
	LIT(b, "{\"period\":");
	p_str(b, a->period);
	LIT(b, ",\"assessment\":");
	p_str(b, a->assessment);
	LIT(b, ",\"analysis\":");
	p_str(b, a->analysis);
	LIT(b, ",\"report_status\":");
	p_str(b, a->report_status);
	buf_addc(b, '}');
}

/* goal_piece: g as goal_members writes it, appended to b. */
static void goal_piece(const struct view_chain *c, struct outcache *oc, const struct view_goal *g, struct buf *b)
{
	LIT(b, "{\"id\":");
	p_int(b, g->id);
	LIT(b, ",\"key\":");
	p_str(b, g->key);
	LIT(b, ",\"level\":");
	p_str(b, g->level);
	LIT(b, ",\"number\":");
	p_str(b, g->number);
	LIT(b, ",\"name\":");
	p_str(b, g->name);
	LIT(b, ",\"parent\":");
	p_str(b, g->parent);
	LIT(b, ",\"owner\":");
	p_str(b, g->owner);
	LIT(b, ",\"assessments\":[");
	for (size_t i = 0; i < g->nassess; i++) {
		if (i)
			buf_addc(b, ',');
		p_assessment(&g->assess[i], b);
	}
	LIT(b, "],\"indicators\":[");
	for (size_t i = 0; i < g->ninds; i++) {
		if (i)
			buf_addc(b, ',');
		p_indicator(c, oc, &g->inds[i], b);
	}
	LIT(b, "]}");
}

/* goal: g as one piece straight into the output where the writer is not pretty, else member
 * by member. An output that overflows is the writer's to report (json_finish: its buffer's
 * overflow), as for any value. */
static void goal(const struct view_chain *c, struct outcache *oc, const struct view_goal *g, struct json *j)
{
	struct buf *b = j->pretty ? NULL : json_value_out(j);

	if (b)
		goal_piece(c, oc, g, b);
	else
		goal_members(c, oc, g, j);
}

/* Bytes per part of the chain's JSON, a little above the demo's (about 90 per outcome, 250 per
 * goal or indicator without its outcomes): room for the output reserved once (chain_json_write). */
enum { EST_OUTCOME = 96, EST_PART = 320 };

/* reserve: room in j's output for about the text of c (the outcomes counted over all years:
 * an estimate, never a limit). */
static void reserve(const struct view_chain *c, struct json *j)
{
	size_t n = 64;

	for (size_t g = 0; g < c->ngoals; g++) {
		n += EST_PART * (1 + c->goals[g].ninds);
		for (size_t i = 0; i < c->goals[g].ninds; i++)
			n += EST_OUTCOME * c->goals[g].inds[i].nouts;
	}
	if (!j->pretty)
		buf_reserve(j->out, n);
}

void chain_json_write(const struct view_chain *c, struct json *j)
{
	struct outcache oc;	/* only the slots zeroed: the entries are written as they are made */

	oc.n = oc.nslots = 0;
	memset(oc.slot, 0, sizeof(oc.slot));

	buf_init(&oc.text, OUTPRE_MAX * 256);
	reserve(c, j);
	json_obj_open(j);
	KEY(j, "organisation_id"); json_int(j, c->org);
	KEY(j, "year"); json_int(j, c->year);
	KEY(j, "goals");
	json_arr_open(j);
	for (size_t i = 0; i < c->ngoals; i++)
		goal(c, &oc, &c->goals[i], j);
	json_arr_close(j);
	json_obj_close(j);
	buf_release(&oc.text);
}
