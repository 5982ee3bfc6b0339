-- 0042-indicator-period-by-period.sql: derived_indicator_period (migration 0033) by period, with
-- the counts the city page tests: the page finds each indicator's full years with district
-- figures as one range of this index per full year (STMT_WEB_CITY_INDICATOR_YEARS), where a
-- seek of the table per indicator and full year (370 on the demo) was a third of the page.
CREATE INDEX derived_indicator_period_period ON derived_indicator_period (period_id, valued, open);
