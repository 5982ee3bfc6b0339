/* openapi-schemas.c: the schemas of the API's request and answer bodies (openapi.h notation),
 * named by the route table (body_schema, reply_schema) and by the entity kinds (Goal,
 * GoalList, ...). tests/t/t3510-api-contract.sh checks real answers and requests against
 * them: change a body, change its schema here. */
#include "web/openapi.h"

#define LIST(item) "items:[" item "] total:int limit:int offset:int"

const struct oa_schema oa_schemas[] = {
	/* errors */
	{ "Error", "!error:ErrorBody" },
	{ "ErrorBody", "status:int code:str message:str ~fields:[FieldError]" },
	{ "FieldError", "field:str message:str" },

	/* meta and accounts */
	{ "ApiIndex", "name:str api:str openapi:str health:str" },
	{ "Health", "status:str schema_version:int backend:str(sqlite|postgresql)" },
	{ "OpenApiDocument", "openapi:str info:obj paths:obj components:obj" },
	{ "Login", "!name:str password:str" },
	{ "Session", "user:str role:str csrf_token:str expires_at:str" },
	{ "LoggedOut", "logged_out:bool" },
	{ "Me", "id:int name:str role:str(reader|editor|city|admin) org_id:int? via:str(cookie|token)" },
	{ "UserNew", "!name:str ~org:str role:str(admin|city|editor|reader) password:str" },
	{ "UserCreated", "id:int name:str role:str" },
	{ "User", "id:int name:str org:str? role:str disabled:bool created_at:str" },
	{ "UserList", "items:[User] total:int" },
	{ "UserState", "id:int disabled:bool changed:bool sessions_ended:int" },
	{ "PasswordChange", "!current_password:str new_password:str" },
	{ "PasswordChanged", "password_changed:bool sessions_ended:int" },
	{ "Token", "id:int user:str label:str? created_at:str expires_at:str? revoked:bool" },
	{ "TokenList", "items:[Token] total:int" },
	{ "TokenRevoked", "id:int user:str revoked:bool changed:bool" },
	{ "AuditEntry", "id:int at:str actor:str action:str entity:str entity_id:int? "
	  "before:any after:any" },
	{ "AuditList", "items:[AuditEntry] total:int" },

	/* the entity kinds: GET /api/v1/{kind} (XList) and /api/v1/{kind}/{id} (X) */
	{ "Named", "id:int key:str name:str" },
	{ "Alias", "alias:str source:str?" },
	{ "OrganisationItem", "id:int key:str name:str kind:str pair:str? city_owned:bool housing:bool" },
	{ "OrganisationList", LIST("OrganisationItem") },
	{ "Organisation", "id:int key:str name:str kind:str parent:str? pair:str? city_owned:bool housing:bool "
	  "source:str? aliases:[Alias] plans:[obj] units_and_pairs:[obj]" },
	{ "DistrictItem", "id:int key:str name:str code:str? prioritised:bool committee:str? themes:[str] "
	  "prioritised_areas:[str]" },
	{ "DistrictList", LIST("DistrictItem") },
	{ "District", "id:int key:str name:str code:str? prioritised:bool committee:str? committee_name:str? "
	  "municipality:str? areas:[obj] prioritised_areas:[obj] themes:[obj] measures:[obj] partners:[obj] "
	  "activities:[obj]" },
	{ "ThemeItem", "id:int name:str district:str? ord:int extra:bool measures:int" },
	{ "ThemeList", LIST("ThemeItem") },
	{ "Theme", "id:int name:str ord:int description:str? extra:bool plan:str district:str? source:str? "
	  "aliases:[Alias] measures:[Named]" },
	{ "GoalItem", "id:int key:str number:str? name:str level:str owner:str year:int? parent:str?" },
	{ "GoalList", LIST("GoalItem") },
	{ "Goal", "id:int key:str level:str number:str? name:str description:str? year:int? owner:str "
	  "parent:str? parent_name:str? plan:str? theme:any area:str? sex:str? horizon_year:int? "
	  "benchmark:str? source:str? children:[obj] expected_results:[any] indicators:[obj] "
	  "activities:[obj] provenance:[obj]" },
	{ "IndicatorItem", "id:int key:str name:str unit:str? direction:str periodicity:str goal:str? owner:str" },
	{ "IndicatorList", LIST("IndicatorItem") },
	{ "IndicatorTarget", "year:int kind:str sex:str(T|K|M) mode:str value:num? unit:str? text:str?" },
	{ "IndicatorOutcome", "period:str area:str sex:str(T|K|M) value:num? missing:bool source:str? example:bool" },
	{ "Indicator", "id:int key:str name:str unit:str? direction:str periodicity:str source_kind:str? "
	  "kolada_kpi:str? by_sex:bool by_area:bool goal:str? goal_name:str? owner:str source:str? "
	  "targets:[IndicatorTarget] outcomes:[IndicatorOutcome] provenance:[obj]" },
	{ "ActivityItem", "id:int key:str name:str owner:str role:str? status:str? start:str? end:str?" },
	{ "ActivityList", LIST("ActivityItem") },
	{ "Activity", "id:int key:str name:str description:str? owner:str role:str? status:str? start:str? "
	  "start_prec:str? end:str? end_prec:str? plan:str? goal:str? theme:str? measure:str? source:str? "
	  "districts:[Named] partners:[obj] provenance:[obj]" },
	{ "MeasureItem", "id:int key:str name:str district:str? status:str? start:str?" },
	{ "MeasureList", LIST("MeasureItem") },
	{ "Measure", "id:int key:str name:str description:str? status:str? start:str? plan:str district:str? "
	  "source:str? themes:[obj] partners:[obj] areas:[obj] provenance:[obj]" },
	{ "PlanItem", "id:int key:str name:str kind:str owner:str district:str? year_from:int? year_to:int? "
	  "version:int? status:str?" },
	{ "PlanList", LIST("PlanItem") },
	{ "Plan", "id:int key:str name:str kind:str owner:str district:str? year_from:int? year_to:int? "
	  "version:int? status:str? decided_by:str? decided_on:str? area_scope:str? source:str? versions:[obj] "
	  "sections:[obj] themes:[obj] goals:[obj]" },
	{ "ReportItem", "id:int name:str org:str year:int period:str(T1|T2|FY) status:str(draft|submitted|returned|approved)" },
	{ "ReportList", LIST("ReportItem") },
	{ "Report", "id:int org:str year:int period:str(T1|T2|FY) status:str(draft|submitted|returned|approved) "
	  "forecast:str? comment:str? submitted_at:str? decided_at:str? decision_date:str? decision_paragraph:str? "
	  "assessments:[obj] activities:[ReportActivity] revisions:[obj] events:[ReportEvent]" },
	{ "ReportActivity", "activity:str name:str status:str? comment:str? carried:int" },
	{ "ReportEvent", "at:str user:str? step:str comment:str? meeting_date:str? paragraph:str?" },
	{ "AreaItem", "id:int key:str name:str level:str parent:str? code:str?" },
	{ "AreaList", LIST("AreaItem") },
	{ "Area", "id:int key:str name:str level:str parent:str? code:str? committee:str? prioritised:bool "
	  "source:str? aliases:[Alias] areas:[obj]" },
	{ "PeriodItem", "id:int name:str year:int kind:str(T1|T2|FY) first_day:date last_day:date" },
	{ "PeriodList", LIST("PeriodItem") },
	{ "Period", "id:int name:str year:int kind:str(T1|T2|FY) first_day:date last_day:date" },
	{ "OutcomeItem", "id:int name:str indicator:str period:str area:str sex:str(T|K|M) value:num? "
	  "missing:bool source:str? derived:bool example:bool" },
	{ "OutcomeList", LIST("OutcomeItem") },
	{ "Outcome", "id:int indicator:str indicator_name:str period:str area:str sex:str(T|K|M) value:num? "
	  "missing:bool source:str? derived:bool example:bool" },
	{ "AllocationItem", "id:int name:str org:str area:str year:int kind:str(money|staff|places|hours) "
	  "amount:num unit:str note:str? example:bool" },
	{ "AllocationList", LIST("AllocationItem") },
	{ "AllocationSaved", "id:int org:str org_name:str district:str district_name:str year:int "
	  "kind:str(money|staff|places|hours) amount:num unit:str note:str? example:bool created_at:str?" },
	{ "Allocation", "id:int org:str area:str year:int kind:str(money|staff|places|hours) amount:num unit:str "
	  "note:str? example:bool created_at:str?" },
	{ "ResponseItem", "id:int name:str org:str report:str measure:str stance:str? stance_phrase:str? no_response:bool" },
	{ "ResponseList", LIST("ResponseItem") },
	{ "Response", "id:int org:str report:str measure:str measure_text:str? stance:str? stance_phrase:str? "
	  "no_response:bool parts:[obj] provenance:[obj]" },
	{ "RecommendationItem", "id:int report:str number:str name:str" },
	{ "RecommendationList", LIST("RecommendationItem") },
	{ "Recommendation", "id:int report:str report_title:str? number:str name:str measures:[obj]" },

	/* goals, indicators, activities, outcomes: writes */
	{ "GoalNew", "!level:str(namndmal|lup) ~parent:str name:str ~description:str? year:int ~number:str? "
	  "~owner:str" },
	{ "GoalPatch", "!~name:str ~description:str? ~number:str? ~horizon_year:int "
	  "~benchmark:str(city_average|district_average|absolute|direction|parity) ~results:[str]" },
	{ "IndicatorNew", "goal:str name:str ~unit:str? ~direction:str(higher|lower|none) "
	  "~periodicity:str(tertial|year|month|quarter) ~by_sex:bool ~by_area:bool ~kolada_kpi:str?" },
	{ "IndicatorPatch", "!~goal:str ~name:str ~unit:str? ~direction:str(higher|lower|none) "
	  "~periodicity:str(tertial|year|month|quarter) ~by_sex:bool ~by_area:bool ~kolada_kpi:str?" },
	{ "Target", "!value:str ~sex:str(T|K|M)" },
	{ "OutcomeNew", "!indicator:str period:str area:str ~sex:str(T|K|M) value:num? ~source:str?" },
	{ "ActivityNew", "!~name:str ~description:str? ~start:str? ~end:str? "
	  "~status:str(planned|ongoing|done|waiting|cancelled) ~role:str ~owner:str ~goal:str ~districts:[str]" },
	{ "GoalChain", "organisation_id:int year:int goals:[ChainGoal]" },
	{ "ChainGoal", "id:int key:str level:str number:str? name:str parent:str? owner:str assessments:[obj] "
	  "indicators:[ChainIndicator]" },
	{ "ChainIndicator", "id:int key:str name:str unit:str? direction:str periodicity:str target:str? "
	  "kf_target:str? outcomes:[ChainOutcome]" },
	{ "ChainOutcome", "period:str area:str sex:str(T|K|M) value:num? missing:bool example:bool" },
	{ "Comparison", "indicator:int name:str direction:str year:int areas:[ComparisonArea]" },
	{ "ComparisonArea", "area:str name:str level:str sex:str(T|K|M) value:num? missing:bool example:bool city_average:num? gap:num?" },
	{ "TargetAid", "indicator:str year:int unit:str? direction:str area:str? recent:[YearValue] "
	  "change_per_year:num? baseline_year:int? latest:num? trend:num? city_average:num? kf_target:num? "
	  "needed:num?" },
	{ "YearValue", "year:int value:num?" },

	/* plans */
	{ "GoalOrder", "!order:[int]" },
	{ "GoalOrderDone", "order:[int]" },
	{ "PlanRollover", "!year:int" },
	{ "PlanRolledOver", "plan:str version:int status:str goals:int results:int indicators:int activities:int "
	  "activities_left:int targets_left:int kf_mapped:int kf_kept:int" },
	{ "PlanVersionItem", "version:int status:str(draft|decided|superseded) decided_by:str? decided_on:str? "
	  "paragraph:str? dnr:str? based_on:int? created_at:str? note:str?" },
	{ "PlanVersions", "plan:str items:[PlanVersionItem]" },
	{ "PlanAdopt", "!~date:str? ~paragraph:str? ~dnr:str?" },
	{ "PlanThemeItem", "id:int ord:int name:str description:str? target_groups:[str] aliases:[obj] "
	  "used_by:ThemeUse" },
	{ "ThemeUse", "goals:int activities:int measures:int" },
	{ "PlanThemes", "plan:str version:int status:str themes:[PlanThemeItem]" },
	{ "ThemeNew", "!name:str ~description:str? ~target_groups:[str]" },
	{ "ThemePatch", "!~name:str ~description:str? ~target_groups:[str]" },
	{ "ThemeOrder", "!order:[int]" },
	{ "LupGoalItem", "id:int" },
	{ "PlanGoals", "plan:str version:int status:str goals:[LupGoalItem]" },
	{ "LupGoalNew", "title:str theme:int ~description:str? ~area:str? ~sex:str ~horizon:str? "
	  "~horizon_year:int? ~baseline_value:num? ~baseline_year:int? ~target_value:num? "
	  "~target_direction:str? ~benchmark:str? ~indicator:str? ~new_indicator:obj" },
	{ "LupGoalPatch", "~title:str ~theme:int ~description:str? ~area:str? ~sex:str ~horizon:str? "
	  "~horizon_year:int? ~baseline_value:num? ~baseline_year:int? ~target_value:num? "
	  "~target_direction:str? ~benchmark:str? ~indicator:str? ~new_indicator:obj" },
	{ "PlanAreaItem", "area:str name:str level:str note:str?" },
	{ "PlanAreas", "plan:str version:int district:str? scope:str(none|some|all)? areas:[PlanAreaItem]" },
	{ "PrioritisedAreas", "scope:str(none|some|all) ~areas:[PrioritisedArea]" },
	{ "PrioritisedArea", "area:str ~note:str?" },
	{ "PlanSectionItem", "ord:int title:str body:str stored:bool" },
	{ "PlanSections", "plan:str version:int status:str sections:[PlanSectionItem]" },
	{ "PlanSection", "!~title:str? body:str?" },
	{ "PlanDocument", "~format:str ~format_version:int ~plan:obj ~version:obj ~sections:[obj] ~themes:[obj] "
	  "~areas:[obj] ~partners:[obj] ~goals:[obj] ~indicators:[obj] ~measures:[obj] ~activities:[obj]" },
	{ "PlanDocumentOut", "format:str(lup-plan) format_version:int plan:obj version:obj sections:[obj] "
	  "themes:[obj] areas:[obj] partners:[obj] goals:[obj] indicators:[obj] measures:[obj] activities:[obj]" },
	{ "PlanDiff", "plan:str from:DiffSide to:DiffSide changes:[obj]" },
	{ "DiffSide", "version:int status:str decision:Decision based_on:int?" },
	{ "Decision", "body:str? date:str? paragraph:str? dnr:str?" },
	{ "PlanMeasureItem", "id:int key:str ord:int title:str description:str? status:str? start:str? end:str? "
	  "themes:[obj] areas:[obj] goals:[obj] target_groups:[str] partners:[MeasurePartner]" },
	{ "MeasurePartner", "org:str? partner:any name:str role:str role_sv:str" },
	{ "PlanMeasures", "plan:str version:int status:str measures:[PlanMeasureItem]" },
	{ "MeasureNew", "!title:str ~description:str? ~status:str? ~start:str? ~end:str? ~themes:[int] "
	  "~goals:[int] ~areas:[str] ~target_groups:[str] ~partners:[MeasurePartnerIn]" },
	{ "MeasurePatch", "!~title:str ~description:str? ~status:str? ~start:str? ~end:str? ~themes:[int] "
	  "~goals:[int] ~areas:[str] ~target_groups:[str] ~partners:[MeasurePartnerIn]" },
	{ "MeasurePartnerIn", "~org:str ~partner:int role:str" },
	{ "MeasureOrder", "!order:[int]" },
	{ "PlanPartnerItem", "id:int org:str? org_name:str? group:str label:str source:str? ident:str measures:int" },
	{ "PlanPartners", "plan:str version:int partners:[PlanPartnerItem]" },
	{ "PartnerNew", "!~org:str? ~group:str(specialist|district|company|state|region|civil_society|business|"
	  "residents|other) ~label:str?" },
	{ "PartnerPatch", "!~org:str? ~group:str(specialist|district|company|state|region|civil_society|business|"
	  "residents|other) ~label:str?" },

	/* reports */
	{ "ReportNew", "!org:str period:str" },
	{ "ReportPatch", "!forecast:str?" },
	{ "Assessment", "!assessment:str(fulfilled|partly|not|none) ~analysis:str?" },
	{ "ActivityUpdate", "!status:str(planned|ongoing|done|waiting|cancelled) ~comment:str?" },
	{ "ReportApprove", "!~comment:str?" },
	{ "ReportReturn", "!comment:str" },
	{ "ReportDecision", "!date:date paragraph:str" },
	{ "ReportActivities", "report:int status:str year:int items:[obj] total:int" },
	{ "SettingValue", "!value:str(before|after|either)" },
	{ "Setting", "key:str value:str(before|after|either)" },

	/* the annual wheel, periods */
	{ "DeadlineSet", "!due:date" },
	{ "Deadline", "id:int year:int kind:str report:str org:str? level:str due:date summary:str set_at:str? set_by:str?" },
	{ "Deadlines", "deadlines:[Deadline]" },
	{ "PeriodReopen", "!~org:str? reason:str? ~until:str?" },
	{ "PeriodReopened", "id:int year:int period:str org:str? reason:str until:date reopened_by:str reopened_at:str" },
	{ "PeriodLock", "period:str(T1|T2|VB) deadline:date? grace_days:int locked_from:date? locked:bool "
	  "reopened_until:date?" },
	{ "PeriodLocks", "today:date year:int org:str? periods:[PeriodLock]" },

	/* contributions, allocations */
	{ "ContributionNew", "!~organisation:str ~name:str ~description:str? ~start:str? ~end:str? "
	  "~status:str(planned|ongoing|done|waiting|cancelled) ~role:str ~measure:str? ~goal:str? ~districts:[str]" },
	{ "ContributionPatch", "!~name:str ~description:str? ~start:str? ~end:str? "
	  "~status:str(planned|ongoing|done|waiting|cancelled) ~role:str ~measure:str? ~goal:str? ~districts:[str]" },
	{ "Contribution", "id:int key:str name:str description:str? role:str status:str start:str? end:str? "
	  "organisation:str organisation_name:str plan:str role_sv:str measure:obj goal:obj districts:[str]" },
	{ "ContributionSaved", "id:int key:str name:str description:str? start:str? end:str? status:str role:str "
	  "measure:str? goal:str? plan:str role_sv:str organisation:str plan_version:int plan_status:str "
	  "districts:[str]" },
	{ "DistrictContributions", "district:str plan:str? version:int? contributions:[Contribution]" },
	{ "AllocationNew", "!~org:str district:str year:int kind:str(money|staff|places|hours) amount:num "
	  "~unit:str(tkr|årsarbetare|platser|timmar) ~note:str?" },
	{ "AllocationPatch", "!~org:str ~district:str ~year:int ~kind:str(money|staff|places|hours) ~amount:num "
	  "~unit:str(tkr|årsarbetare|platser|timmar) ~note:str?" },

	/* views */
	{ "Todo", "today:date scope:str first_year:int organisations:[TodoOrganisation]" },
	{ "TodoOrganisation", "org:str name:str days_late:int silent:bool reports_due:int returned:int "
	  "unassessed_goals:int activities_without_status:int missing_outcomes:int reports:[obj] items:[obj]" },
	{ "Matrix", "rows:str columns:str row_key:str column_key:str cells:[obj] total:int" },
	{ "Commitments", "year:int period:str(T1|T2|VB) label:str due:date? today:date "
	  "organisations:[CommitmentParty] total:int left_out:int" },
	{ "CommitmentParty", "org:str name:str kind:str report:str? late:bool districts:int activities:int "
	  "measures:int resources:int statuses:obj items:[obj]" },
	{ "ResourcesNeed", "year:int need_year:int org:str? rule:str indicators_chosen_by:str(city|default) "
	  "indicators:[NeedIndicator] items:[NeedDistrict] example:bool" },
	{ "NeedIndicator", "id:int key:str name:str unit:str? direction:str weight:num city_value:num? "
	  "districts_with_value:int gap_mean:num? gap_sd:num? used:bool no_spread:bool" },
	{ "NeedDistrict", "district:str name:str rank:int need_index:num? need_indicators_with_value:int "
	  "population:int? population_year:int? resources:obj steps:[obj] example:bool" },
	{ "NeedIndicators", "chosen_by:str ~indicators:[obj]" },
	{ "NeedIndicatorsSet", "!indicators:[NeedIndicatorChoice]" },
	{ "NeedIndicatorChoice", "!indicator:str weight:num" },
	{ NULL, NULL },
};
