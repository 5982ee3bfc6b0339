/* stmt-indicator.h: statements of an indicator's flags (by_sex, by_area, kolada_kpi), its
 * targets per sex, the Kolada revisions of outcomes cited by reports (table outcome_revision),
 * and the series behind the district page's trajectories and the target-setting aid
 * (model/trajectory.h). SQL in sql-sqlite-indicator.c, parameters documented there. Each
 * X(IND_NAME) becomes STMT_IND_NAME in enum stmt. */
#ifndef LUP_STMT_INDICATOR_H
#define LUP_STMT_INDICATOR_H

#define STMT_LIST_INDICATOR(X) \
	X(IND_FLAGS) X(IND_BY_SEX) X(IND_SEXED) X(IND_FLAGS_SET) X(IND_TARGET_SEX_UPSERT) X(IND_TARGET_SEX_DELETE) \
	X(IND_TARGETS_YEAR) X(IND_OUTCOME_CITED) X(IND_OUTCOME_CITED_SET) X(IND_REVISION_FLAG) X(IND_REPORT_REVISIONS) \
	X(IND_SERIES) X(IND_DISTRICT_LUP_GOALS) X(IND_AID_AREA) X(IND_AID_GOAL) X(IND_AID_HEAD)

#endif
