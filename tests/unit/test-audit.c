/* test-audit.c: what an audit entry keeps (store/audit.h): own fields only, only what changed,
 * lists as rows removed and added, bounded lists and raw texts, numbers written as lup does. */
#include "testlib.h"

#include "core/buf.h"
#include "core/err.h"
#include "store/audit.h"

#include <stdlib.h>
#include <string.h>

/* rows: n list rows {"id":i,"name":"row i"} after prefix, then suffix, into b (reset first) */
static const char *rows(struct buf *b, const char *prefix, int n, const char *suffix)
{
	buf_reset(b);
	buf_adds(b, prefix);
	for (int i = 0; i < n; i++)
		buf_addf(b, "%s{\"id\":%d,\"name\":\"row %d\"}", i ? "," : "", i, i);
	buf_adds(b, suffix);
	return b->ptr;
}

static void entry(const char *entity, const char *before, const char *after, char **b, char **a)
{
	struct err e = { 0 };

	T_EQ_INT(audit_entry(entity, before, after, b, a, &e), LUP_OK);
}

static void test_update_keeps_the_changed_fields(void)
{
	struct buf x, y;
	char *b, *a;

	buf_init(&x, 0);
	buf_init(&y, 0);
	rows(&x, "{\"id\":7,\"key\":\"g-7\",\"name\":\"Old\",\"description\":\"Same\",\"activities\":[", 1000,
	     "],\"indicators\":[],\"expected_results\":[{\"ord\":1,\"text\":\"R\"}]}");
	rows(&y, "{\"id\":7,\"key\":\"g-7\",\"name\":\"New\",\"description\":\"Same\",\"activities\":[", 1001,
	     "],\"indicators\":[],\"expected_results\":[{\"ord\":1,\"text\":\"R\"}]}");
	entry("goal", x.ptr, y.ptr, &b, &a);
	T_EQ_STR(b, "{\"id\":7,\"key\":\"g-7\",\"name\":\"Old\"}");
	T_EQ_STR(a, "{\"id\":7,\"key\":\"g-7\",\"name\":\"New\"}");
	free(b);
	free(a);
	buf_release(&x);
	buf_release(&y);
}

static void test_insert_and_delete_keep_own_fields_only(void)
{
	char *b, *a;

	entry("goal", NULL, "{\"id\":1,\"name\":\"G\",\"children\":[{\"id\":2}],\"indicators\":[{\"id\":3}],"
	      "\"activities\":[{\"id\":4}],\"expected_results\":[{\"ord\":1,\"text\":\"R\"}]}", &b, &a);
	T_CHECK(b == NULL);
	T_EQ_STR(a, "{\"id\":1,\"name\":\"G\",\"expected_results\":[{\"ord\":1,\"text\":\"R\"}]}");
	free(a);
	entry("activity", "{\"id\":4,\"name\":\"A\",\"districts\":[{\"id\":9,\"key\":\"kista\"}],\"partners\":[]}", NULL,
	      &b, &a);
	T_EQ_STR(b, "{\"id\":4,\"name\":\"A\",\"districts\":[{\"id\":9,\"key\":\"kista\"}],\"partners\":[]}");
	T_CHECK(a == NULL);
	free(b);
}

static void test_a_changed_list_keeps_the_rows_removed_and_added(void)
{
	char *b, *a;

	entry("indicator",
	      "{\"id\":3,\"name\":\"I\",\"outcomes\":[{\"period\":\"2021-FY\",\"value\":1},{\"period\":\"2022-FY\",\"value\":2},"
	      "{\"period\":\"2022-T1\",\"value\":0.1}],\"targets\":[{\"year\":2022,\"text\":\"5\"}]}",
	      "{\"id\":3,\"name\":\"I\",\"outcomes\":[{\"period\":\"2021-FY\",\"value\":1},{\"period\":\"2022-FY\",\"value\":2.5},"
	      "{\"period\":\"2022-T1\",\"value\":0.1},{\"period\":\"2022-T2\",\"value\":3}],\"targets\":[{\"year\":2022,\"text\":\"5\"}]}",
	      &b, &a);
	T_EQ_STR(b, "{\"id\":3,\"outcomes\":[{\"period\":\"2022-FY\",\"value\":2}]}");
	T_EQ_STR(a, "{\"id\":3,\"outcomes\":[{\"period\":\"2022-FY\",\"value\":2.5},{\"period\":\"2022-T2\",\"value\":3}]}");
	free(b);
	free(a);
	entry("report", "{\"id\":5,\"activities\":[{\"activity\":\"a-1\",\"status\":\"ongoing\"}]}",
	      "{\"id\":5,\"activities\":[]}", &b, &a);
	T_EQ_STR(b, "{\"id\":5,\"activities\":[{\"activity\":\"a-1\",\"status\":\"ongoing\"}]}");
	T_EQ_STR(a, "{\"id\":5,\"activities\":[]}");
	free(b);
	free(a);
}

/* the linked things are cut from the text before it is read: strings with quotes, brackets
 * and escapes, nesting, spacing and a key of a linked thing inside an own row stay as they are */
static void test_linked_things_are_cut_from_any_text(void)
{
	char *b, *a;

	entry("goal", "{ \"id\" : 1 , \"activities\" : [ {\"name\":\"a \\\"}]\\\\\"}, {\"x\":[[]]} ] ,"
	      " \"name\":\"N \\\" ] } [ {\", \"expected_results\":[{\"activities\":[1]}], \"children\":[],"
	      " \"number\":-1.5e3, \"indicators\":{\"k\":\"}\"}, \"horizon_year\":null }", NULL, &b, &a);
	T_EQ_STR(b, "{\"id\":1,\"name\":\"N \\\" ] } [ {\",\"expected_results\":[{\"activities\":[1]}],"
		 "\"number\":-1500,\"horizon_year\":null}");
	free(b);
	entry("goal", NULL, "{\"id\":1,\"name\":\"\\u00e5\\n\\\\\"}", &b, &a);
	T_EQ_STR(a, "{\"id\":1,\"name\":\"å\\u000a\\\\\"}");
	free(a);
}

static void test_lists_are_bounded(void)
{
	struct buf x;
	char *b, *a, want[64];

	buf_init(&x, 0);
	entry("report", NULL, rows(&x, "{\"id\":5,\"activities\":[", AUDIT_ROWS_MAX + 150, "]}"), &b, &a);
	T_CHECK(strlen(a) < (size_t)AUDIT_ROWS_MAX * 40);
	snprintf(want, sizeof(want), "{\"id\":%d,\"name\":\"row %d\"}],\"rows_omitted\":150}", AUDIT_ROWS_MAX - 1,
		 AUDIT_ROWS_MAX - 1);
	T_CHECK(strstr(a, want) != NULL);
	free(a);
	buf_release(&x);
}

static void test_raw_texts_are_kept_and_bounded(void)
{
	struct err e = { 0 };
	char *b, *a, *big = malloc(AUDIT_RAW_MAX + 100);

	entry("user", NULL, "alice", &b, &a);
	T_EQ_STR(a, "alice");
	free(a);
	memset(big, 'x', AUDIT_RAW_MAX + 99);
	big[AUDIT_RAW_MAX - 1] = '\xc3';	/* a two-byte character across the bound */
	big[AUDIT_RAW_MAX] = '\xa5';
	big[AUDIT_RAW_MAX + 99] = '\0';
	entry("user", NULL, big, &b, &a);
	T_EQ_INT(strlen(a), AUDIT_RAW_MAX - 1);
	free(a);
	free(big);
	T_EQ_INT(audit_entry("goal", "{\"id\":", NULL, &b, &a, &e), LUP_EINVAL);
	T_CHECK(b == NULL && a == NULL);
}

int main(void)
{
	T_RUN(test_update_keeps_the_changed_fields);
	T_RUN(test_insert_and_delete_keep_own_fields_only);
	T_RUN(test_a_changed_list_keeps_the_rows_removed_and_added);
	T_RUN(test_linked_things_are_cut_from_any_text);
	T_RUN(test_lists_are_bounded);
	T_RUN(test_raw_texts_are_kept_and_bounded);
	return t_done();
}
