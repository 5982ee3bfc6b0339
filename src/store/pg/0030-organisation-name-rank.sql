-- 0030-organisation-name-rank.sql (PostgreSQL): each organisation's place in the order of the
-- organisations' names (COLLATE sv), kept by a trigger, for the long lists sorted by their
-- owner's name (a district's activities, the contributions to a district). Sorting such a list
-- by the name itself makes PostgreSQL build an ICU sort key for every row (its abbreviated
-- keys), a third of the list's statement when most rows share one of a few owners; sorting by
-- the rank is an integer comparison. rank() gives names that compare equal the same rank, so
-- the order, ties included, is that of ORDER BY name COLLATE sv. A table of its own (not a
-- column of organisation) because SQLite does not need it. A table named derived_ is kept by
-- triggers from other tables, as the search index is: `lup copy` and the schema comparison
-- leave both out, and a copy into PostgreSQL fills it through the trigger.
CREATE TABLE derived_org_name_rank (
  organisation_id bigint PRIMARY KEY,
  rank integer NOT NULL
);

-- derived_org_name_rank_sync(): the ranks made anew after a statement that adds, removes or
-- renames organisations. The lock makes two such transactions take turns: the second's
-- statements, each with a snapshot of its own (READ COMMITTED), then see the first's rows. Plain
-- readers are not blocked (EXCLUSIVE does not conflict with ACCESS SHARE).
CREATE FUNCTION derived_org_name_rank_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE derived_org_name_rank IN EXCLUSIVE MODE;
  DELETE FROM derived_org_name_rank r
    WHERE NOT EXISTS (SELECT 1 FROM organisation o WHERE o.id = r.organisation_id);
  INSERT INTO derived_org_name_rank (organisation_id, rank)
    SELECT id, rank() OVER (ORDER BY name COLLATE sv) FROM organisation
    ON CONFLICT (organisation_id) DO UPDATE SET rank = EXCLUDED.rank
    WHERE derived_org_name_rank.rank IS DISTINCT FROM EXCLUDED.rank;
  RETURN NULL;
END $$;

CREATE TRIGGER derived_org_name_rank AFTER INSERT OR DELETE OR UPDATE OF name ON organisation
  FOR EACH STATEMENT EXECUTE FUNCTION derived_org_name_rank_sync();
CREATE TRIGGER derived_org_name_rank_truncate AFTER TRUNCATE ON organisation
  FOR EACH STATEMENT EXECUTE FUNCTION derived_org_name_rank_sync();

INSERT INTO derived_org_name_rank (organisation_id, rank)
  SELECT id, rank() OVER (ORDER BY name COLLATE sv) FROM organisation;
