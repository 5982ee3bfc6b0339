/* docx-vp.h: the verksamhetsplan document (an organisation's plan for a year) as DOCX, and the
 * follow-up report documents (T1, T2, VB) as DOCX. */
#ifndef LUP_DOCX_VP_H
#define LUP_DOCX_VP_H

#include <stddef.h>
#include <stdint.h>

struct err;
struct store;

/*
 * docx_vp: the verksamhetsplan of organisation org for year on the DOCX template at tpl: title
 * page (the organisation, "Verksamhetsplan YEAR", the plan version's status and decision, or
 * "Utkast"), table of contents, the goal chain (view/chain.h: KF:s inriktningsmål as Heading 1,
 * KF:s mål för verksamhetsområdet as Heading 2, nämndmål as Heading 3, each "NUMBER NAME", with
 * Beskrivning, Förväntat resultat, an indicator table and an activity table) and the plan
 * version's budget tables (budget_line). pv: the plan version shown (0: the organisation's vp
 * holding the year, the newest adopted version, else the newest; none: "Utkast", no budget).
 * Reads with the store's viewer. On LUP_OK *data (free with free) holds *len bytes, the same for
 * the same input. Errors: LUP_ENOTFOUND (no such organisation), LUP_EIO (template, zip), LUP_EDB.
 */
int docx_vp(struct store *st, int64_t org, long year, int64_t pv, const char *tpl, char **data, size_t *len,
	    struct err *e);

/*
 * docx_report: the follow-up report id (view/report.h) on the template at tpl: its label
 * ("Tertialrapport 1 2022"), the organisation, the status (Utkast, Inskickad DATE, Godkänd DATE,
 * Returnerad), per nämndmål the assessment, the rule that suggested it, the analysis (Markdown)
 * and the outcomes against their targets, then the activities with their status; example data
 * marked "Exempeldata". Errors: LUP_ENOTFOUND (no such report, or one the store's viewer may not
 * read: rep.readable), LUP_EIO, LUP_EDB.
 */
int docx_report(struct store *st, int64_t id, const char *tpl, char **data, size_t *len, struct err *e);

#endif
