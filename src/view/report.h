/* report.h: a follow-up report (T1, T2, VB) as one view, read from the store: the head, its
 * nämndmål with the indicators that bear on them judged against their targets for the period,
 * the suggested assessment with its rule in words, the stored assessment and analysis, and the
 * organisation's activities of the year with their status in the report. No HTTP: called by
 * the report pages (web/page-report*.c) and the document writers. */
#ifndef LUP_VIEW_REPORT_H
#define LUP_VIEW_REPORT_H

#include <stdint.h>

#include "model/assess.h"
#include "model/target.h"

struct arena;
struct err;
struct store;

/* One indicator of a goal in a report, judged for the report's period. */
struct view_report_indicator {
	int64_t id;
	const char *key, *name, *unit;
	int on_goal;			/* set on the goal itself (else on its parent KF goal) */
	const char *target, *kf_target;	/* årsmål, KF:s årsmål for the year, as written (or NULL) */
	const char *judged_by;		/* "årsmål", "KF:s årsmål" or NULL: the target compared */
	int has_value, example, has_prev;
	double value, prev;
	enum model_meets meets;
	const char *why;		/* why it cannot be judged (meets UNKNOWN), or NULL; Swedish */
};

/* One nämndmål of a report. */
struct view_report_goal {
	int64_t id;
	const char *key, *number, *name;
	struct view_report_indicator *inds;
	int ninds;
	enum model_assessment suggest;
	char why[200];			/* the rule in words (Swedish) */
	int assessed;			/* a stored assessment row exists */
	int carried;			/* copied from the year's previous report, not edited since */
	const char *assessment, *analysis;	/* stored ("none" and NULL when not assessed) */
};

/* One activity of a report's organisation for its year, with its status in the report. */
struct view_report_activity {
	int64_t id, goal_id;		/* goal_id 0: no goal */
	const char *key, *name, *start, *end;
	const char *own_status;		/* the activity's own status */
	const char *goal_key, *goal_level, *goal_number, *goal_name;
	const char *status;		/* in the report: the update's, else own_status */
	const char *comment;		/* the report's comment on it, or NULL */
	int reported;			/* the report has an update of it */
	int carried;			/* the update was copied from the previous report, not edited */
};

/* One step of a report's history (report_event). */
struct view_report_event {
	const char *at;			/* UTC, "2026-05-15T09:30:00Z" */
	const char *user;		/* the user's name, or NULL */
	const char *step;		/* created, submitted, returned, approved, decision, reopened */
	const char *comment, *meeting_date, *paragraph;	/* or NULL */
};

/* A follow-up report with what its page and documents show. */
struct view_report {
	int64_t id, org, org_pair;
	const char *org_key, *org_name, *kind, *status, *forecast, *comment;
	const char *submitted_by, *submitted_at, *decided_by, *decided_at;
	long year;
	const char *label;		/* "Tertialrapport 1 2022" */
	const char *area_name;		/* where the outcomes are read: the district or the city */
	struct view_report_goal *goals;
	int ngoals;
	struct view_report_activity *acts;	/* the organisation's activities of the year, grouped by goal */
	int nacts;
	int any_example;		/* an outcome shown is example data */
	const char *decision_date, *decision_paragraph;	/* the committee's decision, or NULL */
	struct view_report_event *events;	/* the history, oldest first (loaded with the goals) */
	int nevents;
	int readable;			/* the store's viewer may read the report: approved, or of an
					 * organisation it reads for (the rule of web/authz.h
					 * authz_report_readable, for the viewer authz_viewer sets) */
};

/*
 * view_report_load: reads into *rep report id with its nämndmål, each with its indicators judged
 * against their targets for the period (model_outcome_meets_target) and the suggested
 * assessment (model_assess_suggest), its stored assessment, and the activities; the head only
 * (no goals, no activities) when goals is VIEW_REPORT_HEAD (0), all but the activities when it
 * is VIEW_REPORT_GOALS (a save that writes no activity: their statement is most of the load). Goals, indicators and figures are those the
 * store's viewer may see (the publication rule). Whether that viewer may read the report itself
 * is rep->readable: the caller shows nothing of an unreadable report (the loader reads it all
 * the same, so that a page can tell 403 from 404). Memory comes from a. Returns LUP_OK with *found set (0:
 * no such report, *rep holds only the id), or the store's error in e.
 */
enum { VIEW_REPORT_HEAD = 0, VIEW_REPORT_ALL = 1, VIEW_REPORT_GOALS = 2 };	/* view_report_load's goals */
int view_report_load(struct store *st, struct arena *a, int64_t id, int goals, struct view_report *rep,
		     int *found, struct err *e);

/* view_report_load_body: completes *rep, read by view_report_load with VIEW_REPORT_HEAD and
 * found, as view_report_load with goals (VIEW_REPORT_ALL or VIEW_REPORT_GOALS) would have read it,
 * without reading its head again. Memory comes from a. Returns LUP_OK or the store's error in e. */
int view_report_load_body(struct store *st, struct arena *a, int goals, struct view_report *rep, struct err *e);

/* view_report_activities: report id's activities (view_report's acts: the organisation's of
 * the year and any the report has an update of, each with its status in the report; carried is
 * not set) into *acts (from a; never NULL) and *n, in the order the report shows them: grouped
 * by goal, the nämndmål first, then the goals above them (each by goal id), then the activities
 * without a goal; within a goal by key in byte order (SQL's BINARY). Returns LUP_OK or the
 * store's error in e (*n 0). */
int view_report_activities(struct store *st, struct arena *a, int64_t id, struct view_report_activity **acts, int *n,
			   struct err *e);

/* view_report_period_label: "Tertialrapport 1 2022", "Tertialrapport 2 2022" or
 * "Verksamhetsberättelse 2022" for kind T1, T2 or anything else, in a ("" on failure). */
const char *view_report_period_label(struct arena *a, long year, const char *kind);

#endif
