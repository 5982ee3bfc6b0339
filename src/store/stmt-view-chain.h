/* stmt-view-chain.h: statements of an organisation's goal chain for a year (src/view/chain.c;
 * SQL in sql-sqlite-view-chain.c). Each entry X(VC_NAME) becomes STMT_VC_NAME in enum stmt.
 * VC_GOALS, VC_ACTIVITIES take (org_id, year), VC_OUTCOME_KEYS (org_id, year, area_id);
 * the others the chain's goal ids as VC_GOALS returned them (decimal,
 * joined by commas, each once): VC_RESULTS (goal_ids, lo, hi), VC_INDICATORS and VC_ASSESSMENTS
 * (year, goal_ids, lo, hi: they give their rows' owners, the loader tells the organisation's own
 * from VC_OUTCOME_KEYS; lo and hi the least and greatest of the ids, or NULL: given, the three
 * may also give rows of goals between them that are not the chain's, which the loader drops), VC_OUTCOMES_AREA (area_id, year, goal_ids), the rest (org_id, year,
 * goal_ids). All read as the connection's viewer. The
 * VC_OUTCOMES* may also give outcomes of periods between the least and the greatest of those
 * they name (the loader keeps those it asked for) and outcomes of indicators that are not the
 * chain's public ones (SQLite's ranges by period and area: the loader keeps those of the
 * indicators VC_INDICATORS gave), and give no missing column (it is value IS NULL, outcome's
 * CHECK). VC_OUTCOMES_YEAR gives a row per indicator and area instead (indicator, area,
 * seen, e: e the year's periods' entries "period sexes shut vt vk vm" joined by ';', values as
 * exact decimal or hexadecimal texts, empty when NULL; seen NULL where no entry has a shut sex,
 * else "*" (all) or " id ... " the periods whose shut sexes are shown, "" none:
 * view/chain.c outcome_year_row).
 * VC_ACTIVITIES gives a row per district link of an activity (the activity's columns
 * repeated; the area's id, NULL where it has none), an activity's rows together. */
#ifndef LUP_STMT_VIEW_CHAIN_H
#define LUP_STMT_VIEW_CHAIN_H

#define STMT_LIST_VIEW_CHAIN(X) \
	X(VC_GOALS) X(VC_RESULTS) X(VC_INDICATORS) X(VC_OUTCOMES) X(VC_OUTCOMES_YEAR) X(VC_OUTCOMES_AREA) \
	X(VC_OUTCOME_KEYS) X(VC_ASSESSMENTS) X(VC_ACTIVITIES)

#endif
