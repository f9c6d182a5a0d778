--
-- persona.match with a ruleset read from a table, row by row: compressed
-- in line or stored out of line, the matcher is checked against the
-- ruleset's header alone and rebuilt only when the ruleset changes.
--
CREATE TEMP TABLE stored (name text, r persona.ruleset);
CREATE TEMP TABLE stored_external (name text, r persona.ruleset);
ALTER TABLE stored_external ALTER COLUMN r SET STORAGE EXTERNAL;
-- Two rulesets of about 10 kB each, one profile apiece, told apart by name.
INSERT INTO stored
SELECT 'ruleset ' || n,
       format($${"format":1,"version":%s,"buying_functions":null,
         "profiles":[{"key":"seller","name":"Seller %s","priority":0,"min_score":0.5,
           "title_keywords":[%s,"sales manager"]}],
         "lexicon":[],"roles":[],"role_rules":[]}$$,
              n, n, (SELECT string_agg(format('"keyword %s %s"', n, g), ',')
                     FROM generate_series(1, 400) g))::persona.ruleset
FROM generate_series(1, 2) n;
INSERT INTO stored_external SELECT name, r::text::persona.ruleset FROM stored;

SELECT s.name, pg_column_compression(s.r) IS NOT NULL AS compressed,
       pg_column_compression(e.r) IS NULL AS external_not_compressed
FROM stored s JOIN stored_external e USING (name) ORDER BY 1;
SELECT pg_relation_size(reltoastrelid) > 0 AS external_out_of_line
FROM pg_class WHERE oid = 'stored_external'::regclass;

CREATE TEMP TABLE titles (title text);
INSERT INTO titles VALUES ('Sales Manager'), ('Keyword 2 17'), ('Keyword 1 400'), ('Nurse');

-- The function scan keeps its call site for every row, and rows alternate
-- between the two rulesets: each must be matched with its own.
SELECT t.title, s.name, m.persona, m.persona_name, m.score, m.ruleset_version
FROM titles t CROSS JOIN stored s, persona.match(s.r, t.title) m
ORDER BY t.title, s.name;
SELECT t.title, s.name, m.persona, m.persona_name, m.score, m.ruleset_version
FROM titles t CROSS JOIN stored_external s, persona.match(s.r, t.title) m
ORDER BY t.title, s.name;
