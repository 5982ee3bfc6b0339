-- 0051-city-indicator-years.sql: the full years of each indicator that the city page lists for
-- everyone, kept per indicator, so that the page reads one row per indicator rather than one
-- per indicator and full year.
--
-- derived_indicator_years holds, per indicator, the years of the full-year (FY) periods in which
-- derived_indicator_period (0033) counts district figures with a value of which some are public
-- in themselves (valued > 0 AND open > 0), ascending and separated by spaces; an indicator
-- without such a year has no row. STMT_WEB_CITY_INDICATORS reads it beside each indicator: the
-- 354 rows of (year, indicator) that STMT_WEB_CITY_INDICATOR_YEARS returned on the demo were
-- about 0.40M of the page's 2.24M instructions. That statement now returns only the pairs whose
-- figures are all behind the reports' publication rule (valued > 0 AND open = 0), which depend
-- on the viewer: found through the partial index below (none on the demo).
--
-- Kept by row triggers on derived_indicator_period (itself kept by triggers on outcome and
-- area) that fire only when a row starts or stops counting, which is once per indicator and
-- period rather than per outcome, and on period (a period's year or kind changed, or a period
-- written after its outcomes, as a copy may do with its foreign keys deferred). Each recounts
-- the one indicator's row from derived_indicator_period. Named derived_ as the other tables kept
-- by triggers: `lup copy` and the schema comparison leave it out, a copy fills it through the
-- triggers, and `lup check` compares it with derived_indicator_period (t7351).
--
-- derived_indicator_period_period (0042), the index by period that the per-year statement read,
-- has no reader left: dropped, so that a change of a count no longer rewrites an index entry.
--
-- PostgreSQL's 0051 is empty: its statements read derived_indicator_period per year as before.
CREATE TABLE derived_indicator_years (
  indicator_id  INTEGER PRIMARY KEY,
  years         TEXT NOT NULL
);

DROP INDEX derived_indicator_period_period;

CREATE INDEX derived_indicator_period_closed ON derived_indicator_period (period_id)
  WHERE valued > 0 AND open = 0;

INSERT INTO derived_indicator_years (indicator_id, years)
  SELECT indicator_id, group_concat(year, ' ') FROM (SELECT x.indicator_id, pe.year
    FROM derived_indicator_period x JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'
    WHERE x.valued > 0 AND x.open > 0 ORDER BY x.indicator_id, pe.year)
  GROUP BY indicator_id;

-- A row that starts or stops counting: the indicator's years counted anew (for an update, the
-- old indicator's and the new one's).
CREATE TRIGGER derived_indicator_years_ai AFTER INSERT ON derived_indicator_period
  WHEN new.valued > 0 AND new.open > 0
BEGIN
  DELETE FROM derived_indicator_years WHERE indicator_id = new.indicator_id;
  INSERT INTO derived_indicator_years (indicator_id, years)
    SELECT indicator_id, group_concat(year, ' ') FROM (SELECT x.indicator_id, pe.year
      FROM derived_indicator_period x JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'
      WHERE x.indicator_id = new.indicator_id AND x.valued > 0 AND x.open > 0 ORDER BY pe.year)
    GROUP BY indicator_id;
END;

CREATE TRIGGER derived_indicator_years_ad AFTER DELETE ON derived_indicator_period
  WHEN old.valued > 0 AND old.open > 0
BEGIN
  DELETE FROM derived_indicator_years WHERE indicator_id = old.indicator_id;
  INSERT INTO derived_indicator_years (indicator_id, years)
    SELECT indicator_id, group_concat(year, ' ') FROM (SELECT x.indicator_id, pe.year
      FROM derived_indicator_period x JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'
      WHERE x.indicator_id = old.indicator_id AND x.valued > 0 AND x.open > 0 ORDER BY pe.year)
    GROUP BY indicator_id;
END;

CREATE TRIGGER derived_indicator_years_au AFTER UPDATE ON derived_indicator_period
  WHEN (old.valued > 0 AND old.open > 0) <> (new.valued > 0 AND new.open > 0)
    OR old.indicator_id IS NOT new.indicator_id OR old.period_id IS NOT new.period_id
BEGIN
  DELETE FROM derived_indicator_years WHERE indicator_id IN (old.indicator_id, new.indicator_id);
  INSERT INTO derived_indicator_years (indicator_id, years)
    SELECT indicator_id, group_concat(year, ' ') FROM (SELECT x.indicator_id, pe.year
      FROM derived_indicator_period x JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'
      WHERE x.indicator_id IN (old.indicator_id, new.indicator_id) AND x.valued > 0 AND x.open > 0
      ORDER BY x.indicator_id, pe.year)
    GROUP BY indicator_id;
END;

-- A period written, removed, or given another year or kind: the years of the indicators with
-- counts of it counted anew.
CREATE TRIGGER derived_indicator_years_period_ai AFTER INSERT ON period WHEN new.kind = 'FY'
BEGIN
  DELETE FROM derived_indicator_years WHERE indicator_id IN
    (SELECT indicator_id FROM derived_indicator_period WHERE period_id = new.id);
  INSERT INTO derived_indicator_years (indicator_id, years)
    SELECT indicator_id, group_concat(year, ' ') FROM (SELECT x.indicator_id, pe.year
      FROM derived_indicator_period x JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'
      WHERE x.indicator_id IN (SELECT indicator_id FROM derived_indicator_period WHERE period_id = new.id)
      AND x.valued > 0 AND x.open > 0 ORDER BY x.indicator_id, pe.year)
    GROUP BY indicator_id;
END;

CREATE TRIGGER derived_indicator_years_period_ad AFTER DELETE ON period WHEN old.kind = 'FY'
BEGIN
  DELETE FROM derived_indicator_years WHERE indicator_id IN
    (SELECT indicator_id FROM derived_indicator_period WHERE period_id = old.id);
  INSERT INTO derived_indicator_years (indicator_id, years)
    SELECT indicator_id, group_concat(year, ' ') FROM (SELECT x.indicator_id, pe.year
      FROM derived_indicator_period x JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'
      WHERE x.indicator_id IN (SELECT indicator_id FROM derived_indicator_period WHERE period_id = old.id)
      AND x.valued > 0 AND x.open > 0 ORDER BY x.indicator_id, pe.year)
    GROUP BY indicator_id;
END;

CREATE TRIGGER derived_indicator_years_period_au AFTER UPDATE OF id, year, kind ON period
  WHEN old.id IS NOT new.id OR old.year IS NOT new.year OR old.kind IS NOT new.kind
BEGIN
  DELETE FROM derived_indicator_years WHERE indicator_id IN
    (SELECT indicator_id FROM derived_indicator_period WHERE period_id IN (old.id, new.id));
  INSERT INTO derived_indicator_years (indicator_id, years)
    SELECT indicator_id, group_concat(year, ' ') FROM (SELECT x.indicator_id, pe.year
      FROM derived_indicator_period x JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'
      WHERE x.indicator_id IN (SELECT indicator_id FROM derived_indicator_period WHERE period_id IN (old.id, new.id))
      AND x.valued > 0 AND x.open > 0 ORDER BY x.indicator_id, pe.year)
    GROUP BY indicator_id;
END;
