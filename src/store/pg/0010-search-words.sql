-- 0010-search-words.sql (PostgreSQL): searching without å, ä and ö, the counterpart of SQLite's
-- FTS5 words index (unicode61 with diacritics removed).
--
-- `bare` is search_doc's text case-folded and without diacritics (unaccent: "Förskolan" becomes
-- "forskolan"), with a trigram GIN index. store_search asks it for what the folded text does not
-- find: rows where every word of the query begins a word of the text, so "forskola" finds
-- "Förskolan" (and "förskola" too), but not "Introduktionsförskolan": words match from their
-- beginning, as in SQLite's index. LIKE on the index narrows the rows, lup_word_regex decides.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- lup_unaccent: unaccent() is only STABLE (it reads its dictionary by name at run time); this
-- wrapper names the dictionary by its OID (resolved when the function is created), so it can
-- be IMMUTABLE and indexed. lup_bare: case-folded and unaccented.
CREATE FUNCTION lup_unaccent(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN public.unaccent('public.unaccent'::regdictionary, t);
CREATE FUNCTION lup_bare(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lup_unaccent(lup_fold(t));

ALTER TABLE search_doc ADD COLUMN bare text
  GENERATED ALWAYS AS (lup_bare(coalesce(title, '') || chr(10) || coalesce(body, ''))) STORED;
CREATE INDEX search_doc_bare ON search_doc USING gin (bare gin_trgm_ops);

-- lup_word_like: the LIKE pattern that a row's `bare` text matches when the query word whose
-- tokens (letters and digits, separated by single spaces) are given begins one of its words:
-- the first token anywhere (\, % and _ escaped). lup_word_regex: the regular expression that
-- decides it: the tokens, case-folded and unaccented, from the start of a word, one after the
-- other with anything but letters and digits between them (FTS5's prefix phrase). Use it under
-- COLLATE sv, so that [[:alnum:]] knows letters beyond ASCII.
CREATE FUNCTION lup_word_like(tokens text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN '%' || regexp_replace(split_part(lup_bare(tokens), ' ', 1), '([\\%_])', '\\\1', 'g') || '%';
CREATE FUNCTION lup_word_regex(tokens text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN '(^|[^[:alnum:]])' || replace(regexp_replace(lup_bare(tokens), '([][\\^$.|?*+(){}])', '\\\1', 'g'),
    ' ', '[^[:alnum:]]+');
