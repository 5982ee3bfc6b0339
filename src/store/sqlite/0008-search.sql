-- 0008-search.sql: the full-text index behind the search page (/sok, docs/web-follow.md).
--
-- One FTS5 table holds the searchable text of goals, measures (LUP), activities, indicators,
-- the commission's measures and the administrations' responses. The trigram tokenizer folds
-- case (also Å, Ä, Ö) and keeps diacritics, and it matches any part of a word: "förskola"
-- finds "Förskolan" and "Introduktionsförskolan" (Swedish compounds), "forskola" does not.
-- Terms shorter than three characters match nothing; the search page drops them.
--
-- rowid = id * 8 + kind, kind: 1 goal, 2 measure, 3 activity, 4 indicator, 5 response,
-- 6 commission measure. A response's body is its parts' text in order, joined by newlines.
-- Triggers keep the index current on every insert, update and delete of those tables.
CREATE VIRTUAL TABLE search_index USING fts5(title, body, tokenize = 'trigram');

INSERT INTO search_index(rowid, title, body) SELECT id * 8 + 1, title, description FROM goal;
INSERT INTO search_index(rowid, title, body) SELECT id * 8 + 2, title, description FROM measure;
INSERT INTO search_index(rowid, title, body) SELECT id * 8 + 3, title, description FROM activity;
INSERT INTO search_index(rowid, title, body) SELECT id * 8 + 4, name, unit FROM indicator;
INSERT INTO search_index(rowid, title, body)
  SELECT r.id * 8 + 5, NULL, (SELECT group_concat(text, char(10)) FROM
    (SELECT text FROM response_part p WHERE p.response_id = r.id ORDER BY p.ord))
  FROM response r WHERE EXISTS (SELECT 1 FROM response_part p WHERE p.response_id = r.id);
INSERT INTO search_index(rowid, title, body)
  SELECT id * 8 + 6, number || ' ' || coalesce(text, ''), NULL FROM commission_measure;

CREATE TRIGGER search_goal_ai AFTER INSERT ON goal BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 1, new.title, new.description);
END;
CREATE TRIGGER search_goal_au AFTER UPDATE OF id, title, description ON goal BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 1, new.title, new.description);
END;
CREATE TRIGGER search_goal_ad AFTER DELETE ON goal BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER search_measure_ai AFTER INSERT ON measure BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 2, new.title, new.description);
END;
CREATE TRIGGER search_measure_au AFTER UPDATE OF id, title, description ON measure BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 2, new.title, new.description);
END;
CREATE TRIGGER search_measure_ad AFTER DELETE ON measure BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER search_activity_ai AFTER INSERT ON activity BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 3, new.title, new.description);
END;
CREATE TRIGGER search_activity_au AFTER UPDATE OF id, title, description ON activity BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 3, new.title, new.description);
END;
CREATE TRIGGER search_activity_ad AFTER DELETE ON activity BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;

CREATE TRIGGER search_indicator_ai AFTER INSERT ON indicator BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 4, new.name, new.unit);
END;
CREATE TRIGGER search_indicator_au AFTER UPDATE OF id, name, unit ON indicator BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 4, new.name, new.unit);
END;
CREATE TRIGGER search_indicator_ad AFTER DELETE ON indicator BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
END;

CREATE TRIGGER search_cmeasure_ai AFTER INSERT ON commission_measure BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 6, new.number || ' ' || coalesce(new.text, ''), NULL);
END;
CREATE TRIGGER search_cmeasure_au AFTER UPDATE OF id, number, text ON commission_measure BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
  INSERT INTO search_index(rowid, title, body) VALUES (new.id * 8 + 6, new.number || ' ' || coalesce(new.text, ''), NULL);
END;
CREATE TRIGGER search_cmeasure_ad AFTER DELETE ON commission_measure BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
END;

-- A response's entry is rebuilt from all its parts whenever one of them changes; a response
-- without parts has none.
CREATE TRIGGER search_rpart_ai AFTER INSERT ON response_part BEGIN
  DELETE FROM search_index WHERE rowid = new.response_id * 8 + 5;
  INSERT INTO search_index(rowid, title, body)
    SELECT new.response_id * 8 + 5, NULL, (SELECT group_concat(text, char(10)) FROM
      (SELECT text FROM response_part p WHERE p.response_id = new.response_id ORDER BY p.ord));
END;
CREATE TRIGGER search_rpart_au AFTER UPDATE OF response_id, ord, text ON response_part BEGIN
  DELETE FROM search_index WHERE rowid IN (old.response_id * 8 + 5, new.response_id * 8 + 5);
  INSERT INTO search_index(rowid, title, body)
    SELECT x.rid * 8 + 5, NULL, (SELECT group_concat(text, char(10)) FROM
      (SELECT text FROM response_part p WHERE p.response_id = x.rid ORDER BY p.ord))
    FROM (SELECT old.response_id AS rid UNION SELECT new.response_id) x
    WHERE EXISTS (SELECT 1 FROM response_part p WHERE p.response_id = x.rid);
END;
CREATE TRIGGER search_rpart_ad AFTER DELETE ON response_part BEGIN
  DELETE FROM search_index WHERE rowid = old.response_id * 8 + 5;
  INSERT INTO search_index(rowid, title, body)
    SELECT old.response_id * 8 + 5, NULL, (SELECT group_concat(text, char(10)) FROM
      (SELECT text FROM response_part p WHERE p.response_id = old.response_id ORDER BY p.ord))
    WHERE EXISTS (SELECT 1 FROM response_part p WHERE p.response_id = old.response_id);
END;
CREATE TRIGGER search_response_ad AFTER DELETE ON response BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
END;
