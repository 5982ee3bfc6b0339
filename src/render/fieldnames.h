/* fieldnames.h: the Swedish names people read for the stored fields of goals, indicators,
 * activities, reports and plans (the keys of audit entries and plan diffs: "source_kind" ->
 * "Datakälla") and for their coded values ("own" -> "egen mätning"). One table shared by the
 * history pages and the plan diff page, so that a key is named the same everywhere. */
#ifndef LUP_RENDER_FIELDNAMES_H
#define LUP_RENDER_FIELDNAMES_H

/*
 * fieldname_sv: the Swedish name of field key ("description" -> "Beskrivning"). A key the table
 * lacks gets a generic Swedish name ("Uppgift"), never the key itself; NULL gives "". Static.
 */
const char *fieldname_sv(const char *key);

/*
 * fieldvalue_sv: the Swedish word for value v of field key when v is one of the field's codes
 * ("direction", "higher" -> "högre värde är bättre"; "source_kind", "own" -> "egen mätning";
 * "status", "planned" -> "planerad"); otherwise v itself (free text, numbers). Static or v.
 */
const char *fieldvalue_sv(const char *key, const char *v);

/*
 * fieldname_is_flag: 1 when field key is a yes/no flag stored as 0 or 1 ("by_sex", "example"),
 * so that 0 and 1 read "nej" and "ja"; else 0.
 */
int fieldname_is_flag(const char *key);

/*
 * fieldname_action_sv: the Swedish word for an audit action ("insert" -> "Skapad",
 * "update" -> "Ändrad", "delete" -> "Borttagen", "load" -> "Inläst", "migrate" ->
 * "Uppgraderad"); another action "Ändrad"; NULL gives "".
 */
const char *fieldname_action_sv(const char *action);

/*
 * fieldname_entity_sv: the Swedish word for an audit entity ("goal" -> "Mål", "indicator" ->
 * "Indikator", "plan_version" -> "Planversion"); another entity "Uppgift".
 */
const char *fieldname_entity_sv(const char *entity);

#endif
