-- 0001-initial.sql: schema version 1 of lup (SQLite dialect).
-- Every table is described in docs/data-model.md. Enumerations are CHECK constraints so that
-- the database itself refuses a value the program does not know.

-- Applied migrations (the runner adds a row per migration)
CREATE TABLE schema_migration (
  version     INTEGER PRIMARY KEY,
  applied_at  TEXT NOT NULL
);

-- Organisations ---------------------------------------------------------------------------
CREATE TABLE organisation (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('council','city_office','district_committee',
                'district_admin','specialist_committee','specialist_admin','company_board',
                'state_agency','region','civil_society','business','network','academic',
                'commission','other_public','municipality','person','unit')),
  parent_id   INTEGER REFERENCES organisation(id),
  pair_id     INTEGER REFERENCES organisation(id),
  city_owned  INTEGER NOT NULL DEFAULT 0 CHECK (city_owned IN (0,1)),
  housing     INTEGER NOT NULL DEFAULT 0 CHECK (housing IN (0,1)),
  source      TEXT,
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK (pair_id IS NULL OR pair_id <> id)
);
CREATE INDEX organisation_kind ON organisation(kind);

CREATE TABLE org_alias (
  org_id  INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
  alias   TEXT NOT NULL,
  source  TEXT,
  PRIMARY KEY (org_id, alias)
);
CREATE INDEX org_alias_alias ON org_alias(alias);

-- Geography -------------------------------------------------------------------------------
CREATE TABLE area (
  id            INTEGER PRIMARY KEY,
  key           TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  level         TEXT NOT NULL CHECK (level IN ('municipality','district','neighbourhood','place')),
  parent_id     INTEGER REFERENCES area(id),
  code          TEXT,
  committee_id  INTEGER REFERENCES organisation(id),
  prioritised   INTEGER NOT NULL DEFAULT 0 CHECK (prioritised IN (0,1)),
  source        TEXT,
  CHECK (committee_id IS NULL OR level = 'district'),
  CHECK (prioritised = 0 OR level = 'district'),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX area_committee ON area(committee_id) WHERE committee_id IS NOT NULL;
CREATE INDEX area_parent ON area(parent_id);

CREATE TABLE area_alias (
  area_id  INTEGER NOT NULL REFERENCES area(id) ON DELETE CASCADE,
  alias    TEXT NOT NULL,
  source   TEXT,
  PRIMARY KEY (area_id, alias)
);
CREATE INDEX area_alias_alias ON area_alias(alias);

-- Plans and their versions ----------------------------------------------------------------
CREATE TABLE plan (
  id           INTEGER PRIMARY KEY,
  key          TEXT NOT NULL UNIQUE,
  kind         TEXT NOT NULL CHECK (kind IN ('lup','vp','contribution')),
  owner_id     INTEGER NOT NULL REFERENCES organisation(id),
  district_id  INTEGER REFERENCES area(id),
  title        TEXT NOT NULL,
  year_from    INTEGER NOT NULL,
  year_to      INTEGER NOT NULL,
  source       TEXT,
  CHECK (year_to >= year_from),
  CHECK (kind <> 'lup' OR district_id IS NOT NULL)
);
CREATE INDEX plan_owner ON plan(owner_id);

CREATE TABLE plan_version (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  version     INTEGER NOT NULL CHECK (version >= 1),
  status      TEXT NOT NULL CHECK (status IN ('draft','decided','revision','superseded')),
  decided_by  INTEGER REFERENCES organisation(id),
  decided_on  TEXT,
  area_scope  TEXT CHECK (area_scope IN ('none','some','all')),
  note        TEXT,
  UNIQUE (plan_id, version)
);

-- LUP content ------------------------------------------------------------------------------
CREATE TABLE lup_section (
  id               INTEGER PRIMARY KEY,
  plan_version_id  INTEGER NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE,
  ord              INTEGER NOT NULL CHECK (ord BETWEEN 1 AND 7),
  title            TEXT NOT NULL,
  body             TEXT,
  source           TEXT,
  UNIQUE (plan_version_id, ord)
);

CREATE TABLE theme (
  id               INTEGER PRIMARY KEY,
  plan_version_id  INTEGER NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE,
  ord              INTEGER NOT NULL,
  name             TEXT NOT NULL,
  description      TEXT,
  extra            INTEGER NOT NULL DEFAULT 0 CHECK (extra IN (0,1)),
  source           TEXT,
  UNIQUE (plan_version_id, name)
);

CREATE TABLE theme_alias (
  theme_id  INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
  alias     TEXT NOT NULL,
  source    TEXT,
  PRIMARY KEY (theme_id, alias)
);

CREATE TABLE theme_target_group (
  theme_id      INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
  target_group  TEXT NOT NULL,
  PRIMARY KEY (theme_id, target_group)
);

CREATE TABLE prioritised_area (
  plan_version_id  INTEGER NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE,
  area_id          INTEGER NOT NULL REFERENCES area(id),
  note             TEXT,
  source           TEXT,
  PRIMARY KEY (plan_version_id, area_id)
);

CREATE TABLE plan_partner (
  id               INTEGER PRIMARY KEY,
  plan_version_id  INTEGER NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE,
  org_id           INTEGER REFERENCES organisation(id),
  grp              TEXT NOT NULL CHECK (grp IN ('specialist','district','company','state','region',
                     'civil_society','business','residents','other')),
  label            TEXT NOT NULL,
  source           TEXT,
  UNIQUE (plan_version_id, label)
);

-- Goals -----------------------------------------------------------------------------------
CREATE TABLE goal (
  id               INTEGER PRIMARY KEY,
  key              TEXT NOT NULL UNIQUE,
  owner_id         INTEGER NOT NULL REFERENCES organisation(id),
  plan_version_id  INTEGER REFERENCES plan_version(id) ON DELETE CASCADE,
  level            TEXT NOT NULL CHECK (level IN ('inriktningsmal','verksamhetsomradesmal','namndmal','lup')),
  number           TEXT,
  parent_id        INTEGER REFERENCES goal(id),
  title            TEXT NOT NULL,
  description      TEXT,
  year             INTEGER,
  theme_id         INTEGER REFERENCES theme(id),
  area_id          INTEGER REFERENCES area(id),
  sex              TEXT CHECK (sex IN ('T','K','M')),
  horizon_year     INTEGER,
  benchmark        TEXT CHECK (benchmark IN ('city_average','district_average','absolute','direction','parity')),
  source           TEXT,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX goal_owner_year ON goal(owner_id, year);
CREATE INDEX goal_parent ON goal(parent_id);

CREATE TABLE goal_result (
  goal_id  INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
  ord      INTEGER NOT NULL,
  text     TEXT NOT NULL,
  source   TEXT,
  PRIMARY KEY (goal_id, ord)
);

-- Measures (prioriterade åtgärder) ---------------------------------------------------------
CREATE TABLE measure (
  id               INTEGER PRIMARY KEY,
  key              TEXT NOT NULL UNIQUE,
  plan_version_id  INTEGER NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE,
  ord              INTEGER NOT NULL DEFAULT 0,
  title            TEXT NOT NULL,
  description      TEXT,
  status           TEXT CHECK (status IN ('idea','prestudy','project','permanent','ended')),
  start_text       TEXT,
  source           TEXT
);
CREATE INDEX measure_plan ON measure(plan_version_id);

CREATE TABLE measure_theme (
  measure_id  INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  theme_id    INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
  PRIMARY KEY (measure_id, theme_id)
);

CREATE TABLE measure_partner (
  measure_id  INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  org_id      INTEGER NOT NULL REFERENCES organisation(id),
  role        TEXT NOT NULL CHECK (role IN ('lead','partner','support','funder')),
  source      TEXT,
  PRIMARY KEY (measure_id, org_id)
);

CREATE TABLE measure_area (
  measure_id  INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  area_id     INTEGER NOT NULL REFERENCES area(id),
  PRIMARY KEY (measure_id, area_id)
);

CREATE TABLE measure_target_group (
  measure_id    INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  target_group  TEXT NOT NULL,
  PRIMARY KEY (measure_id, target_group)
);

-- Activities --------------------------------------------------------------------------------
CREATE TABLE activity (
  id               INTEGER PRIMARY KEY,
  key              TEXT NOT NULL UNIQUE,
  plan_version_id  INTEGER REFERENCES plan_version(id) ON DELETE CASCADE,
  owner_id         INTEGER NOT NULL REFERENCES organisation(id),
  title            TEXT NOT NULL,
  description      TEXT,
  start_text       TEXT,
  start_first      INTEGER,
  start_last       INTEGER,
  start_prec       TEXT NOT NULL DEFAULT 'open' CHECK (start_prec IN ('day','month','season','year','open')),
  end_text         TEXT,
  end_first        INTEGER,
  end_last         INTEGER,
  end_prec         TEXT NOT NULL DEFAULT 'open' CHECK (end_prec IN ('day','month','season','year','open')),
  status           TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','ongoing','done','waiting','cancelled')),
  role             TEXT CHECK (role IN ('process_lead','hub','support','assist','participate','training',
                     'knowledge','consultative','follow_up','reference_group','joint_planning',
                     'investigate','collaboration','owner')),
  goal_id          INTEGER REFERENCES goal(id),
  theme_id         INTEGER REFERENCES theme(id),
  measure_id       INTEGER REFERENCES measure(id),
  source           TEXT,
  CHECK (end_last IS NULL OR start_first IS NULL OR end_last >= start_first)
);
CREATE INDEX activity_owner ON activity(owner_id);
CREATE INDEX activity_goal ON activity(goal_id);

CREATE TABLE activity_district (
  activity_id  INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  area_id      INTEGER NOT NULL REFERENCES area(id),
  PRIMARY KEY (activity_id, area_id)
);
CREATE INDEX activity_district_area ON activity_district(area_id);

CREATE TABLE activity_partner (
  activity_id  INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  org_id       INTEGER NOT NULL REFERENCES organisation(id),
  role         TEXT,
  PRIMARY KEY (activity_id, org_id)
);

-- Indicators, targets, periods, outcomes ------------------------------------------------------
CREATE TABLE indicator (
  id           INTEGER PRIMARY KEY,
  key          TEXT NOT NULL UNIQUE,
  goal_id      INTEGER REFERENCES goal(id) ON DELETE CASCADE,
  owner_id     INTEGER NOT NULL REFERENCES organisation(id),
  ord          INTEGER NOT NULL DEFAULT 0,
  name         TEXT NOT NULL,
  unit         TEXT,
  direction    TEXT NOT NULL DEFAULT 'none' CHECK (direction IN ('higher','lower','none')),
  periodicity  TEXT NOT NULL DEFAULT 'year' CHECK (periodicity IN ('tertial','year','month','quarter')),
  source_kind  TEXT NOT NULL DEFAULT 'own' CHECK (source_kind IN ('own','kolada','survey')),
  kolada_kpi   TEXT,
  by_sex       INTEGER NOT NULL DEFAULT 0 CHECK (by_sex IN (0,1)),
  by_area      INTEGER NOT NULL DEFAULT 0 CHECK (by_area IN (0,1)),
  source       TEXT,
  CHECK (source_kind <> 'kolada' OR kolada_kpi IS NOT NULL)
);
CREATE INDEX indicator_goal ON indicator(goal_id);
CREATE INDEX indicator_kpi ON indicator(kolada_kpi) WHERE kolada_kpi IS NOT NULL;

CREATE TABLE target (
  indicator_id  INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  year          INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('own','kf')),
  mode          TEXT NOT NULL CHECK (mode IN ('number','text','direction','by_committee')),
  value         REAL,
  unit          TEXT,
  text          TEXT NOT NULL,
  source        TEXT,
  PRIMARY KEY (indicator_id, year, kind),
  CHECK ((mode IN ('number','direction')) = (value IS NOT NULL))
);

CREATE TABLE period (
  id         INTEGER PRIMARY KEY,
  year       INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  kind       TEXT NOT NULL CHECK (kind IN ('T1','T2','FY')),
  first_day  TEXT NOT NULL,
  last_day   TEXT NOT NULL,
  UNIQUE (year, kind),
  CHECK (last_day >= first_day)
);

CREATE TABLE outcome (
  id            INTEGER PRIMARY KEY,
  indicator_id  INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  period_id     INTEGER NOT NULL REFERENCES period(id),
  area_id       INTEGER NOT NULL REFERENCES area(id),
  sex           TEXT NOT NULL DEFAULT 'T' CHECK (sex IN ('T','K','M')),
  value         REAL,
  missing       INTEGER NOT NULL DEFAULT 0 CHECK (missing IN (0,1)),
  source        TEXT NOT NULL,
  derived       INTEGER NOT NULL DEFAULT 0 CHECK (derived IN (0,1)),
  example       INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0,1)),
  UNIQUE (indicator_id, period_id, area_id, sex),
  CHECK ((value IS NULL) = (missing = 1))
);
CREATE INDEX outcome_period_area ON outcome(period_id, area_id);

-- Follow-up ---------------------------------------------------------------------------------
CREATE TABLE app_user (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  org_id      INTEGER REFERENCES organisation(id),
  role        TEXT NOT NULL CHECK (role IN ('admin','city','editor','reader')),
  pw_hash     TEXT,
  disabled    INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
  created_at  TEXT NOT NULL,
  CHECK (role <> 'editor' OR org_id IS NOT NULL)
);

CREATE TABLE api_token (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  label       TEXT,
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  expires_at  TEXT,
  revoked     INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0,1))
);

CREATE TABLE report (
  id            INTEGER PRIMARY KEY,
  org_id        INTEGER NOT NULL REFERENCES organisation(id),
  period_id     INTEGER NOT NULL REFERENCES period(id),
  status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','approved','returned')),
  forecast      TEXT,
  comment       TEXT,
  submitted_by  INTEGER REFERENCES app_user(id),
  submitted_at  TEXT,
  decided_by    INTEGER REFERENCES app_user(id),
  decided_at    TEXT,
  UNIQUE (org_id, period_id)
);

CREATE TABLE assessment (
  report_id   INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
  goal_id     INTEGER NOT NULL REFERENCES goal(id),
  assessment  TEXT NOT NULL DEFAULT 'none' CHECK (assessment IN ('fulfilled','partly','not','none')),
  analysis    TEXT,
  PRIMARY KEY (report_id, goal_id)
);

CREATE TABLE activity_update (
  report_id    INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
  activity_id  INTEGER NOT NULL REFERENCES activity(id),
  status       TEXT NOT NULL CHECK (status IN ('planned','ongoing','done','waiting','cancelled')),
  comment      TEXT,
  PRIMARY KEY (report_id, activity_id)
);

-- The commission ------------------------------------------------------------------------------
CREATE TABLE commission_report (
  id      INTEGER PRIMARY KEY,
  key     TEXT NOT NULL UNIQUE,
  title   TEXT NOT NULL,
  year    INTEGER,
  source  TEXT
);

CREATE TABLE commission_report_alias (
  report_id  INTEGER NOT NULL REFERENCES commission_report(id) ON DELETE CASCADE,
  alias      TEXT NOT NULL,
  PRIMARY KEY (report_id, alias)
);

CREATE TABLE recommendation (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER NOT NULL REFERENCES commission_report(id) ON DELETE CASCADE,
  number     TEXT NOT NULL,
  text       TEXT,
  UNIQUE (report_id, number)
);

CREATE TABLE commission_measure (
  id                 INTEGER PRIMARY KEY,
  report_id          INTEGER NOT NULL REFERENCES commission_report(id) ON DELETE CASCADE,
  recommendation_id  INTEGER REFERENCES recommendation(id),
  number             TEXT NOT NULL,
  text               TEXT,
  UNIQUE (report_id, number)
);

CREATE TABLE response (
  id             INTEGER PRIMARY KEY,
  measure_id     INTEGER NOT NULL REFERENCES commission_measure(id) ON DELETE CASCADE,
  org_id         INTEGER NOT NULL REFERENCES organisation(id),
  no_response    INTEGER NOT NULL DEFAULT 0 CHECK (no_response IN (0,1)),
  stance         TEXT NOT NULL DEFAULT 'none' CHECK (stance IN ('agree','positive','hesitant','disagree','none')),
  stance_phrase  TEXT,
  UNIQUE (measure_id, org_id)
);

CREATE TABLE response_part (
  response_id  INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
  ord          INTEGER NOT NULL,
  label        TEXT NOT NULL,
  text         TEXT NOT NULL,
  PRIMARY KEY (response_id, ord)
);

CREATE TABLE measure_ref (
  response_id  INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
  measure_id   INTEGER NOT NULL REFERENCES commission_measure(id),
  PRIMARY KEY (response_id, measure_id)
);

-- Resources and money ---------------------------------------------------------------------------
CREATE TABLE resource_allocation (
  id         INTEGER PRIMARY KEY,
  org_id     INTEGER NOT NULL REFERENCES organisation(id),
  area_id    INTEGER NOT NULL REFERENCES area(id),
  year       INTEGER NOT NULL,
  amount_kr  REAL,
  staff      REAL,
  purpose    TEXT,
  example    INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0,1)),
  CHECK (amount_kr IS NOT NULL OR staff IS NOT NULL),
  CHECK (amount_kr IS NULL OR amount_kr >= 0),
  CHECK (staff IS NULL OR staff >= 0)
);
CREATE INDEX resource_allocation_area ON resource_allocation(area_id, year);

CREATE TABLE budget_line (
  id               INTEGER PRIMARY KEY,
  plan_version_id  INTEGER NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE,
  tbl              TEXT NOT NULL,
  ord              INTEGER NOT NULL,
  label            TEXT NOT NULL,
  col              TEXT NOT NULL,
  amount_mnkr      REAL,
  UNIQUE (plan_version_id, tbl, ord, col)
);

-- Audit log ---------------------------------------------------------------------------------------
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user_id    INTEGER REFERENCES app_user(id),
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('insert','update','delete','load','migrate')),
  entity     TEXT NOT NULL,
  entity_id  INTEGER,
  before     TEXT,
  after      TEXT
);
CREATE INDEX audit_entity ON audit(entity, entity_id);
