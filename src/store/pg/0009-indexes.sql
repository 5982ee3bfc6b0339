-- 0009-indexes.sql: lookups by the second column of join tables (themes' measures, areas'
-- measures), which the district and city views make for every theme.
CREATE INDEX measure_theme_theme ON measure_theme(theme_id);
CREATE INDEX measure_area_area ON measure_area(area_id);
