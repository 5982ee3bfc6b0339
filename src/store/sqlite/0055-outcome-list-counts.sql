-- 0055-outcome-list-counts.sql: the number of outcomes per indicator, period and sex, and how
-- many of them are public in themselves, so that the API's list of outcomes (GET
-- /api/v1/outcomes) counts its "total" from a few thousand rows rather than from every outcome.
--
-- derived_outcome_count holds per (indicator, period, sex) the outcomes (n) and, of those, the
-- ones that are example data or from Kolada (open: FIGURE_OPEN of store/sql-public.h). The list
-- reads one page of outcomes with LIMIT and OFFSET; its total, without an area or district
-- filter, is the sum over the public indicators and the periods and sexes the filters keep of
-- open, plus n - open where the figure rule (SEE_FIGURE) lets the viewer see the indicator's
-- figures of that period (decided per row of this table, not per outcome). On the demo the
-- count read 19,725 outcomes, each with its indicator; it now reads at most 3,330 rows.
--
-- The list without a filter (its default page) counts from derived_outcome_total, the same two
-- numbers for every outcome (one row), less the open figures of indicators in a draft and plus
-- the figures behind the rule that the viewer may see, found through the partial index
-- derived_outcome_count_closed (n > open: none on the demo).
--
-- Kept by row triggers on outcome. A row whose counts fall to 0 stays (it adds nothing). Named
-- derived_ as the other tables kept by triggers: `lup copy` and the schema comparison leave it
-- out, a copy into SQLite fills it through the triggers, and `lup check` compares it with the
-- outcomes (t3530). PostgreSQL's 0055 is empty: it counts the outcomes at read time.
CREATE TABLE derived_outcome_count (
  indicator_id INTEGER NOT NULL,
  period_id    INTEGER NOT NULL,
  sex          TEXT NOT NULL,
  n            INTEGER NOT NULL,	-- outcomes
  open         INTEGER NOT NULL,	-- of those, example data or from Kolada
  PRIMARY KEY (indicator_id, period_id, sex)
) WITHOUT ROWID;

INSERT INTO derived_outcome_count (indicator_id, period_id, sex, n, open)
  SELECT indicator_id, period_id, sex, count(*), count(*) FILTER (WHERE example = 1 OR source = 'kolada')
  FROM outcome GROUP BY indicator_id, period_id, sex;

CREATE INDEX derived_outcome_count_closed ON derived_outcome_count (indicator_id, period_id) WHERE n > open;

CREATE TABLE derived_outcome_total (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  n     INTEGER NOT NULL,
  open  INTEGER NOT NULL
);

INSERT INTO derived_outcome_total (id, n, open)
  SELECT 1, count(*), count(*) FILTER (WHERE example = 1 OR source = 'kolada') FROM outcome;

CREATE TRIGGER derived_outcome_count_ai AFTER INSERT ON outcome
BEGIN
  INSERT INTO derived_outcome_count (indicator_id, period_id, sex, n, open)
    VALUES (new.indicator_id, new.period_id, new.sex, 1, new.example = 1 OR new.source = 'kolada')
    ON CONFLICT (indicator_id, period_id, sex) DO UPDATE SET n = n + 1, open = open + excluded.open;
  UPDATE derived_outcome_total SET n = n + 1, open = open + (new.example = 1 OR new.source = 'kolada');
END;

CREATE TRIGGER derived_outcome_count_ad AFTER DELETE ON outcome
BEGIN
  UPDATE derived_outcome_count SET n = n - 1, open = open - (old.example = 1 OR old.source = 'kolada')
    WHERE indicator_id = old.indicator_id AND period_id = old.period_id AND sex = old.sex;
  UPDATE derived_outcome_total SET n = n - 1, open = open - (old.example = 1 OR old.source = 'kolada');
END;

-- An update that changes what is counted (not a value): the old row taken away, the new one added.
CREATE TRIGGER derived_outcome_count_au AFTER UPDATE OF indicator_id, period_id, sex, example, source ON outcome
  WHEN old.indicator_id IS NOT new.indicator_id OR old.period_id IS NOT new.period_id OR old.sex IS NOT new.sex
    OR (old.example = 1 OR old.source = 'kolada') IS NOT (new.example = 1 OR new.source = 'kolada')
BEGIN
  UPDATE derived_outcome_count SET n = n - 1, open = open - (old.example = 1 OR old.source = 'kolada')
    WHERE indicator_id = old.indicator_id AND period_id = old.period_id AND sex = old.sex;
  INSERT INTO derived_outcome_count (indicator_id, period_id, sex, n, open)
    VALUES (new.indicator_id, new.period_id, new.sex, 1, new.example = 1 OR new.source = 'kolada')
    ON CONFLICT (indicator_id, period_id, sex) DO UPDATE SET n = n + 1, open = open + excluded.open;
  UPDATE derived_outcome_total
    SET open = open - (old.example = 1 OR old.source = 'kolada') + (new.example = 1 OR new.source = 'kolada');
END;
