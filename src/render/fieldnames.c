/* fieldnames.c: the Swedish names of stored fields and of their coded values (fieldnames.h). */
#include "render/fieldnames.h"

#include <stddef.h>
#include <string.h>

/* The fields' Swedish names, by key. */
static const char *const names[][2] = {
	{ "id", "Id" }, { "key", "Nyckel" }, { "name", "Namn" }, { "title", "Rubrik" },
	{ "description", "Beskrivning" }, { "body", "Text" }, { "text", "Text" }, { "note", "Anteckning" },
	{ "comment", "Kommentar" }, { "status", "Status" }, { "forecast", "Prognos" },
	{ "assessments", "Bedömningar" }, { "assessment", "Bedömning" }, { "analysis", "Analys" },
	{ "targets", "Målvärden" }, { "outcomes", "Utfall" }, { "start", "Start" }, { "end", "Slut" },
	{ "submitted_at", "Inskickad" }, { "submitted_by", "Inskickad av" }, { "decided_at", "Beslutad" },
	{ "decided_by", "Beslutad av" }, { "decided_on", "Beslutsdatum" }, { "approved_at", "Godkänd" },
	{ "approved_by", "Godkänd av" }, { "returned_comment", "Kommentar vid retur" },
	{ "created_at", "Skapad" }, { "updated_at", "Ändrad" }, { "role", "Roll" }, { "role_sv", "Roll" },
	{ "number", "Nummer" }, { "horizon_year", "Målår" }, { "benchmark", "Jämförelse" },
	{ "unit", "Enhet" }, { "direction", "Riktning" }, { "periodicity", "Periodicitet" },
	{ "source_kind", "Datakälla" }, { "kolada_kpi", "Kolada-nyckeltal" }, { "by_sex", "Per kön" },
	{ "by_area", "Per område" }, { "districts", "Stadsdelsområden" }, { "district", "Stadsdelsområde" },
	{ "partners", "Samverkansparter" }, { "partner", "Samverkanspart" }, { "value", "Värde" },
	{ "period", "Period" }, { "area", "Område" }, { "areas", "Områden" }, { "area_scope", "Geografisk avgränsning" },
	{ "sex", "Kön" }, { "year", "År" }, { "year_from", "Från år" }, { "year_to", "Till år" },
	{ "kind", "Slag" }, { "mode", "Typ av målvärde" }, { "goal", "Mål" }, { "goal_name", "Målets namn" },
	{ "parent", "Överordnat mål" }, { "parent_name", "Överordnat måls namn" }, { "missing", "Saknas" },
	{ "derived", "Beräknat" }, { "source", "Källa" }, { "example", "Exempeldata" }, { "owner", "Ansvarig organisation" },
	{ "owner_name", "Ansvarig organisation" }, { "org", "Organisation" }, { "org_name", "Organisation" },
	{ "organisation", "Organisation" }, { "level", "Nivå" }, { "results", "Förväntade resultat" },
	{ "expected_results", "Förväntade resultat" }, { "indicators", "Indikatorer" }, { "indicator", "Indikator" },
	{ "activities", "Aktiviteter" }, { "activity", "Aktivitet" }, { "children", "Delmål" },
	{ "aliases", "Tidigare namn" }, { "alias", "Tidigare namn" }, { "valid_to", "Gäller till" },
	{ "target_groups", "Målgrupper" }, { "theme", "Tema" }, { "themes", "Teman" }, { "measure", "Åtgärd" },
	{ "measures", "Åtgärder" }, { "group", "Grupp" }, { "grp", "Grupp" }, { "label", "Benämning" },
	{ "extra", "Extra tema" }, { "baseline", "Utgångsvärde" }, { "baseline_year", "Utgångsår" },
	{ "target", "Målvärde" }, { "plan", "Plan" }, { "version", "Version" }, { "decision", "Beslut" },
	{ "date", "Datum" }, { "paragraph", "Paragraf" }, { "dnr", "Diarienummer" }, { "ord", "Ordning" },
	{ "position", "Ordning" }, { "prioritised", "Prioriterat" }, { "password", "Lösenord" },
	{ "user", "Användare" }, { "disabled", "Avstängd" }, { "page", "Sida" }, { "line", "Rad" },
	{ "rows_omitted", "Rader som loggen inte sparade" }, { "stance", "Ställningstagande" },
	{ "stance_phrase", "Formulering" }, { "no_response", "Inget svar" }, { "amount_kr", "Belopp" },
	{ "staff", "Personal" }, { "purpose", "Syfte" }, { "amount", "Mängd" }, { "weight", "Vikt" },
};

/* The coded values' Swedish words: field, code, word. A field "" matches any field. */
static const char *const values[][3] = {
	{ "direction", "higher", "högre värde är bättre" }, { "direction", "lower", "lägre värde är bättre" },
	{ "direction", "none", "värdet ska nås" },
	{ "source_kind", "own", "egen mätning" }, { "source_kind", "kolada", "Kolada" },
	{ "source_kind", "survey", "enkät" },
	{ "periodicity", "tertial", "tertial" }, { "periodicity", "year", "år" },
	{ "periodicity", "month", "månad" }, { "periodicity", "quarter", "kvartal" },
	{ "kind", "own", "årsmål" }, { "kind", "kf", "KF:s årsmål" }, { "kind", "lup", "lokalt utvecklingsprogram" },
	{ "kind", "vp", "verksamhetsplan" }, { "kind", "contribution", "bidrag" },
	{ "kind", "money", "pengar" }, { "kind", "staff", "personal" }, { "kind", "places", "platser" },
	{ "kind", "hours", "timmar" },
	{ "kind", "T1", "tertialrapport 1" }, { "kind", "T2", "tertialrapport 2" }, { "kind", "FY", "verksamhetsberättelse" },
	{ "period", "T1", "tertialrapport 1" }, { "period", "T2", "tertialrapport 2" },
	{ "period", "FY", "verksamhetsberättelse" },
	{ "mode", "number", "tal" }, { "mode", "text", "text" }, { "mode", "direction", "riktning" },
	{ "mode", "by_committee", "per nämnd" },
	{ "benchmark", "city_average", "stadens snitt" }, { "benchmark", "district_average", "stadsdelarnas snitt" },
	{ "benchmark", "absolute", "fast värde" }, { "benchmark", "direction", "riktning" },
	{ "benchmark", "parity", "jämställdhet" },
	{ "sex", "T", "totalt" }, { "sex", "K", "kvinnor" }, { "sex", "M", "män" },
	{ "level", "inriktningsmal", "inriktningsmål" }, { "level", "verksamhetsomradesmal", "verksamhetsområdesmål" },
	{ "level", "namndmal", "nämndmål" }, { "level", "lup", "LUP-mål" },
	{ "assessment", "fulfilled", "Uppfyllt" }, { "assessment", "partly", "Delvis uppfyllt" },
	{ "assessment", "not", "Ej uppfyllt" }, { "assessment", "none", "Ej bedömt" },
	{ "forecast", "fulfilled", "Uppfyllt" }, { "forecast", "partly", "Delvis uppfyllt" },
	{ "forecast", "not", "Ej uppfyllt" }, { "forecast", "none", "Ej bedömt" },
	{ "status", "planned", "planerad" }, { "status", "ongoing", "pågår" }, { "status", "done", "klar" },
	{ "status", "waiting", "väntar" }, { "status", "cancelled", "avbruten" },
	{ "status", "draft", "utkast" }, { "status", "submitted", "inskickad" }, { "status", "approved", "godkänd" },
	{ "status", "returned", "returnerad" }, { "status", "decided", "antagen" },
	{ "status", "revision", "under revidering" }, { "status", "superseded", "ersatt" },
	{ "status", "idea", "idé" }, { "status", "prestudy", "förstudie" }, { "status", "project", "projekt" },
	{ "status", "permanent", "permanent" }, { "status", "ended", "avslutad" },
	{ "area_scope", "none", "inga områden" }, { "area_scope", "some", "vissa områden" },
	{ "area_scope", "all", "hela stadsdelsområdet" },
	{ "role", "lead", "ansvarig" }, { "role", "partner", "samverkanspart" }, { "role", "support", "stöd" },
	{ "role", "funder", "finansiär" }, { "role", "process_lead", "processledare" }, { "role", "hub", "nav" },
	{ "role", "assist", "bistår" }, { "role", "participate", "deltar" }, { "role", "training", "utbildning" },
	{ "role", "knowledge", "kunskapsstöd" }, { "role", "consultative", "rådgivande" },
	{ "role", "follow_up", "uppföljning" }, { "role", "reference_group", "referensgrupp" },
	{ "role", "joint_planning", "gemensam planering" }, { "role", "investigate", "utreder" },
	{ "role", "collaboration", "samverkan" }, { "role", "owner", "ägare" },
	{ "role", "admin", "administratör" }, { "role", "city", "stadsledningskontoret" },
	{ "role", "editor", "redaktör" }, { "role", "reader", "läsare" },
	{ "group", "specialist", "facknämnd" }, { "group", "district", "stadsdelsnämnd" },
	{ "group", "company", "bolag" }, { "group", "state", "staten" }, { "group", "region", "regionen" },
	{ "group", "civil_society", "civilsamhället" }, { "group", "business", "näringslivet" },
	{ "group", "residents", "invånare" }, { "group", "other", "övriga" },
	{ "grp", "specialist", "facknämnd" }, { "grp", "district", "stadsdelsnämnd" },
	{ "grp", "company", "bolag" }, { "grp", "state", "staten" }, { "grp", "region", "regionen" },
	{ "grp", "civil_society", "civilsamhället" }, { "grp", "business", "näringslivet" },
	{ "grp", "residents", "invånare" }, { "grp", "other", "övriga" },
	{ "password", "changed", "ändrat" },
	{ "stance", "agree", "instämmer" }, { "stance", "positive", "positiv" }, { "stance", "hesitant", "tveksam" },
	{ "stance", "disagree", "avvisar" }, { "stance", "none", "ingen ställning" },
};

static const char *const flags[] = {
	"by_sex", "by_area", "missing", "derived", "example", "extra", "prioritised", "disabled", "revoked",
	"no_response", "city_owned", "housing", NULL,
};

const char *fieldname_sv(const char *key)
{
	if (!key)
		return "";
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i][0], key) == 0)
			return names[i][1];
	return "Uppgift";
}

const char *fieldvalue_sv(const char *key, const char *v)
{
	if (!key || !v)
		return v;
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		if (strcmp(values[i][0], key) == 0 && strcmp(values[i][1], v) == 0)
			return values[i][2];
	return v;
}

int fieldname_is_flag(const char *key)
{
	for (int i = 0; key && flags[i]; i++)
		if (strcmp(flags[i], key) == 0)
			return 1;
	return 0;
}

const char *fieldname_action_sv(const char *action)
{
	static const char *const t[][2] = { { "insert", "Skapad" }, { "update", "Ändrad" }, { "delete", "Borttagen" },
					    { "load", "Inläst" }, { "migrate", "Uppgraderad" } };
	if (!action)
		return "";
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(t[i][0], action) == 0)
			return t[i][1];
	return "Ändrad";
}

const char *fieldname_entity_sv(const char *entity)
{
	static const char *const t[][2] = {
		{ "goal", "Mål" }, { "indicator", "Indikator" }, { "activity", "Aktivitet" }, { "report", "Rapport" },
		{ "plan", "Plan" }, { "plan_version", "Planversion" }, { "theme", "Tema" }, { "measure", "Åtgärd" },
		{ "partner", "Samverkanspart" }, { "contribution", "Bidrag" }, { "user", "Användare" },
		{ "dataset", "Datamängd" }, { "import", "Import" }, { "section", "Avsnitt" },
		{ "allocation", "Resurs" }, { "need_indicators", "Behovsindikatorer" },
	};
	for (size_t i = 0; entity && i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(t[i][0], entity) == 0)
			return t[i][1];
	return "Uppgift";
}
