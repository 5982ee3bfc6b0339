-- 0001-initial.sql: schema version 1 of lup (PostgreSQL dialect; src/store/sqlite/0001-initial.sql
-- is the SQLite one, and the two keep the same tables, columns, keys and constraints).
-- Every table is described in docs/data-model.md. Enumerations are CHECK constraints so that
-- the database itself refuses a value the program does not know.
--
-- The dialect's conventions (docs of issue 14): SQLite's INTEGER PRIMARY KEY id is an identity
-- column; other integers are bigint, reals double precision (never real: float4), timestamps and
-- dates text in the ISO 8601 forms SQLite stores; flags stay integers 0/1 with their CHECKs.
-- Every foreign key is DEFERRABLE (INITIALLY IMMEDIATE: checked at each statement as usual), so
-- that `lup copy` can fill the tables in any order and have them checked at its commit (SET
-- CONSTRAINTS ALL DEFERRED).
-- Tables whose insertion order the statements read (SQLite: ORDER BY x.rowid) carry a column
-- `rowid` (an identity, not a key) that stands in for SQLite's implicit rowid.

-- Collations: COLLATE sv and COLLATE sv_ci read the same on both backends. SQLite's are the
-- ICU collator sv_SE (store-sqlite.c) and the same at secondary strength (no case).
CREATE COLLATION IF NOT EXISTS sv (provider = icu, locale = 'sv-SE');
CREATE COLLATION IF NOT EXISTS sv_ci (provider = icu, locale = 'sv-SE-u-ks-level2', deterministic = false);

-- lup_reads(org, pair): whether the connection's viewer may read what organisation org (whose
-- pair is pair, or NULL) has not published yet; mirrors sql_lup_reads of store-sqlite.c. The
-- viewer is in the settings lup.view ('all', 'public' or 'org'; unset or '' is 'all'),
-- lup.view_org and lup.view_pair (store_set_viewer sets them). A NULL org, view_org or pair
-- counts as 0, as in the C (org and view_org non-zero, so org = view_pair and pair = view_org
-- imply the C's non-zero tests). STABLE and one SELECT without FROM, so the planner inlines it.
CREATE FUNCTION lup_reads(org bigint, pair bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('lup.view', true), '')
    WHEN '' THEN true
    WHEN 'all' THEN true
    WHEN 'org' THEN coalesce(org <> 0
      AND nullif(current_setting('lup.view_org', true), '')::bigint <> 0
      AND (org = nullif(current_setting('lup.view_org', true), '')::bigint
           OR org = nullif(current_setting('lup.view_pair', true), '')::bigint
           OR pair = nullif(current_setting('lup.view_org', true), '')::bigint), false)
    ELSE false END
$$;

-- lup_sex_allowed(by_sex, sex): model_sex_allowed of model/indicator.c (mirrors it): the total
-- 'T' always; 'K' and 'M' only when by_sex is non-zero; anything else (NULL too) never.
CREATE FUNCTION lup_sex_allowed(by_sex bigint, sex text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(sex = 'T' OR (sex IN ('K', 'M') AND coalesce(by_sex, 0) <> 0), false)
$$;

-- lup_revision_text(old, new, status): the flag of a report whose cited value Kolada revised.
-- Mirrors model_revision_text of model/indicator.c with decimals -1 (as sql_lup_revision_text of
-- store-sqlite.c calls it) byte for byte: "värdet har reviderats från 79,1 till 79,3 efter
-- godkännandet" (status 'approved') or "... efter inskickandet" (any other status); a NULL or
-- NaN value reads "saknas"; both numbers get the fewest decimals from 1 to 3 that show each of
-- them (model/indicator.c fewest), written as model_fmt_num does: the double's exact binary
-- value rounded half to even (glibc's printf "%.*f"), decimal comma, a space between groups of
-- three integer digits, '-' unless the rounded value is zero. NULL where the C returns -1 (an
-- infinite value, or a number of 64 bytes or more).
CREATE FUNCTION lup_revision_text(old double precision, new double precision, status text)
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  vals double precision[] := ARRAY[old, new];
  txt text[] := ARRAY[NULL, NULL]::text[];
  v double precision;
  x double precision;
  d integer := 1;
  f integer;
  bits bytea;
  e integer;
  m bigint;
  sh integer;
  q numeric;
  a numeric;
  b numeric;
  r numeric;
  s text;
  ip text;
  res text;
BEGIN
  FOR i IN 1..2 LOOP
    v := vals[i];
    f := 1;
    IF v IS NOT NULL AND v <> 'NaN'::double precision AND abs(v) < 4503599627370496::double precision THEN
      x := v * 10;
      WHILE f < 3 AND abs(x - round(x)) > 1e-6::double precision LOOP
        f := f + 1;
        x := x * 10;
      END LOOP;
    END IF;
    d := greatest(d, f);
  END LOOP;
  FOR i IN 1..2 LOOP
    v := vals[i];
    IF v IS NULL OR v = 'NaN'::double precision THEN
      txt[i] := 'saknas';
      CONTINUE;
    END IF;
    IF abs(v) = 'Infinity'::double precision THEN
      RETURN NULL;
    END IF;
    bits := float8send(v);
    e := ((get_byte(bits, 0) & 127) << 4) | (get_byte(bits, 1) >> 4);
    m := ((get_byte(bits, 1) & 15)::bigint << 48) | (get_byte(bits, 2)::bigint << 40)
       | (get_byte(bits, 3)::bigint << 32) | (get_byte(bits, 4)::bigint << 24)
       | (get_byte(bits, 5)::bigint << 16) | (get_byte(bits, 6)::bigint << 8) | get_byte(bits, 7)::bigint;
    IF e = 0 THEN
      sh := -1074;
    ELSE
      m := m | (1::bigint << 52);
      sh := e - 1075;
    END IF;
    IF sh >= 0 THEN
      q := m::numeric * trunc(2::numeric ^ sh) * trunc(10::numeric ^ d);
    ELSE
      a := m::numeric * trunc(10::numeric ^ d);
      b := trunc(2::numeric ^ (-sh));
      q := div(a, b);
      r := a - q * b;
      IF 2 * r > b OR (2 * r = b AND mod(q, 2) = 1) THEN
        q := q + 1;
      END IF;
    END IF;
    s := trunc(q)::text;
    IF length(s) <= d THEN
      s := lpad(s, d + 1, '0');
    END IF;
    ip := left(s, length(s) - d);
    res := CASE WHEN get_byte(bits, 0) >= 128 AND q <> 0 THEN '-' ELSE '' END;
    FOR j IN 1..length(ip) LOOP
      IF j > 1 AND (length(ip) - j + 1) % 3 = 0 THEN
        res := res || ' ';
      END IF;
      res := res || substr(ip, j, 1);
    END LOOP;
    res := res || ',' || right(s, d);
    IF octet_length(res) > 63 THEN
      RETURN NULL;
    END IF;
    txt[i] := res;
  END LOOP;
  RETURN 'värdet har reviderats från ' || txt[1] || ' till ' || txt[2] || ' efter '
    || CASE WHEN status = 'approved' THEN 'godkännandet' ELSE 'inskickandet' END;
END
$$;

-- Applied migrations (the runner adds a row per migration)
CREATE TABLE schema_migration (
  version     bigint PRIMARY KEY,
  applied_at  text NOT NULL
);

-- Organisations ---------------------------------------------------------------------------
CREATE TABLE organisation (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  key         text NOT NULL UNIQUE,
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('council','city_office','district_committee',
                'district_admin','specialist_committee','specialist_admin','company_board',
                'state_agency','region','civil_society','business','network','academic',
                'commission','other_public','municipality','person','unit')),
  parent_id   bigint REFERENCES organisation(id) DEFERRABLE,
  pair_id     bigint REFERENCES organisation(id) DEFERRABLE,
  city_owned  bigint NOT NULL DEFAULT 0 CHECK (city_owned IN (0,1)),
  housing     bigint NOT NULL DEFAULT 0 CHECK (housing IN (0,1)),
  source      text,
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK (pair_id IS NULL OR pair_id <> id)
);
CREATE INDEX organisation_kind ON organisation(kind);

CREATE TABLE org_alias (
  org_id  bigint NOT NULL REFERENCES organisation(id) ON DELETE CASCADE DEFERRABLE,
  alias   text NOT NULL,
  source  text,
  PRIMARY KEY (org_id, alias)
);
CREATE INDEX org_alias_alias ON org_alias(alias);

-- Geography -------------------------------------------------------------------------------
CREATE TABLE area (
  id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  key           text NOT NULL UNIQUE,
  name          text NOT NULL,
  level         text NOT NULL CHECK (level IN ('municipality','district','neighbourhood','place')),
  parent_id     bigint REFERENCES area(id) DEFERRABLE,
  code          text,
  committee_id  bigint REFERENCES organisation(id) DEFERRABLE,
  prioritised   bigint NOT NULL DEFAULT 0 CHECK (prioritised IN (0,1)),
  source        text,
  CHECK (committee_id IS NULL OR level = 'district'),
  CHECK (prioritised = 0 OR level = 'district'),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX area_committee ON area(committee_id) WHERE committee_id IS NOT NULL;
CREATE INDEX area_parent ON area(parent_id);

CREATE TABLE area_alias (
  area_id  bigint NOT NULL REFERENCES area(id) ON DELETE CASCADE DEFERRABLE,
  alias    text NOT NULL,
  source   text,
  PRIMARY KEY (area_id, alias)
);
CREATE INDEX area_alias_alias ON area_alias(alias);

-- Plans and their versions ----------------------------------------------------------------
CREATE TABLE plan (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  key          text NOT NULL UNIQUE,
  kind         text NOT NULL CHECK (kind IN ('lup','vp','contribution')),
  owner_id     bigint NOT NULL REFERENCES organisation(id) DEFERRABLE,
  district_id  bigint REFERENCES area(id) DEFERRABLE,
  title        text NOT NULL,
  year_from    bigint NOT NULL,
  year_to      bigint NOT NULL,
  source       text,
  CHECK (year_to >= year_from),
  CHECK (kind <> 'lup' OR district_id IS NOT NULL)
);
CREATE INDEX plan_owner ON plan(owner_id);

CREATE TABLE plan_version (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  plan_id     bigint NOT NULL REFERENCES plan(id) ON DELETE CASCADE DEFERRABLE,
  version     bigint NOT NULL CHECK (version >= 1),
  status      text NOT NULL CHECK (status IN ('draft','decided','revision','superseded')),
  decided_by  bigint REFERENCES organisation(id) DEFERRABLE,
  decided_on  text,
  area_scope  text CHECK (area_scope IN ('none','some','all')),
  note        text,
  UNIQUE (plan_id, version)
);

-- LUP content ------------------------------------------------------------------------------
CREATE TABLE lup_section (
  id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  plan_version_id  bigint NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE DEFERRABLE,
  ord              bigint NOT NULL CHECK (ord BETWEEN 1 AND 7),
  title            text NOT NULL,
  body             text,
  source           text,
  UNIQUE (plan_version_id, ord)
);

CREATE TABLE theme (
  id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  plan_version_id  bigint NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE DEFERRABLE,
  ord              bigint NOT NULL,
  name             text NOT NULL,
  description      text,
  extra            bigint NOT NULL DEFAULT 0 CHECK (extra IN (0,1)),
  source           text,
  UNIQUE (plan_version_id, name)
);

CREATE TABLE theme_alias (
  theme_id  bigint NOT NULL REFERENCES theme(id) ON DELETE CASCADE DEFERRABLE,
  alias     text NOT NULL,
  source    text,
  rowid     bigint GENERATED BY DEFAULT AS IDENTITY,  -- SQLite's implicit rowid: the order of insertion
  PRIMARY KEY (theme_id, alias)
);

CREATE TABLE theme_target_group (
  theme_id      bigint NOT NULL REFERENCES theme(id) ON DELETE CASCADE DEFERRABLE,
  target_group  text NOT NULL,
  rowid         bigint GENERATED BY DEFAULT AS IDENTITY,  -- SQLite's implicit rowid: the order of insertion
  PRIMARY KEY (theme_id, target_group)
);

CREATE TABLE prioritised_area (
  plan_version_id  bigint NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE DEFERRABLE,
  area_id          bigint NOT NULL REFERENCES area(id) DEFERRABLE,
  note             text,
  source           text,
  rowid            bigint GENERATED BY DEFAULT AS IDENTITY,  -- SQLite's implicit rowid: the order of insertion
  PRIMARY KEY (plan_version_id, area_id)
);

CREATE TABLE plan_partner (
  id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  plan_version_id  bigint NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE DEFERRABLE,
  org_id           bigint REFERENCES organisation(id) DEFERRABLE,
  grp              text NOT NULL CHECK (grp IN ('specialist','district','company','state','region',
                     'civil_society','business','residents','other')),
  label            text NOT NULL,
  source           text,
  UNIQUE (plan_version_id, label)
);

-- Goals -----------------------------------------------------------------------------------
CREATE TABLE goal (
  id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  key              text NOT NULL UNIQUE,
  owner_id         bigint NOT NULL REFERENCES organisation(id) DEFERRABLE,
  plan_version_id  bigint REFERENCES plan_version(id) ON DELETE CASCADE DEFERRABLE,
  level            text NOT NULL CHECK (level IN ('inriktningsmal','verksamhetsomradesmal','namndmal','lup')),
  number           text,
  parent_id        bigint REFERENCES goal(id) DEFERRABLE,
  title            text NOT NULL,
  description      text,
  year             bigint,
  theme_id         bigint REFERENCES theme(id) DEFERRABLE,
  area_id          bigint REFERENCES area(id) DEFERRABLE,
  sex              text CHECK (sex IN ('T','K','M')),
  horizon_year     bigint,
  benchmark        text CHECK (benchmark IN ('city_average','district_average','absolute','direction','parity')),
  source           text,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX goal_owner_year ON goal(owner_id, year);
CREATE INDEX goal_parent ON goal(parent_id);

CREATE TABLE goal_result (
  goal_id  bigint NOT NULL REFERENCES goal(id) ON DELETE CASCADE DEFERRABLE,
  ord      bigint NOT NULL,
  text     text NOT NULL,
  source   text,
  PRIMARY KEY (goal_id, ord)
);

-- Measures (prioriterade åtgärder) ---------------------------------------------------------
CREATE TABLE measure (
  id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  key              text NOT NULL UNIQUE,
  plan_version_id  bigint NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE DEFERRABLE,
  ord              bigint NOT NULL DEFAULT 0,
  title            text NOT NULL,
  description      text,
  status           text CHECK (status IN ('idea','prestudy','project','permanent','ended')),
  start_text       text,
  source           text
);
CREATE INDEX measure_plan ON measure(plan_version_id);

CREATE TABLE measure_theme (
  measure_id  bigint NOT NULL REFERENCES measure(id) ON DELETE CASCADE DEFERRABLE,
  theme_id    bigint NOT NULL REFERENCES theme(id) ON DELETE CASCADE DEFERRABLE,
  rowid       bigint GENERATED BY DEFAULT AS IDENTITY,  -- SQLite's implicit rowid: the order of insertion
  PRIMARY KEY (measure_id, theme_id)
);

CREATE TABLE measure_partner (
  measure_id  bigint NOT NULL REFERENCES measure(id) ON DELETE CASCADE DEFERRABLE,
  org_id      bigint NOT NULL REFERENCES organisation(id) DEFERRABLE,
  role        text NOT NULL CHECK (role IN ('lead','partner','support','funder')),
  source      text,
  rowid       bigint GENERATED BY DEFAULT AS IDENTITY,  -- SQLite's implicit rowid: the order of insertion
  PRIMARY KEY (measure_id, org_id)
);

CREATE TABLE measure_area (
  measure_id  bigint NOT NULL REFERENCES measure(id) ON DELETE CASCADE DEFERRABLE,
  area_id     bigint NOT NULL REFERENCES area(id) DEFERRABLE,
  rowid       bigint GENERATED BY DEFAULT AS IDENTITY,  -- SQLite's implicit rowid: the order of insertion
  PRIMARY KEY (measure_id, area_id)
);

CREATE TABLE measure_target_group (
  measure_id    bigint NOT NULL REFERENCES measure(id) ON DELETE CASCADE DEFERRABLE,
  target_group  text NOT NULL,
  rowid         bigint GENERATED BY DEFAULT AS IDENTITY,  -- SQLite's implicit rowid: the order of insertion
  PRIMARY KEY (measure_id, target_group)
);

-- Activities --------------------------------------------------------------------------------
CREATE TABLE activity (
  id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  key              text NOT NULL UNIQUE,
  plan_version_id  bigint REFERENCES plan_version(id) ON DELETE CASCADE DEFERRABLE,
  owner_id         bigint NOT NULL REFERENCES organisation(id) DEFERRABLE,
  title            text NOT NULL,
  description      text,
  start_text       text,
  start_first      bigint,
  start_last       bigint,
  start_prec       text NOT NULL DEFAULT 'open' CHECK (start_prec IN ('day','month','season','year','open')),
  end_text         text,
  end_first        bigint,
  end_last         bigint,
  end_prec         text NOT NULL DEFAULT 'open' CHECK (end_prec IN ('day','month','season','year','open')),
  status           text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','ongoing','done','waiting','cancelled')),
  role             text CHECK (role IN ('process_lead','hub','support','assist','participate','training',
                     'knowledge','consultative','follow_up','reference_group','joint_planning',
                     'investigate','collaboration','owner')),
  goal_id          bigint REFERENCES goal(id) DEFERRABLE,
  theme_id         bigint REFERENCES theme(id) DEFERRABLE,
  measure_id       bigint REFERENCES measure(id) DEFERRABLE,
  source           text,
  CHECK (end_last IS NULL OR start_first IS NULL OR end_last >= start_first)
);
CREATE INDEX activity_owner ON activity(owner_id);
CREATE INDEX activity_goal ON activity(goal_id);

CREATE TABLE activity_district (
  activity_id  bigint NOT NULL REFERENCES activity(id) ON DELETE CASCADE DEFERRABLE,
  area_id      bigint NOT NULL REFERENCES area(id) DEFERRABLE,
  rowid        bigint GENERATED BY DEFAULT AS IDENTITY,  -- SQLite's implicit rowid: the order of insertion
  PRIMARY KEY (activity_id, area_id)
);
CREATE INDEX activity_district_area ON activity_district(area_id);

CREATE TABLE activity_partner (
  activity_id  bigint NOT NULL REFERENCES activity(id) ON DELETE CASCADE DEFERRABLE,
  org_id       bigint NOT NULL REFERENCES organisation(id) DEFERRABLE,
  role         text,
  rowid        bigint GENERATED BY DEFAULT AS IDENTITY,  -- SQLite's implicit rowid: the order of insertion
  PRIMARY KEY (activity_id, org_id)
);

-- Indicators, targets, periods, outcomes ------------------------------------------------------
CREATE TABLE indicator (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  key          text NOT NULL UNIQUE,
  goal_id      bigint REFERENCES goal(id) ON DELETE CASCADE DEFERRABLE,
  owner_id     bigint NOT NULL REFERENCES organisation(id) DEFERRABLE,
  ord          bigint NOT NULL DEFAULT 0,
  name         text NOT NULL,
  unit         text,
  direction    text NOT NULL DEFAULT 'none' CHECK (direction IN ('higher','lower','none')),
  periodicity  text NOT NULL DEFAULT 'year' CHECK (periodicity IN ('tertial','year','month','quarter')),
  source_kind  text NOT NULL DEFAULT 'own' CHECK (source_kind IN ('own','kolada','survey')),
  kolada_kpi   text,
  by_sex       bigint NOT NULL DEFAULT 0 CHECK (by_sex IN (0,1)),
  by_area      bigint NOT NULL DEFAULT 0 CHECK (by_area IN (0,1)),
  source       text,
  CHECK (source_kind <> 'kolada' OR kolada_kpi IS NOT NULL)
);
CREATE INDEX indicator_goal ON indicator(goal_id);
CREATE INDEX indicator_kpi ON indicator(kolada_kpi) WHERE kolada_kpi IS NOT NULL;

CREATE TABLE target (
  indicator_id  bigint NOT NULL REFERENCES indicator(id) ON DELETE CASCADE DEFERRABLE,
  year          bigint NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('own','kf')),
  mode          text NOT NULL CHECK (mode IN ('number','text','direction','by_committee')),
  value         double precision,
  unit          text,
  text          text NOT NULL,
  source        text,
  PRIMARY KEY (indicator_id, year, kind),
  CHECK ((mode IN ('number','direction')) = (value IS NOT NULL))
);

CREATE TABLE period (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  year       bigint NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  kind       text NOT NULL CHECK (kind IN ('T1','T2','FY')),
  first_day  text NOT NULL,
  last_day   text NOT NULL,
  UNIQUE (year, kind),
  CHECK (last_day >= first_day)
);

CREATE TABLE outcome (
  id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  indicator_id  bigint NOT NULL REFERENCES indicator(id) ON DELETE CASCADE DEFERRABLE,
  period_id     bigint NOT NULL REFERENCES period(id) DEFERRABLE,
  area_id       bigint NOT NULL REFERENCES area(id) DEFERRABLE,
  sex           text NOT NULL DEFAULT 'T' CHECK (sex IN ('T','K','M')),
  value         double precision,
  missing       bigint NOT NULL DEFAULT 0 CHECK (missing IN (0,1)),
  source        text NOT NULL,
  derived       bigint NOT NULL DEFAULT 0 CHECK (derived IN (0,1)),
  example       bigint NOT NULL DEFAULT 0 CHECK (example IN (0,1)),
  UNIQUE (indicator_id, period_id, area_id, sex),
  CHECK ((value IS NULL) = (missing = 1))
);
CREATE INDEX outcome_period_area ON outcome(period_id, area_id);

-- Follow-up ---------------------------------------------------------------------------------
CREATE TABLE app_user (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  org_id      bigint REFERENCES organisation(id) DEFERRABLE,
  role        text NOT NULL CHECK (role IN ('admin','city','editor','reader')),
  pw_hash     text,
  disabled    bigint NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
  created_at  text NOT NULL,
  CHECK (role <> 'editor' OR org_id IS NOT NULL)
);

CREATE TABLE api_token (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES app_user(id) ON DELETE CASCADE DEFERRABLE,
  label       text,
  token_hash  text NOT NULL UNIQUE,
  created_at  text NOT NULL,
  expires_at  text,
  revoked     bigint NOT NULL DEFAULT 0 CHECK (revoked IN (0,1))
);

CREATE TABLE report (
  id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  org_id        bigint NOT NULL REFERENCES organisation(id) DEFERRABLE,
  period_id     bigint NOT NULL REFERENCES period(id) DEFERRABLE,
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','approved','returned')),
  forecast      text,
  comment       text,
  submitted_by  bigint REFERENCES app_user(id) DEFERRABLE,
  submitted_at  text,
  decided_by    bigint REFERENCES app_user(id) DEFERRABLE,
  decided_at    text,
  UNIQUE (org_id, period_id)
);

CREATE TABLE assessment (
  report_id   bigint NOT NULL REFERENCES report(id) ON DELETE CASCADE DEFERRABLE,
  goal_id     bigint NOT NULL REFERENCES goal(id) DEFERRABLE,
  assessment  text NOT NULL DEFAULT 'none' CHECK (assessment IN ('fulfilled','partly','not','none')),
  analysis    text,
  PRIMARY KEY (report_id, goal_id)
);

CREATE TABLE activity_update (
  report_id    bigint NOT NULL REFERENCES report(id) ON DELETE CASCADE DEFERRABLE,
  activity_id  bigint NOT NULL REFERENCES activity(id) DEFERRABLE,
  status       text NOT NULL CHECK (status IN ('planned','ongoing','done','waiting','cancelled')),
  comment      text,
  PRIMARY KEY (report_id, activity_id)
);

-- The commission ------------------------------------------------------------------------------
CREATE TABLE commission_report (
  id      bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  key     text NOT NULL UNIQUE,
  title   text NOT NULL,
  year    bigint,
  source  text
);

CREATE TABLE commission_report_alias (
  report_id  bigint NOT NULL REFERENCES commission_report(id) ON DELETE CASCADE DEFERRABLE,
  alias      text NOT NULL,
  PRIMARY KEY (report_id, alias)
);

CREATE TABLE recommendation (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  report_id  bigint NOT NULL REFERENCES commission_report(id) ON DELETE CASCADE DEFERRABLE,
  number     text NOT NULL,
  text       text,
  UNIQUE (report_id, number)
);

CREATE TABLE commission_measure (
  id                 bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  report_id          bigint NOT NULL REFERENCES commission_report(id) ON DELETE CASCADE DEFERRABLE,
  recommendation_id  bigint REFERENCES recommendation(id) DEFERRABLE,
  number             text NOT NULL,
  text               text,
  UNIQUE (report_id, number)
);

CREATE TABLE response (
  id             bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  measure_id     bigint NOT NULL REFERENCES commission_measure(id) ON DELETE CASCADE DEFERRABLE,
  org_id         bigint NOT NULL REFERENCES organisation(id) DEFERRABLE,
  no_response    bigint NOT NULL DEFAULT 0 CHECK (no_response IN (0,1)),
  stance         text NOT NULL DEFAULT 'none' CHECK (stance IN ('agree','positive','hesitant','disagree','none')),
  stance_phrase  text,
  UNIQUE (measure_id, org_id)
);

CREATE TABLE response_part (
  response_id  bigint NOT NULL REFERENCES response(id) ON DELETE CASCADE DEFERRABLE,
  ord          bigint NOT NULL,
  label        text NOT NULL,
  text         text NOT NULL,
  PRIMARY KEY (response_id, ord)
);

CREATE TABLE measure_ref (
  response_id  bigint NOT NULL REFERENCES response(id) ON DELETE CASCADE DEFERRABLE,
  measure_id   bigint NOT NULL REFERENCES commission_measure(id) DEFERRABLE,
  PRIMARY KEY (response_id, measure_id)
);

-- Resources and money ---------------------------------------------------------------------------
CREATE TABLE resource_allocation (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  org_id     bigint NOT NULL REFERENCES organisation(id) DEFERRABLE,
  area_id    bigint NOT NULL REFERENCES area(id) DEFERRABLE,
  year       bigint NOT NULL,
  amount_kr  double precision,
  staff      double precision,
  purpose    text,
  example    bigint NOT NULL DEFAULT 0 CHECK (example IN (0,1)),
  CHECK (amount_kr IS NOT NULL OR staff IS NOT NULL),
  CHECK (amount_kr IS NULL OR amount_kr >= 0),
  CHECK (staff IS NULL OR staff >= 0)
);
CREATE INDEX resource_allocation_area ON resource_allocation(area_id, year);

CREATE TABLE budget_line (
  id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  plan_version_id  bigint NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE DEFERRABLE,
  tbl              text NOT NULL,
  ord              bigint NOT NULL,
  label            text NOT NULL,
  col              text NOT NULL,
  amount_mnkr      double precision,
  UNIQUE (plan_version_id, tbl, ord, col)
);

-- Audit log ---------------------------------------------------------------------------------------
CREATE TABLE audit (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  at         text NOT NULL,
  user_id    bigint REFERENCES app_user(id) DEFERRABLE,
  actor      text NOT NULL,
  action     text NOT NULL CHECK (action IN ('insert','update','delete','load','migrate')),
  entity     text NOT NULL,
  entity_id  bigint,
  before     text,
  after      text
);
CREATE INDEX audit_entity ON audit(entity, entity_id);
