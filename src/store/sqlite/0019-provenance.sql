-- 0019-provenance.sql: where an imported row came from.
--
-- source_doc is one imported document: its name as given (the file's name without directories,
-- or the uploaded file's name), the SHA-256 of its bytes (lowercase hex), its size, the importer
-- kind, and who imported it when (the first time; importing the same bytes under the same name
-- again reuses the row). provenance ties one row of a table to the document and the line range
-- it came from; a later import of the row replaces its provenance. The rows named by
-- (entity, entity_id) are not foreign keys (one table for many): a trigger per table drops a
-- row's provenance when the row goes (also through ON DELETE CASCADE), and `lup check` reports
-- any left behind (CHECK_PROVENANCE_ORPHAN).
CREATE TABLE source_doc (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  bytes        INTEGER NOT NULL CHECK (bytes >= 0),
  kind         TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  user_id      INTEGER REFERENCES app_user(id),
  actor        TEXT,
  UNIQUE (sha256, name)
);

CREATE TABLE provenance (
  entity     TEXT NOT NULL CHECK (entity IN ('goal','indicator','activity','measure','response',
               'recommendation','commission_measure','theme','lup_section','plan_partner',
               'budget_line')),
  entity_id  INTEGER NOT NULL,
  doc_id     INTEGER NOT NULL REFERENCES source_doc(id),
  line_from  INTEGER NOT NULL CHECK (line_from >= 1),
  line_to    INTEGER NOT NULL CHECK (line_to >= line_from),
  PRIMARY KEY (entity, entity_id)
) WITHOUT ROWID;
CREATE INDEX provenance_doc ON provenance(doc_id);

CREATE TRIGGER goal_provenance_gone AFTER DELETE ON goal BEGIN
  DELETE FROM provenance WHERE entity = 'goal' AND entity_id = old.id;
END;
CREATE TRIGGER indicator_provenance_gone AFTER DELETE ON indicator BEGIN
  DELETE FROM provenance WHERE entity = 'indicator' AND entity_id = old.id;
END;
CREATE TRIGGER activity_provenance_gone AFTER DELETE ON activity BEGIN
  DELETE FROM provenance WHERE entity = 'activity' AND entity_id = old.id;
END;
CREATE TRIGGER measure_provenance_gone AFTER DELETE ON measure BEGIN
  DELETE FROM provenance WHERE entity = 'measure' AND entity_id = old.id;
END;
CREATE TRIGGER response_provenance_gone AFTER DELETE ON response BEGIN
  DELETE FROM provenance WHERE entity = 'response' AND entity_id = old.id;
END;
CREATE TRIGGER recommendation_provenance_gone AFTER DELETE ON recommendation BEGIN
  DELETE FROM provenance WHERE entity = 'recommendation' AND entity_id = old.id;
END;
CREATE TRIGGER commission_measure_provenance_gone AFTER DELETE ON commission_measure BEGIN
  DELETE FROM provenance WHERE entity = 'commission_measure' AND entity_id = old.id;
END;
CREATE TRIGGER theme_provenance_gone AFTER DELETE ON theme BEGIN
  DELETE FROM provenance WHERE entity = 'theme' AND entity_id = old.id;
END;
CREATE TRIGGER lup_section_provenance_gone AFTER DELETE ON lup_section BEGIN
  DELETE FROM provenance WHERE entity = 'lup_section' AND entity_id = old.id;
END;
CREATE TRIGGER plan_partner_provenance_gone AFTER DELETE ON plan_partner BEGIN
  DELETE FROM provenance WHERE entity = 'plan_partner' AND entity_id = old.id;
END;
CREATE TRIGGER budget_line_provenance_gone AFTER DELETE ON budget_line BEGIN
  DELETE FROM provenance WHERE entity = 'budget_line' AND entity_id = old.id;
END;
