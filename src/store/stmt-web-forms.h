/* stmt-web-forms.h: statements of the 'forms' web pages (SQL in sql-sqlite-web-forms.c). Add entries as
 * X(WEB_FORMS_NAME); they become STMT_WEB_FORMS_NAME in enum stmt. */
#ifndef LUP_STMT_WEB_FORMS_H
#define LUP_STMT_WEB_FORMS_H

#define STMT_LIST_WEB_FORMS(X)

#endif
