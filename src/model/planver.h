/* planver.h: the rules of a plan version's status: what may change and what is public.
 *
 * A plan (LUP, verksamhetsplan, contribution plan) has numbered versions. Status:
 *   draft       the one version being written (at most one per plan); editable; not public:
 *               only its owner's users (and the owner's committee/administration pair), the city
 *               office and administrators read it (authz_plan_draft_readable, web/authz.h);
 *   decided     adopted ("Antagen"): public, the version every page shows by default;
 *   superseded  adopted once and replaced by a later adopted version ("Ersatt"): public history;
 *   revision    reserved, unused; treated like superseded.
 *
 * Frozen: an adopted version's plan content (sections, themes, prioritised areas, partners,
 * goals with their expected results, indicators with their targets, measures, activities)
 * cannot change. A version is frozen when it is superseded, or decided with its decision
 * recorded in lup (`lup plan adopt`: the diarienummer is set). A version imported as 'decided'
 * without a recorded decision (the plans of the dataset, imported from the decided documents
 * before lup kept decisions) stays editable until its plan's first adoption in lup supersedes
 * it: lup did not witness that decision, and the running follow-up cycle edits those plans.
 * Follow-up data (outcomes, reports, assessments, activity statuses in reports) is not plan
 * content and is never frozen by this rule (approved reports freeze their own data).
 */
#ifndef LUP_MODEL_PLANVER_H
#define LUP_MODEL_PLANVER_H

#include <stddef.h>

#define PLANVER_PARAGRAPH_MAX 32	/* bytes of a decision's paragraph ("§ 12", "12") */
#define PLANVER_DNR_MAX 64		/* bytes of a diarienummer ("SDN 2023/123-1.1") */

/* planver_public: 1 when a version in status is public (decided, superseded, revision), 0 for
 * a draft or an unknown status (NULL included). */
int planver_public(const char *status);

/* planver_frozen: 1 when the content of a version in status (with decision_recorded non-zero
 * when its diarienummer is set) may not change, else 0. The rule at the top of this file. */
int planver_frozen(const char *status, int decision_recorded);

/* planver_status_sv: the Swedish label of a status ("Utkast", "Antagen", "Ersatt"); "" for an
 * unknown one. */
const char *planver_status_sv(const char *status);

/* planver_date_ok: 1 when s is a valid calendar date "YYYY-MM-DD" (years MODEL_YEAR_MIN..MAX)
 * not after today (today as YYYYMMDD), else 0. An adoption is recorded after the meeting. */
int planver_date_ok(const char *s, int today);

/* planver_text_ok: 1 when s is a decision's text field: non-empty, at most max bytes, valid
 * UTF-8 without control characters and without a leading or trailing space; else 0. */
int planver_text_ok(const char *s, size_t max);

#endif
