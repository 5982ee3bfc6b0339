/* test-report.c: the report write path's rule that an analysis or an "Ej bedömt" reason says
 * something (edit/report.h report_text_says_something: at least REPORT_TEXT_MIN letters or
 * digits, every character beyond ASCII counting as a letter). */
#include "testlib.h"
#include "edit/report.h"

static void test_says_nothing(void)
{
	T_EQ_INT(report_text_says_something(NULL), 0);
	T_EQ_INT(report_text_says_something(""), 0);
	T_EQ_INT(report_text_says_something("."), 0);
	T_EQ_INT(report_text_says_something("   \t\n  "), 0);
	T_EQ_INT(report_text_says_something("... !? -- ,,, ;;; ::: ()"), 0);
	T_EQ_INT(report_text_says_something("Kort text"), 0);		/* 8 letters */
	T_EQ_INT(report_text_says_something("abc def gh i"), 0);	/* 9 */
}

static void test_says_something(void)
{
	T_EQ_INT(report_text_says_something("abcdefghij"), 1);		/* exactly 10 */
	T_EQ_INT(report_text_says_something("Åtta nio tio"), 1);	/* å counts */
	T_EQ_INT(report_text_says_something("2022: 15 av"), 0);	/* 6 digits, 2 letters */
	T_EQ_INT(report_text_says_something("2022-05-15 §12"), 1);	/* 10 digits */
	T_EQ_INT(report_text_says_something("Underlag saknas för perioden."), 1);
}

int main(void)
{
	T_RUN(test_says_nothing);
	T_RUN(test_says_something);
	return t_done();
}
