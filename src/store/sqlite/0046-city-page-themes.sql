-- 0046-city-page-themes.sql: what the city page reads of each district's themes
-- (STMT_WEB_CITY_THEMES: every theme of each district's latest LUP version with its number of
-- measures), without a count and a table seek per theme.
--
-- The number of measures of each theme, kept by row triggers on measure_theme: counting it in the
-- statement (a correlated count over measure_theme's index per theme) was about 180,000 of the
-- page's 2.57M instructions on the demo; read from here it is one seek per theme. A theme without
-- measures has no row. Named derived_ as the other tables kept by triggers: `lup copy` and the
-- schema comparison leave it out, a copy fills it through the triggers, and `lup check` compares
-- it with measure_theme.
--
-- theme_city: the themes of a version as the statement reads them (extra, ord, name and the id),
-- so that it does not seek each theme's row (-51,000 instructions a page).
--
-- PostgreSQL's 0046 is empty: its statement counts measure_theme in one grouped pass, cheap there.
CREATE TABLE derived_theme_measures (
  theme_id  INTEGER PRIMARY KEY,
  measures  INTEGER NOT NULL
);

INSERT INTO derived_theme_measures (theme_id, measures)
  SELECT theme_id, count(*) FROM measure_theme GROUP BY theme_id;

CREATE TRIGGER derived_theme_measures_ai AFTER INSERT ON measure_theme
BEGIN
  INSERT INTO derived_theme_measures (theme_id, measures) VALUES (new.theme_id, 1)
    ON CONFLICT (theme_id) DO UPDATE SET measures = measures + 1;
END;

-- A delete, also through a theme's or a measure's ON DELETE CASCADE (SQLite fires row triggers
-- for the rows a foreign key action deletes).
CREATE TRIGGER derived_theme_measures_ad AFTER DELETE ON measure_theme
BEGIN
  UPDATE derived_theme_measures SET measures = measures - 1 WHERE theme_id = old.theme_id;
  DELETE FROM derived_theme_measures WHERE theme_id = old.theme_id AND measures <= 0;
END;

CREATE TRIGGER derived_theme_measures_au AFTER UPDATE OF theme_id ON measure_theme
  WHEN old.theme_id IS NOT new.theme_id
BEGIN
  UPDATE derived_theme_measures SET measures = measures - 1 WHERE theme_id = old.theme_id;
  DELETE FROM derived_theme_measures WHERE theme_id = old.theme_id AND measures <= 0;
  INSERT INTO derived_theme_measures (theme_id, measures) VALUES (new.theme_id, 1)
    ON CONFLICT (theme_id) DO UPDATE SET measures = measures + 1;
END;

CREATE INDEX theme_city ON theme (plan_version_id, extra, ord, name);
