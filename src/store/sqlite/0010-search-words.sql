-- 0010-search-words.sql: a second full-text index for searches typed without å, ä and ö.
--
-- The trigram index of 0008 keeps diacritics, so "forskola" (typed on a keyboard without
-- Swedish letters) finds nothing. search_words holds the same rows (same rowid = id * 8 + kind)
-- tokenized into words by unicode61 with remove_diacritics 2: "Förskolan" is indexed as
-- "forskolan", so the prefix query "forskola"* finds it (and "förskola"* too). It matches words
-- and their beginnings only, not parts of compounds; the search page asks it for what the
-- trigram index does not find. The triggers of 0008 are replaced by ones that keep both
-- indexes current.
CREATE VIRTUAL TABLE search_words USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO search_words(rowid, title, body) SELECT rowid, title, body FROM search_index;

DROP TRIGGER search_goal_ai;
DROP TRIGGER search_goal_au;
DROP TRIGGER search_goal_ad;
DROP TRIGGER search_measure_ai;
DROP TRIGGER search_measure_au;
DROP TRIGGER search_measure_ad;
DROP TRIGGER search_activity_ai;
DROP TRIGGER search_activity_au;
DROP TRIGGER search_activity_ad;
DROP TRIGGER search_indicator_ai;
DROP TRIGGER search_indicator_au;
DROP TRIGGER search_indicator_ad;
DROP TRIGGER search_cmeasure_ai;
DROP TRIGGER search_cmeasure_au;
DROP TRIGGER search_cmeasure_ad;
DROP TRIGGER search_rpart_ai;
DROP TRIGGER search_rpart_au;
DROP TRIGGER search_rpart_ad;
DROP TRIGGER search_response_ad;

CREATE TRIGGER search_goal_ai AFTER INSERT ON goal BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 1, new.title, new.description);
  INSERT INTO search_words(rowid, title, body) VALUES (new.id * 8 + 1, new.title, new.description);
END;
CREATE TRIGGER search_goal_au AFTER UPDATE OF id, title, description ON goal BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
  DELETE FROM search_words WHERE rowid = old.id * 8 + 1;
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 1, new.title, new.description);
  INSERT INTO search_words(rowid, title, body) VALUES (new.id * 8 + 1, new.title, new.description);
END;
CREATE TRIGGER search_goal_ad AFTER DELETE ON goal BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
  DELETE FROM search_words WHERE rowid = old.id * 8 + 1;
END;
CREATE TRIGGER search_measure_ai AFTER INSERT ON measure BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 2, new.title, new.description);
  INSERT INTO search_words(rowid, title, body) VALUES (new.id * 8 + 2, new.title, new.description);
END;
CREATE TRIGGER search_measure_au AFTER UPDATE OF id, title, description ON measure BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
  DELETE FROM search_words WHERE rowid = old.id * 8 + 2;
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 2, new.title, new.description);
  INSERT INTO search_words(rowid, title, body) VALUES (new.id * 8 + 2, new.title, new.description);
END;
CREATE TRIGGER search_measure_ad AFTER DELETE ON measure BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
  DELETE FROM search_words WHERE rowid = old.id * 8 + 2;
END;
CREATE TRIGGER search_activity_ai AFTER INSERT ON activity BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 3, new.title, new.description);
  INSERT INTO search_words(rowid, title, body) VALUES (new.id * 8 + 3, new.title, new.description);
END;
CREATE TRIGGER search_activity_au AFTER UPDATE OF id, title, description ON activity BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
  DELETE FROM search_words WHERE rowid = old.id * 8 + 3;
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 3, new.title, new.description);
  INSERT INTO search_words(rowid, title, body) VALUES (new.id * 8 + 3, new.title, new.description);
END;
CREATE TRIGGER search_activity_ad AFTER DELETE ON activity BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
  DELETE FROM search_words WHERE rowid = old.id * 8 + 3;
END;
CREATE TRIGGER search_indicator_ai AFTER INSERT ON indicator BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 4, new.name, new.unit);
  INSERT INTO search_words(rowid, title, body) VALUES (new.id * 8 + 4, new.name, new.unit);
END;
CREATE TRIGGER search_indicator_au AFTER UPDATE OF id, name, unit ON indicator BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
  DELETE FROM search_words WHERE rowid = old.id * 8 + 4;
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 4, new.name, new.unit);
  INSERT INTO search_words(rowid, title, body) VALUES (new.id * 8 + 4, new.name, new.unit);
END;
CREATE TRIGGER search_indicator_ad AFTER DELETE ON indicator BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
  DELETE FROM search_words WHERE rowid = old.id * 8 + 4;
END;
CREATE TRIGGER search_cmeasure_ai AFTER INSERT ON commission_measure BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 6, new.number || ' ' || coalesce(new.text, ''), NULL);
  INSERT INTO search_words(rowid, title, body) VALUES (new.id * 8 + 6, new.number || ' ' || coalesce(new.text, ''), NULL);
END;
CREATE TRIGGER search_cmeasure_au AFTER UPDATE OF id, number, text ON commission_measure BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
  DELETE FROM search_words WHERE rowid = old.id * 8 + 6;
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 6, new.number || ' ' || coalesce(new.text, ''), NULL);
  INSERT INTO search_words(rowid, title, body) VALUES (new.id * 8 + 6, new.number || ' ' || coalesce(new.text, ''), NULL);
END;
CREATE TRIGGER search_cmeasure_ad AFTER DELETE ON commission_measure BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
  DELETE FROM search_words WHERE rowid = old.id * 8 + 6;
END;
CREATE TRIGGER search_rpart_ai AFTER INSERT ON response_part BEGIN
  DELETE FROM search_index WHERE rowid = new.response_id * 8 + 5;
  DELETE FROM search_words WHERE rowid = new.response_id * 8 + 5;
  INSERT INTO search_index(rowid, title, body)
    SELECT new.response_id * 8 + 5, NULL, (SELECT group_concat(text, char(10)) FROM
      (SELECT text FROM response_part p WHERE p.response_id = new.response_id ORDER BY p.ord));
  INSERT INTO search_words(rowid, title, body)
    SELECT new.response_id * 8 + 5, NULL, (SELECT group_concat(text, char(10)) FROM
      (SELECT text FROM response_part p WHERE p.response_id = new.response_id ORDER BY p.ord));
END;
CREATE TRIGGER search_rpart_au AFTER UPDATE OF response_id, ord, text ON response_part BEGIN
  DELETE FROM search_index WHERE rowid IN (old.response_id * 8 + 5, new.response_id * 8 + 5);
  DELETE FROM search_words WHERE rowid IN (old.response_id * 8 + 5, new.response_id * 8 + 5);
  INSERT INTO search_index(rowid, title, body)
    SELECT x.rid * 8 + 5, NULL, (SELECT group_concat(text, char(10)) FROM
      (SELECT text FROM response_part p WHERE p.response_id = x.rid ORDER BY p.ord))
    FROM (SELECT old.response_id AS rid UNION SELECT new.response_id) x
    WHERE EXISTS (SELECT 1 FROM response_part p WHERE p.response_id = x.rid);
  INSERT INTO search_words(rowid, title, body)
    SELECT x.rid * 8 + 5, NULL, (SELECT group_concat(text, char(10)) FROM
      (SELECT text FROM response_part p WHERE p.response_id = x.rid ORDER BY p.ord))
    FROM (SELECT old.response_id AS rid UNION SELECT new.response_id) x
    WHERE EXISTS (SELECT 1 FROM response_part p WHERE p.response_id = x.rid);
END;
CREATE TRIGGER search_rpart_ad AFTER DELETE ON response_part BEGIN
  DELETE FROM search_index WHERE rowid = old.response_id * 8 + 5;
  DELETE FROM search_words WHERE rowid = old.response_id * 8 + 5;
  INSERT INTO search_index(rowid, title, body)
    SELECT old.response_id * 8 + 5, NULL, (SELECT group_concat(text, char(10)) FROM
      (SELECT text FROM response_part p WHERE p.response_id = old.response_id ORDER BY p.ord))
    WHERE EXISTS (SELECT 1 FROM response_part p WHERE p.response_id = old.response_id);
  INSERT INTO search_words(rowid, title, body)
    SELECT old.response_id * 8 + 5, NULL, (SELECT group_concat(text, char(10)) FROM
      (SELECT text FROM response_part p WHERE p.response_id = old.response_id ORDER BY p.ord))
    WHERE EXISTS (SELECT 1 FROM response_part p WHERE p.response_id = old.response_id);
END;
CREATE TRIGGER search_response_ad AFTER DELETE ON response BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
  DELETE FROM search_words WHERE rowid = old.id * 8 + 5;
END;
