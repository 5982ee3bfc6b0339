-- 0028-search-sync.sql (PostgreSQL): one trigger function keeps search_doc (migration 0008)
-- current for every table whose search entry is made of its own row's columns, instead of
-- 0008's one plpgsql function per table, all of the same shape. Each trigger names its kind
-- and columns as trigger arguments (TG_ARGV); the entries are the same as 0008's.
--
-- search_sync(kind, title, body, more...): on a row's insert, update or delete, the old row's
-- entry (kind, OLD.id) goes and the new row's comes: its title is the column named `title`,
-- followed, for each further column named after `body`, by a space and that column's text (''
-- when NULL); its body is the column named `body` ('' names none: NULL). A trigger that fires
-- on DELETE only needs the kind alone. The columns are read by name from the row as jsonb
-- (->> gives a text column's value unchanged); a name the row lacks is an error, not a silent
-- NULL. A response's entry is its parts' text, not its own row's: search_rpart_sync (0008)
-- keeps it, and the response's delete goes through search_sync with kind 5.
CREATE FUNCTION search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k integer := TG_ARGV[0]::integer;
  r jsonb;
  t text;
BEGIN
  IF TG_OP <> 'INSERT' THEN DELETE FROM search_doc WHERE kind = k AND id = OLD.id; END IF;
  IF TG_OP <> 'DELETE' THEN
    r := to_jsonb(NEW);
    FOR a IN 1 .. TG_NARGS - 1 LOOP
      IF TG_ARGV[a] <> '' AND NOT r ? TG_ARGV[a] THEN
        RAISE EXCEPTION 'search_sync on %: no column %', TG_TABLE_NAME, TG_ARGV[a];
      END IF;
    END LOOP;
    t := r ->> TG_ARGV[1];
    FOR a IN 3 .. TG_NARGS - 1 LOOP
      t := t || ' ' || coalesce(r ->> TG_ARGV[a], '');
    END LOOP;
    PERFORM search_put(k, NEW.id, t, r ->> nullif(TG_ARGV[2], ''));
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER search_goal ON goal;
DROP TRIGGER search_measure ON measure;
DROP TRIGGER search_activity ON activity;
DROP TRIGGER search_indicator ON indicator;
DROP TRIGGER search_cmeasure ON commission_measure;
DROP TRIGGER search_response ON response;
DROP FUNCTION search_goal_sync();
DROP FUNCTION search_measure_sync();
DROP FUNCTION search_activity_sync();
DROP FUNCTION search_indicator_sync();
DROP FUNCTION search_cmeasure_sync();
DROP FUNCTION search_response_sync();

-- The same names, events and columns as 0008's triggers.
CREATE TRIGGER search_goal AFTER INSERT OR DELETE OR UPDATE OF id, title, description ON goal
  FOR EACH ROW EXECUTE FUNCTION search_sync('1', 'title', 'description');
CREATE TRIGGER search_measure AFTER INSERT OR DELETE OR UPDATE OF id, title, description ON measure
  FOR EACH ROW EXECUTE FUNCTION search_sync('2', 'title', 'description');
CREATE TRIGGER search_activity AFTER INSERT OR DELETE OR UPDATE OF id, title, description ON activity
  FOR EACH ROW EXECUTE FUNCTION search_sync('3', 'title', 'description');
CREATE TRIGGER search_indicator AFTER INSERT OR DELETE OR UPDATE OF id, name, unit ON indicator
  FOR EACH ROW EXECUTE FUNCTION search_sync('4', 'name', 'unit');
CREATE TRIGGER search_cmeasure AFTER INSERT OR DELETE OR UPDATE OF id, number, text ON commission_measure
  FOR EACH ROW EXECUTE FUNCTION search_sync('6', 'number', '', 'text');
CREATE TRIGGER search_response AFTER DELETE ON response
  FOR EACH ROW EXECUTE FUNCTION search_sync('5');
