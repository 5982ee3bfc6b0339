-- 0008-search.sql (PostgreSQL): the text behind the search page (/sok, store_search in
-- src/store/search-pg.c), the counterpart of SQLite's FTS5 trigram index.
--
-- search_doc holds one row per searchable thing: kind 1 goal, 2 measure (LUP), 3 activity,
-- 4 indicator, 5 response, 6 commission measure, with id its row's id, and title and body
-- as SQLite's search_index has them (a response's body is its parts' text in order, joined by
-- newlines; a response without parts has no row). `folded` is title and body case-folded
-- (lup_fold: lower() in Swedish, so Å, Ä and Ö fold as well; diacritics kept) with a trigram
-- GIN index (pg_trgm), so LIKE '%word%' finds parts of words: "förskola" finds "Förskolan" and
-- "Introduktionsförskolan". Triggers keep it current on every insert, update and delete.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- lup_fold: text in lower case by the Swedish rules (lower() under the cluster's C collation
-- would fold ASCII only). Immutable, so that it can be indexed.
CREATE FUNCTION lup_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(t COLLATE sv);

CREATE TABLE search_doc (
  kind integer NOT NULL CHECK (kind BETWEEN 1 AND 6),
  id bigint NOT NULL,
  title text,
  body text,
  folded text GENERATED ALWAYS AS (lup_fold(coalesce(title, '') || chr(10) || coalesce(body, ''))) STORED,
  PRIMARY KEY (kind, id)
);
CREATE INDEX search_doc_folded ON search_doc USING gin (folded gin_trgm_ops);

INSERT INTO search_doc(kind, id, title, body) SELECT 1, id, title, description FROM goal;
INSERT INTO search_doc(kind, id, title, body) SELECT 2, id, title, description FROM measure;
INSERT INTO search_doc(kind, id, title, body) SELECT 3, id, title, description FROM activity;
INSERT INTO search_doc(kind, id, title, body) SELECT 4, id, name, unit FROM indicator;
INSERT INTO search_doc(kind, id, title, body)
  SELECT 5, p.response_id, NULL, string_agg(p.text, chr(10) ORDER BY p.ord)
  FROM response_part p GROUP BY p.response_id;
INSERT INTO search_doc(kind, id, title, body)
  SELECT 6, id, number || ' ' || coalesce(text, ''), NULL FROM commission_measure;

-- search_put: the row of (kind, id) replaced by (title, body); search_response: a response's
-- row rebuilt from its parts (none without parts).
CREATE FUNCTION search_put(k integer, i bigint, t text, b text) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_doc WHERE kind = k AND id = i;
  INSERT INTO search_doc(kind, id, title, body) VALUES (k, i, t, b);
$$;
CREATE FUNCTION search_response(r bigint) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_doc WHERE kind = 5 AND id = r;
  INSERT INTO search_doc(kind, id, title, body)
    SELECT 5, r, NULL, string_agg(p.text, chr(10) ORDER BY p.ord) FROM response_part p
    WHERE p.response_id = r HAVING count(*) > 0;
$$;

-- One trigger function per table: the old row's entry goes, the new row's comes.
CREATE FUNCTION search_goal_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN DELETE FROM search_doc WHERE kind = 1 AND id = OLD.id; END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM search_put(1, NEW.id, NEW.title, NEW.description); END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION search_measure_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN DELETE FROM search_doc WHERE kind = 2 AND id = OLD.id; END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM search_put(2, NEW.id, NEW.title, NEW.description); END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION search_activity_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN DELETE FROM search_doc WHERE kind = 3 AND id = OLD.id; END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM search_put(3, NEW.id, NEW.title, NEW.description); END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION search_indicator_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN DELETE FROM search_doc WHERE kind = 4 AND id = OLD.id; END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM search_put(4, NEW.id, NEW.name, NEW.unit); END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION search_cmeasure_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN DELETE FROM search_doc WHERE kind = 6 AND id = OLD.id; END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM search_put(6, NEW.id, NEW.number || ' ' || coalesce(NEW.text, ''), NULL);
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION search_rpart_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM search_response(OLD.response_id); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM search_response(NEW.response_id); END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION search_response_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_doc WHERE kind = 5 AND id = OLD.id;
  RETURN NULL;
END $$;

CREATE TRIGGER search_goal AFTER INSERT OR DELETE OR UPDATE OF id, title, description ON goal
  FOR EACH ROW EXECUTE FUNCTION search_goal_sync();
CREATE TRIGGER search_measure AFTER INSERT OR DELETE OR UPDATE OF id, title, description ON measure
  FOR EACH ROW EXECUTE FUNCTION search_measure_sync();
CREATE TRIGGER search_activity AFTER INSERT OR DELETE OR UPDATE OF id, title, description ON activity
  FOR EACH ROW EXECUTE FUNCTION search_activity_sync();
CREATE TRIGGER search_indicator AFTER INSERT OR DELETE OR UPDATE OF id, name, unit ON indicator
  FOR EACH ROW EXECUTE FUNCTION search_indicator_sync();
CREATE TRIGGER search_cmeasure AFTER INSERT OR DELETE OR UPDATE OF id, number, text ON commission_measure
  FOR EACH ROW EXECUTE FUNCTION search_cmeasure_sync();
CREATE TRIGGER search_rpart AFTER INSERT OR DELETE OR UPDATE OF response_id, ord, text ON response_part
  FOR EACH ROW EXECUTE FUNCTION search_rpart_sync();
CREATE TRIGGER search_response AFTER DELETE ON response
  FOR EACH ROW EXECUTE FUNCTION search_response_sync();
