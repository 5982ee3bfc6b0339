/* stmt-view-report.h: the follow-up report view's own statements (src/view/report.c; SQL in
 * sql-sqlite-view-report.c; the rest of its reads are stmt-web-forms.h's and
 * stmt-web-follow.h's) and the documents' lookups (doc/docx-vp.c, doc/docx-report.c). Each entry X(VR_NAME) becomes STMT_VR_NAME in enum stmt. */
#ifndef LUP_STMT_VIEW_REPORT_H
#define LUP_STMT_VIEW_REPORT_H

#define STMT_LIST_VIEW_REPORT(X) X(VR_READABLE) X(VR_FIND) X(VR_VP_VERSION) X(VR_BUDGET)

#endif
