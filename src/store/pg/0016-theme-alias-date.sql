-- 0016-theme-alias-date.sql: the date until which a theme's other name was its name.
--
-- A theme renamed in a draft keeps its old name as an alias with valid_to = the day of the
-- rename (YYYY-MM-DD), so that "renamed over time" is history. Aliases from the documents (other
-- spellings, names used elsewhere) have none.
ALTER TABLE theme_alias ADD COLUMN valid_to text;
