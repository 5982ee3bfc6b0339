/* sql-pg-imp-kolada.c: PostgreSQL text of the 'kolada' importer's statements (see stmt-imp-kolada.h). */
#include "store/sql-pg.h"

const char *const pg_sql_imp_kolada[STMT__MAX] = {
	/* the indicators that follow KPI $1: (id, by_sex, key), oldest first */
	[STMT_IMP_KOLADA_INDICATORS] =
		"SELECT id, by_sex, key FROM indicator WHERE kolada_kpi = $1 ORDER BY id LIMIT 9",
	/* (key, owner_id, name, kolada_kpi, by_sex, source): creates the indicator of a KPI, or
	 * updates what Kolada's metadata says of it (name, KPI, by_sex, source); the owner, goal,
	 * unit and direction of an existing indicator are left as they are */
	[STMT_IMP_KOLADA_INDICATOR_UPSERT] =
		"INSERT INTO indicator (key, owner_id, name, periodicity, source_kind, kolada_kpi, by_sex,"
		" source) VALUES ($1, $2, $3, 'year', 'kolada', $4, $5, $6) ON CONFLICT (key) DO UPDATE SET"
		" name = excluded.name, source_kind = 'kolada', kolada_kpi = excluded.kolada_kpi,"
		" by_sex = excluded.by_sex, source = excluded.source"
		" WHERE (indicator.name, indicator.source_kind, indicator.kolada_kpi, indicator.by_sex,"
		" indicator.source) IS DISTINCT FROM"
		" (excluded.name, 'kolada', excluded.kolada_kpi, excluded.by_sex, excluded.source) RETURNING id",
	/* the area with code $1, a municipality first: (id, key, name) */
	[STMT_IMP_KOLADA_AREA_BY_CODE] =
		"SELECT id, key, name FROM area WHERE code = $1 ORDER BY level = 'municipality' DESC, id LIMIT 1",
};
