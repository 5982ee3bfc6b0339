/* sql-pg-imp-csv.c: PostgreSQL text of the 'csv' importer's statements (see stmt-imp-csv.h). */
#include "store/sql-pg.h"

const char *const pg_sql_imp_csv[STMT__MAX] = {
	/* the indicator with key $1, else the one named exactly $1: (id, by_sex, key, how many
	 * indicators have that name; 1 for a key, owner_id) */
	[STMT_IMP_CSV_INDICATOR] =
		"SELECT id, by_sex, key, n, owner_id"
		" FROM (SELECT id, by_sex, key, owner_id, 1 AS p, 1 AS n FROM indicator"
		" WHERE key = $1 UNION ALL SELECT id, by_sex, key, owner_id, 2,"
		" (SELECT count(*) FROM indicator WHERE name = $1) FROM indicator WHERE name = $1) AS found"
		" ORDER BY p, id LIMIT 1",
	/* (text, code): the area with code $2, else key $1, else name or alias $1 (any case) */
	[STMT_IMP_CSV_AREA] =
		"SELECT id FROM (SELECT id, 1 AS p FROM area WHERE code = $2"
		" UNION ALL SELECT id, 2 FROM area WHERE key = $1"
		" UNION ALL SELECT id, 3 FROM area WHERE name = $1::text COLLATE sv_ci"
		" UNION ALL SELECT area_id, 4 FROM area_alias WHERE alias = $1::text COLLATE sv_ci) AS found"
		" ORDER BY p, id LIMIT 1",
};
