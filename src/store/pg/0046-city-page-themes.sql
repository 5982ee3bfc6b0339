-- 0046-city-page-themes.sql: the index theme_city, as on SQLite (the schemas compare their
-- indexes), over the themes of a version as the city page's STMT_WEB_CITY_THEMES reads them.
-- SQLite's 0046 also keeps each theme's number of measures in derived_theme_measures by
-- triggers (its correlated count per theme was most of the statement's cost); PostgreSQL's
-- statement counts measure_theme in one grouped pass, cheap there, and needs no such table.
CREATE INDEX theme_city ON theme (plan_version_id, extra, ord, name);
