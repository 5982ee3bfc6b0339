/* test-imp-kolada.c: unit tests of the kolada and csv importers' parsers (no database): the
 * records they hand over, line numbers, errors, and that a split of the input changes nothing. */
#include "testlib.h"

#include "core/arena.h"
#include "core/err.h"
#include "import/imp-csv.h"
#include "import/imp-kolada.h"
#include "import/import.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* what the sinks saw, as text */
struct got {
	char text[2048];
};

static void add(struct got *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(struct got *g, const char *fmt, ...)
{
	size_t n = strlen(g->text);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(g->text + n, sizeof(g->text) - n, fmt, ap);
	va_end(ap);
}

static int k_data(void *ctx, const struct imp_kolada_data *d)
{
	add(ctx, "[%d data %s %s %d:", d->line, d->kpi, d->municipality, d->year);
	for (int i = 0; i < d->n; i++) {
		if (d->v[i].missing)
			add(ctx, " %c=null", d->v[i].sex);
		else
			add(ctx, " %c=%g", d->v[i].sex, d->v[i].value);
	}
	add(ctx, "]");
	return LUP_OK;
}

static int k_kpi(void *ctx, const struct imp_kolada_kpi *k)
{
	add(ctx, "[%d kpi %s '%s' '%s' %d]", k->line, k->id, k->title, k->operating_area, k->by_sex);
	return LUP_OK;
}

static int k_muni(void *ctx, const struct imp_kolada_muni *m)
{
	add(ctx, "[%d muni %s '%s' %s]", m->line, m->id, m->title, m->type);
	return LUP_OK;
}

/* kolada: parses s (split at cut; cut > len means whole); returns the code, *g the records,
 * msg the error */
static int kolada(const char *s, size_t cut, struct got *g, char *msg, struct imp_kolada_info *info)
{
	struct arena a = ARENA_INIT;
	struct err e = { 0 };
	struct imp_report r;
	struct imp_ctx c = { .a = &a, .e = &e, .path = "t.json", .r = &r };
	const struct imp_kolada_sink sink = { g, k_data, k_kpi, k_muni };
	struct imp_kolada_parser *p = imp_kolada_open(&c, &sink);
	size_t len = strlen(s);
	int rc;

	memset(&r, 0, sizeof(r));
	g->text[0] = '\0';
	if (cut > len)
		cut = len;
	rc = imp_kolada_feed(p, s, cut);
	if (rc == LUP_OK)
		rc = imp_kolada_feed(p, s + cut, len - cut);
	if (rc == LUP_OK)
		rc = imp_kolada_finish(p, info);
	imp_kolada_close(p);
	snprintf(msg, 1024, "%s", rc ? e.msg : "");
	arena_release(&a);
	return rc;
}

static const char data_doc[] =
	"{\"count\": 2, \"values\": [\n"
	" {\"kpi\": \"N00945\", \"municipality\": \"0180\", \"period\": 2022, \"values\": [\n"
	"   {\"gender\": \"T\", \"count\": 1, \"status\": \"\", \"value\": 12.5},\n"
	"   {\"gender\": \"K\", \"count\": 1, \"status\": \"Missing\", \"value\": null}]},\n"
	" {\"values\": [{\"value\": 7, \"gender\": \"M\", \"extra\": {\"a\": [1, 2]}}],\n"
	"  \"period\": \"2021\", \"municipality\": \"0000\", \"kpi\": \"U1\"}\n"
	"], \"next_url\": \"http://x/?page=2\"}";

static void test_kolada_data(void)
{
	struct got g;
	struct imp_kolada_info info;
	char msg[1024];

	T_EQ_INT(kolada(data_doc, (size_t)-1, &g, msg, &info), LUP_OK);
	T_EQ_STR(g.text, "[2 data N00945 0180 2022: T=12.5 K=null][5 data U1 0000 2021: M=7]");
	T_EQ_INT(info.doc, IMP_KOLADA_DATA);
	T_EQ_INT(info.count, 2);
	T_EQ_INT(info.objects, 2);
	T_EQ_STR(info.next, "http://x/?page=2");
	T_EQ_INT(info.lines, 7);
}

static void test_kolada_split(void)
{
	struct got whole, part;
	struct imp_kolada_info info;
	char msg[1024];

	kolada(data_doc, (size_t)-1, &whole, msg, &info);
	for (size_t cut = 0; cut <= strlen(data_doc); cut++) {
		T_EQ_INT(kolada(data_doc, cut, &part, msg, &info), LUP_OK);
		if (strcmp(part.text, whole.text) != 0) {
			T_EQ_STR(part.text, whole.text);
			break;
		}
	}
}

static void test_kolada_meta(void)
{
	struct got g;
	struct imp_kolada_info info;
	char msg[1024];

	T_EQ_INT(kolada("{\"values\": [{\"id\": \"N1\", \"title\": \"Ett\", \"operating_area\": null,"
			" \"is_divided_by_gender\": true}, {\"id\": \"N2\", \"title\": \"Två\", \"description\": \"x\"}]}",
			(size_t)-1, &g, msg, &info), LUP_OK);
	T_EQ_STR(g.text, "[1 kpi N1 'Ett' '' 1][1 kpi N2 'Två' '' 0]");
	T_EQ_INT(info.doc, IMP_KOLADA_KPIS);
	T_EQ_INT(kolada("{\"values\": [{\"id\": \"0180\", \"title\": \"Stockholm\", \"type\": \"K\"}]}",
			(size_t)-1, &g, msg, &info), LUP_OK);
	T_EQ_STR(g.text, "[1 muni 0180 'Stockholm' K]");
}

static void test_kolada_errors(void)
{
	static const struct {
		const char *doc, *msg;
	} cases[] = {
		{ "", "t.json: tom fil" },
		{ "{\"values\": [\n{\"kpi\": \"A\", \"municipality\": \"0180\", \"period\": 2022, \"values\": "
		  "[{\"gender\": \"T\", \"value\": \"1\"}]}]}", "t.json:2: 'value' ska vara ett tal eller null, inte en sträng" },
		{ "{\"values\": [{\"kpi\": \"A\", \"municipality\": \"0180\", \"values\": []}]}",
		  "t.json:1: ett datavärde utan 'period'" },
		{ "{\"values\": [\n\n{\"a\": 1}]}", "t.json:3: ett datavärde från Kolada" },
		{ "{\"values\": [1, 2", "t.json:1: 'values' ska innehålla objekt, här finns ett tal" },
		{ "{\"values\": [", "t.json:1: felaktig JSON vid byte 12: texten slutar inne i ett värde" },
		{ "{\"values\": []} []", "t.json:1: felaktig JSON vid byte 16: parse error: trailing garbage" },
		{ "{\"values\": [{\"kpi\": \"A\", \"municipality\": \"0180\", \"period\": 2022, \"values\": "
		  "[{\"gender\": \"T\", \"value\": 1}, {\"gender\": \"T\", \"value\": 1}, {\"gender\": \"T\", \"value\": 1},"
		  " {\"gender\": \"T\", \"value\": 1}, {\"gender\": \"T\", \"value\": 1}, {\"gender\": \"T\", \"value\": 1},"
		  " {\"gender\": \"T\", \"value\": 1}, {\"gender\": \"T\", \"value\": 1}, {\"gender\": \"T\", \"value\": 1}]}]}",
		  "fler än 8 värden i ett dataobjekt" },
		{ "{\"values\": [{\"id\": \"A\", \"title\": \"x\", \"members\": []}]}", "groups" },
	};
	struct got g;
	struct imp_kolada_info info;
	char msg[1024];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		T_EQ_INT(kolada(cases[i].doc, (size_t)-1, &g, msg, &info), LUP_EINVAL);
		T_CONTAINS(msg, cases[i].msg);
	}
}

static int c_row(void *ctx, const struct imp_csv_row *r)
{
	char period[MODEL_PERIOD_TEXT_MAX];

	model_period_format(&r->period, period, sizeof(period));
	add(ctx, "[%d %s|%s|%s|%c|%d|", r->line, r->cell[IMP_CSV_INDICATOR], r->cell[IMP_CSV_AREA], period,
	    r->sex, (int)r->kind);
	if (r->kind != IMP_CSV_OUTCOME)
		add(ctx, "%s", r->target.text);
	else if (r->missing)
		add(ctx, "-");
	else
		add(ctx, "%g", r->value);
	add(ctx, "|%s]", r->cell[IMP_CSV_SOURCE]);
	return LUP_OK;
}

static int csv(const char *s, size_t cut, struct got *g, char *msg, struct imp_csv_info *info)
{
	struct arena a = ARENA_INIT;
	struct err e = { 0 };
	struct imp_report r;
	struct imp_ctx c = { .a = &a, .e = &e, .path = "t.csv", .r = &r };
	const struct imp_csv_sink sink = { g, c_row };
	struct imp_csv_parser *p = imp_csv_open(&c, &sink);
	size_t len = strlen(s);
	int rc;

	memset(&r, 0, sizeof(r));
	g->text[0] = '\0';
	if (cut > len)
		cut = len;
	rc = imp_csv_feed(p, s, cut);
	if (rc == LUP_OK)
		rc = imp_csv_feed(p, s + cut, len - cut);
	if (rc == LUP_OK)
		rc = imp_csv_finish(p, info);
	imp_csv_close(p);
	snprintf(msg, 1024, "%s", rc ? e.msg : "");
	arena_release(&a);
	return rc;
}

/* lines: 1 header; 2 a row; 3 blank; 4-6 a row whose quoted cells hold line breaks; 7 an empty
 * row; 8 and 9 targets (the last without a line end) */
static const char csv_doc[] =
	"\xef\xbb\xbf" "Indikator;OMRÅDE;Period;KÖN;Värde;Typ;Källa\r\n"
	"ind  one;0180;2022-T1;k;1 234,5;;\r\n"
	"\r\n"
	"\"ind\none\";\" Spånga-Tensta \";T2 2022;;\"3,9\";utfall;\"a \"\"b\"\";\r\nc\"\r\n"
	";;;;;;\r\n"
	"ind;;2023;;4,6 %;årsmål;\r\n"
	"ind;;2023;;Tas fram av nämnd;KF:s årsmål;";

static void test_csv_rows(void)
{
	struct got g;
	struct imp_csv_info info;
	char msg[1024];

	T_EQ_INT(csv(csv_doc, (size_t)-1, &g, msg, &info), LUP_OK);
	T_EQ_STR(g.text,
		 "[2 ind one|0180|2022-T1|K|0|1234.5|]"
		 "[4 ind one|Spånga-Tensta|2022-T2|T|0|3.9|a \"b\";\nc]"
		 "[8 ind||2023-FY|T|1|4,6 %|]"
		 "[9 ind||2023-FY|T|2|Tas fram av nämnd|]");
	T_EQ_INT(info.rows, 4);
	T_EQ_INT(info.sep, ';');
	T_EQ_INT(info.lines, 9);
}

static void test_csv_split(void)
{
	struct got whole, part;
	struct imp_csv_info info;
	char msg[1024];

	csv(csv_doc, (size_t)-1, &whole, msg, &info);
	for (size_t cut = 0; cut <= strlen(csv_doc); cut++) {
		T_EQ_INT(csv(csv_doc, cut, &part, msg, &info), LUP_OK);
		if (strcmp(part.text, whole.text) != 0) {
			T_EQ_STR(part.text, whole.text);
			break;
		}
	}
}

/* old Mac line ends (CR alone) count as lines too */
static void test_csv_cr(void)
{
	static const char doc[] = "indicator,area,period,value\rx,y,2022,1\r\r\"a\rb\",y,2021,2\rz,w,2020,\r";
	struct got g, part;
	struct imp_csv_info info;
	char msg[1024];

	T_EQ_INT(csv(doc, (size_t)-1, &g, msg, &info), LUP_OK);
	T_EQ_STR(g.text, "[2 x|y|2022-FY|T|0|1|][4 a b|y|2021-FY|T|0|2|][6 z|w|2020-FY|T|0|-|]");
	for (size_t cut = 0; cut <= strlen(doc); cut++) {
		csv(doc, cut, &part, msg, &info);
		if (strcmp(part.text, g.text) != 0) {
			T_EQ_STR(part.text, g.text);
			break;
		}
	}
}

static void test_csv_errors(void)
{
	static const struct {
		const char *doc, *msg;
	} cases[] = {
		{ "", "t.csv: tom fil" },
		{ "indicator,area,period,value\nx,y,2022,abc\n", "t.csv:2: kolumn 4 (value): 'abc' är inte ett tal" },
		{ "indicator,area,period,value\nx,y,2022,\"1\n", "t.csv:2: kolumn 4 (value): filen slutar inne i en citerad cell" },
		{ "indicator,area,period,value\n\"a\nb\",y,2022,1\nx,,2022,1\n", "t.csv:4: kolumn 2 (area): tom" },
		{ "indicator;area;period;value;x\n", "t.csv:1: kolumn 5: okänd kolumn 'x'" },
		{ "indicator;area;value\n", "t.csv:1: rubrikraden saknar kolumnen 'period'" },
		{ "indicator,area,period,value\nx,y,2022,1,2\n", "t.csv:2: kolumn 5: ett värde i en kolumn utan namn" },
		{ "indicator,area,period,value,sex\nx,y,2022,1,Q\n", "t.csv:2: kolumn 5 (sex): 'Q' är inte ett kön" },
		{ "indicator,area,period,value,kind\nx,y,2022,1,plan\n", "t.csv:2: kolumn 5 (kind): 'plan' är inte ett slag" },
		{ "indicator,area,period,value,by_sex\nx,y,2022,1,kanske\n", "t.csv:2: kolumn 5 (by_sex): 'kanske' är varken ja eller nej" },
		{ "indicator,area,period,value\nx,\xe5,2022,1\n", "t.csv:2: kolumn 2 (area): inte giltig UTF-8" },
	};
	struct got g;
	struct imp_csv_info info;
	char msg[1024];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		T_EQ_INT(csv(cases[i].doc, (size_t)-1, &g, msg, &info), LUP_EINVAL);
		T_CONTAINS(msg, cases[i].msg);
	}
}

static void test_map(void)
{
	struct imp_kolada_map m;
	int created, *v;

	imp_kolada_map_init(&m, 3, sizeof(int));
	v = imp_kolada_map_get(&m, "a", 1, &created);
	T_CHECK(v && created);
	*v = 7;
	v = imp_kolada_map_get(&m, "abc", 1, &created);
	T_CHECK(v && !created && *v == 7);
	T_CHECK(imp_kolada_map_get(&m, "b", 1, &created) && created);
	T_CHECK(imp_kolada_map_get(&m, "c", 1, &created) && created);
	T_CHECK(imp_kolada_map_get(&m, "d", 1, &created) == NULL);
	T_CHECK(imp_kolada_map_get(&m, "b", 1, &created) && !created);
	T_EQ_INT(m.n, 3);
	T_EQ_STR(m.key[2], "c");
	imp_kolada_map_release(&m);
}

int main(void)
{
	T_RUN(test_kolada_data);
	T_RUN(test_kolada_split);
	T_RUN(test_kolada_meta);
	T_RUN(test_kolada_errors);
	T_RUN(test_csv_rows);
	T_RUN(test_csv_split);
	T_RUN(test_csv_cr);
	T_RUN(test_csv_errors);
	T_RUN(test_map);
	return t_done();
}
