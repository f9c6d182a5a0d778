--
-- Bad input: every user mistake we could think of, each with its SQLSTATE.
-- A mistake is a clean error with a precise code (22P02 for a malformed
-- literal, 22P03 for binary garbage, 23514 for a refused row, 42xxx for a
-- wrong name or type), or a sane result; never XX000, never a crash.
-- Leaves no profile, lexicon entry, setting, attached table or published
-- version behind.
--
\set VERBOSITY terse
SET client_min_messages = warning;
SELECT count(*) AS versions_before FROM persona.ruleset_version \gset

-- try(statement): 'ok' or "SQLSTATE: message" (messages cut at 120
-- chars).  What the statement did is always rolled back, so each one meets
-- the same state.
CREATE FUNCTION pg_temp.try(stmt text) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN
	EXECUTE stmt;
	RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'persona_test: rolled back';
EXCEPTION WHEN others THEN
	IF SQLERRM = 'persona_test: rolled back' THEN
		RETURN 'ok';
	END IF;
	RETURN SQLSTATE || ': ' || left(SQLERRM, 120);
END
$f$;
-- value(query): the first column of the first row as text, or the error.
CREATE FUNCTION pg_temp.value(query text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	v text;
BEGIN
	EXECUTE query INTO v;
	RETURN coalesce(v, '(null)');
EXCEPTION WHEN others THEN
	RETURN SQLSTATE || ': ' || left(SQLERRM, 120);
END
$f$;
-- ruleset(literal): what ::persona.ruleset says, with the detail.
CREATE FUNCTION pg_temp.ruleset(literal text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	detail text;
BEGIN
	PERFORM literal::persona.ruleset;
	RETURN 'accepted';
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || left(SQLERRM, 80) || coalesce(' / ' || left(nullif(detail, ''), 120), '');
END
$f$;

--
-- Title functions: NULL, wrong types, strange text.
--
SELECT persona.title_seniority(NULL) IS NULL AS seniority_null,
       persona.title_function(NULL) IS NULL AS function_null,
       persona.title_normalize(NULL) IS NULL AS normalize_null,
       (SELECT count(*) FROM persona.title_parse(NULL)) AS parse_rows,
       (SELECT count(*) FROM persona.title_explain(NULL)) AS explain_rows;
SELECT stmt, pg_temp.value(stmt) AS result
FROM (VALUES
	($$SELECT persona.title_seniority(42)$$),
	($$SELECT persona.title_seniority(ARRAY['VP Sales'])$$),
	($$SELECT persona.title_seniority('VP Sales', 'extra')$$),
	($$SELECT persona.title_function('{"title":"CEO"}'::jsonb)$$),
	($$SELECT persona.title_seniority('VP Sales'::bytea)$$),
	($$SELECT persona.title_seniority(convert_from('\xff'::bytea, 'UTF8'))$$),
	($$SELECT persona.title_seniority(E'CEO\u0000')$$),
	($$SELECT persona.title_seniority('')$$),
	($$SELECT persona.title_seniority('   ')$$),
	($$SELECT persona.title_seniority(E'\t\r\n\v\f')$$),
	($$SELECT persona.title_seniority('&&&///,,,|||')$$),
	($$SELECT persona.title_seniority('CEO' || repeat(U&'\0301', 500))$$),
	($$SELECT persona.title_seniority(repeat('Chief ', 1000) || 'Officer')$$),
	($$SELECT length(persona.title_normalize(repeat('vp ', 400)))$$),
	($$SELECT length(persona.title_normalize(repeat('cfo ', 256)))$$),
	($$SELECT persona.title_seniority(U&'\D83D\DE80 CEO \D83D\DE80')$$),
	($$SELECT persona.title_seniority('Генеральный директор')$$),
	($$SELECT persona.title_seniority(repeat('Vertriebs', 200) || 'leiter')$$),
	($$SELECT persona.title_seniority('CEO'::name)$$),
	($$SELECT persona.title_seniority('CEO'::char(50))$$)
) v(stmt);

-- Absurd sizes: only the first 1,024 bytes are read, so a 1 MB and a
-- 100 MB title finish well inside the timeout, with the short one's answer;
-- stored, compressed (c) or not (e), only the start is fetched.
CREATE TEMP TABLE huge (c text, e text);
ALTER TABLE huge ALTER COLUMN e SET STORAGE EXTERNAL;
INSERT INTO huge SELECT 'VP Sales ' || repeat('y', 100000000), 'CFO ' || repeat('z', 100000000);
SET statement_timeout = '2s';
SELECT persona.title_seniority('CEO ' || repeat('x', 1000000)) AS one_mb,
       persona.title_function('CEO ' || repeat('x', 1000000)) AS one_mb_function,
       length(persona.title_normalize(repeat('sales ', 200000))) <= 4096 AS normalized_bounded;
SELECT persona.title_seniority(c) AS hundred_mb, persona.title_function(e) AS hundred_mb_function,
       (persona.title_parse(c)).job_function AS parse, length(persona.title_normalize(e)) AS normalized,
       (SELECT count(*) FROM persona.title_explain(e)) AS explain_rows,
       (persona.match('{"format":1}'::persona.ruleset, c, department => e, industry => e, country => e)).seniority AS match
FROM huge;
-- A word longer than what is read, and the 1,024-byte boundary inside a
-- multibyte character.
SELECT persona.title_seniority(repeat('a', 1023) || 'ä CEO') IS NULL AS split_char,
       persona.title_seniority(repeat('é', 600)) IS NULL AS long_accented;
RESET statement_timeout;

--
-- Enum labels.
--
SELECT stmt, pg_temp.value(stmt) AS result
FROM (VALUES
	($$SELECT 'ceo'::persona.seniority$$),
	($$SELECT 'VP'::persona.seniority$$),
	($$SELECT ''::persona.seniority$$),
	($$SELECT 'Sales'::persona.job_function$$),
	($$SELECT 'accounting'::persona.job_function$$),
	($$SELECT '{vp,boss}'::persona.seniority[]$$),
	($$SELECT 'vp'::persona.seniority < 'sales'::persona.job_function$$),
	($$SELECT 'vp'::persona.seniority::int$$),
	($$SELECT max(s) FROM unnest('{vp,cxo,NULL,entry}'::persona.seniority[]) s$$)
) v(stmt);

--
-- Malformed ruleset literals: 22P02 with a detail naming the path.
--
SELECT left(literal, 70) AS literal, pg_temp.ruleset(literal) AS result
FROM (VALUES
	(''),
	(' '),
	('null'),
	('"a string"'),
	('42'),
	('[]'),
	('{"format":1'),
	('{"format":1}}'),
	('{"format":1,}'),
	('{"format":"1"}'),
	('{"format":1.0}'),
	('{"format":null}'),
	('{"format":1e400}'),
	('{"format":-1}'),
	('{"format":1,"format":2}'),
	('{"FORMAT":1}'),
	('{"format":1,"version":-5}'),
	('{"format":1,"version":2147483648}'),
	('{"format":1,"version":"3"}'),
	('{"format":1,"version":true}'),
	('{"format":1,"buying_functions":"sales"}'),
	('{"format":1,"buying_functions":["sales",null]}'),
	('{"format":1,"buying_functions":["sales",1]}'),
	('{"format":1,"buying_functions":["SALES"]}'),
	('{"format":1,"profiles":null,"lexicon":null,"roles":null,"role_rules":null}'),
	('{"format":1,"profiles":[null]}'),
	('{"format":1,"profiles":[[]]}'),
	('{"format":1,"profiles":["p"]}'),
	('{"format":1,"profiles":[{}]}'),
	('{"format":1,"profiles":[{"key":"","name":"P","functions":["it"]}]}'),
	('{"format":1,"profiles":[{"key":"1abc","name":"P","functions":["it"]}]}'),
	('{"format":1,"profiles":[{"key":"abc-d","name":"P","functions":["it"]}]}'),
	('{"format":1,"profiles":[{"key":"' || repeat('k', 64) || '","name":"P","functions":["it"]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"\u0000","functions":["it"]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"\ud800","functions":["it"]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"\t\n","functions":["it"]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":42,"functions":["it"]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["it"],"min_score":-0.1}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["it"],"min_score":"0.5"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["it"],"min_score":1e-50}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["it"],"min_score":1e999}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["it"],"priority":1.5}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["it"],"priority":-2147483649}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["it"],"match_mode":"ALL"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["it"],"match_mode":null}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":[]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["it","it"]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","seniorities":["vp"],"functions":[]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","title_keywords":[]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","title_keywords":[null]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","title_keywords":[["vp"]]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","title_keywords":["&&&"]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","employees":"empty"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","employees":"[5,1)"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","employees":"[a,b)"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","employees":"[1,2147483648)"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","employees":"[1,2147483647]"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","employees":"(,)"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","employees":"[-10,0)"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","employees":[1,10]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","employees":10}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","attributes":[]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","attributes":{}}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","attributes":{"a":null}}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","attributes":{"a":{"b":1}}}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","attributes":"plan=enterprise"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","countries":"DE"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","industries":[""]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","industries":["SaaS"],"buying_functions":["cfo"]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["it"],"goals":["x"]}]}'),
	('{"format":1,"lexicon":[{}]}'),
	('{"format":1,"lexicon":[{"term":null,"seniority":"vp"}]}'),
	('{"format":1,"lexicon":[{"term":"","seniority":"vp"}]}'),
	('{"format":1,"lexicon":[{"term":"x","canonical":" "}]}'),
	('{"format":1,"lexicon":[{"term":"x","subfunction":""}]}'),
	('{"format":1,"lexicon":[{"term":"x","seniority":"boss"}]}'),
	('{"format":1,"lexicon":[{"term":"x","job_function":["it"]}]}'),
	('{"format":1,"lexicon":[{"term":"x","seniority":"vp","note":"n"}]}'),
	('{"format":1,"roles":[{"code":"X","label":"X"}]}'),
	('{"format":1,"roles":[{"code":"x"}]}'),
	('{"format":1,"roles":[{"code":"x","label":"X","weight":1e39}]}'),
	('{"format":1,"roles":[{"code":"x","label":"X","weight":"heavy"}]}'),
	('{"format":1,"roles":[{"code":"x","label":"X","required":"yes"}]}'),
	('{"format":1,"roles":[{"code":"x","label":"X","display_order":2.5}]}'),
	('{"format":1,"roles":[{"code":"x","label":"X"},{"code":"x","label":"Y"}]}'),
	('{"format":1,"roles":[{"code":"x","label":"X"}],"role_rules":[{}]}'),
	('{"format":1,"roles":[{"code":"x","label":"X"}],"role_rules":[{"role":"x","buying_function":1}]}'),
	('{"format":1,"roles":[{"code":"x","label":"X"}],"role_rules":[{"role":"x","min_employees":-1,"max_employees":-1}]}'),
	('{"format":1,"roles":[{"code":"x","label":"X"}],"role_rules":[{"role":"x","max_employees":1e10}]}'),
	('{"format":1,"roles":[{"code":"x","label":"X"}],"role_rules":[{"role":"x","seniorities":["vp","x"]}]}'),
	(repeat('[', 10000) || repeat(']', 10000)),
	('{"format":1,"profiles":[{"key":"p","name":"P","attributes":' || repeat('{"a":', 5000) || '1' || repeat('}', 5000) || '}]}')
) v(literal);

-- Big but legal: a keyword list of 100,000 items, a ruleset of 10,000
-- profiles built with SQL; one item more than the limit is refused.
SET statement_timeout = '20s';
SELECT pg_temp.value($$SELECT length(r::text) > 0 FROM (SELECT json_build_object('format', 1, 'profiles',
	json_build_array(json_build_object('key', 'many', 'name', 'Many', 'title_keywords',
		(SELECT json_agg('keyword ' || g) FROM generate_series(1, 100000) g))))::text::persona.ruleset AS r) s$$) AS hundred_thousand_keywords,
       pg_temp.value($$SELECT json_build_object('format', 1, 'profiles',
	json_build_array(json_build_object('key', 'many', 'name', 'Many', 'title_keywords',
		(SELECT json_agg('keyword ' || g) FROM generate_series(1, 100001) g))))::text::persona.ruleset IS NOT NULL$$) AS one_too_many;
CREATE TEMP TABLE big_ruleset AS
SELECT json_build_object('format', 1, 'version', 1, 'profiles',
	(SELECT json_agg(json_build_object('key', 'p' || g, 'name', 'Profile ' || g,
		'title_keywords', json_build_array('keyword' || g, 'vp sales'),
		'seniorities', json_build_array('vp', 'head'), 'employees', '[' || g || ',' || (g + 100) || ')',
		'priority', g % 7))
	 FROM generate_series(1, 10000) g))::text::persona.ruleset AS r;
SELECT persona.ruleset_version(r) AS version,
       length(r::text) > 1000000 AS large,
       r::text::persona.ruleset OPERATOR(persona.=) r AS round_trip,
       (persona.match(r, 'VP Sales', employees => 5000)).persona AS best
FROM big_ruleset;
RESET statement_timeout;

--
-- Binary garbage through persona.ruleset_recv: COPY (FORMAT binary) of a
-- bytea column into a ruleset column.  22P03 with the field, never a crash.
--
CREATE TEMP TABLE raw_bytes (b bytea);
CREATE TEMP TABLE received (r persona.ruleset);
CREATE FUNCTION pg_temp.receive(bytes bytea) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	detail text;
	r persona.ruleset;
BEGIN
	BEGIN
		TRUNCATE raw_bytes, received;
		INSERT INTO raw_bytes VALUES (bytes);
		EXECUTE format('COPY raw_bytes TO %L WITH (FORMAT binary)', current_setting('persona_test.copy_file'));
		EXECUTE format('COPY received FROM %L WITH (FORMAT binary)', current_setting('persona_test.copy_file'));
		SELECT received.r INTO r FROM received;
	EXCEPTION WHEN others THEN
		GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
		RETURN SQLSTATE || ': ' || left(SQLERRM, 60) || coalesce(' / ' || left(nullif(detail, ''), 90), '');
	END;
	-- an accepted value must read back from its own text
	IF r::text::persona.ruleset OPERATOR(persona.=) r THEN
		RETURN 'accepted, round trip ok';
	END IF;
	RETURN 'accepted, but its text reads back to another value: ' || left(r::text, 60);
EXCEPTION WHEN others THEN
	RETURN 'accepted, but its text is refused: ' || SQLSTATE || ': ' || left(SQLERRM, 60);
END
$f$;
SELECT set_config('persona_test.copy_file', '/tmp/persona_bad_input_' || pg_backend_pid() || '.copy', false) IS NOT NULL AS ok;
-- The send form of {"format":1,"profiles":[{"key":"p","name":"P","attributes":{"a":"bc"}}]}
-- (79 bytes): format byte; version (2-5); buying_functions flag (6); 1
-- profile (7-10): key length and "p" (11-15), name (16-20), priority
-- (21-24), min_score (25-28), mode (29), keyword and exclude counts
-- (30-37), seniorities and functions flags (38, 39), industries (40-43),
-- employees: none (44-47), countries (48-51), attributes: 11 bytes
-- (52-66), buying_functions flag (67); then the lexicon (68-71), roles
-- (72-75) and role_rules (76-79) counts.
SELECT persona.ruleset_send('{"format":1,"profiles":[{"key":"p","name":"P","attributes":{"a":"bc"}}]}')
     = '\x0100000000000000000100000001700000000150000000003f000000000000000000000000000000000000ffffffff000000000000000b7b2261223a20226263227d00000000000000000000000000'::bytea AS layout_as_documented;
WITH base(b) AS (SELECT '\x0100000000000000000100000001700000000150000000003f000000000000000000000000000000000000ffffffff000000000000000b7b2261223a20226263227d00000000000000000000000000'::bytea)
SELECT what, pg_temp.receive(bytes) AS result
FROM base, LATERAL (VALUES
	('the value itself', b),
	('only the format byte', '\x01'::bytea),
	('format 0', '\x00'::bytea || substr(b, 2)),
	('format 255', '\xff'::bytea || substr(b, 2)),
	('negative version', overlay(b placing '\xffffffff'::bytea from 2 for 4)),
	('buying_functions flag 2', overlay(b placing '\x02'::bytea from 6 for 1)),
	('profile count 0xffffffff', overlay(b placing '\xffffffff'::bytea from 7 for 4)),
	('profile count 100001', overlay(b placing '\x000186a1'::bytea from 7 for 4)),
	('profile count 2, one profile', overlay(b placing '\x00000002'::bytea from 7 for 4)),
	('key length past the end', overlay(b placing '\x7fffffff'::bytea from 11 for 4)),
	('key NULL (0xffffffff)', overlay(b placing '\xffffffff'::bytea from 11 for 4)),
	('key with a zero byte', overlay(b placing '\x00'::bytea from 15 for 1)),
	('key not a slug', overlay(b placing 'P'::bytea from 15 for 1)),
	('name invalid UTF-8', overlay(b placing '\xff'::bytea from 20 for 1)),
	('name a lone continuation byte', overlay(b placing '\x80'::bytea from 20 for 1)),
	('name a surrogate', overlay(b placing '\x00000003eda080'::bytea from 16 for 5)),
	('min_score NaN', overlay(b placing '\x7fc00000'::bytea from 25 for 4)),
	('min_score infinity', overlay(b placing '\x7f800000'::bytea from 25 for 4)),
	('min_score -0', overlay(b placing '\x80000000'::bytea from 25 for 4)),
	('match mode 2', overlay(b placing '\x02'::bytea from 29 for 1)),
	('seniority bits beyond the enum', overlay(b placing '\x0100001000'::bytea from 38 for 1)),
	('function bits beyond the enum', overlay(b placing '\x0180000000'::bytea from 39 for 1)),
	('employees not a range', overlay(b placing '\x00000003'::bytea || 'abc'::bytea from 44 for 4)),
	('employees empty range', overlay(b placing '\x00000005'::bytea || '[5,5)'::bytea from 44 for 4)),
	('employees upside down', overlay(b placing '\x00000006'::bytea || '[10,5)'::bytea from 44 for 4)),
	('attributes not JSON', overlay(b placing 'not json!!!'::bytea from 56 for 11)),
	('attributes a JSON array', overlay(b placing '[1,2,3,4,5]'::bytea from 56 for 11)),
	('attributes nested', overlay(b placing '{"a":[1,2]}'::bytea from 56 for 11)),
	('attributes injecting a key', overlay(b placing '1,"key":"q"'::bytea from 56 for 11)),
	('trailing byte', b || '\x00'::bytea),
	('truncated by one', substr(b, 1, length(b) - 1)),
	('lexicon label 127', substr(b, 1, 67) || '\x000000010000000178ffffffff7fff'::bytea || '\xffffffff0000000000000000'::bytea),
	('lexicon label -2', substr(b, 1, 67) || '\x000000010000000178fffffffffeff'::bytea || '\xffffffff0000000000000000'::bytea),
	('lexicon entry says nothing', substr(b, 1, 67) || '\x000000010000000178ffffffffffff'::bytea || '\xffffffff0000000000000000'::bytea),
	('role rule naming no role', substr(b, 1, 67) || '\x0000000000000000000000010000000178' ::bytea || '\x0000ff00000000000000000000'::bytea),
	('role rule buying_function 2', substr(b, 1, 67) || '\x00000000000000010000000178000000015800' ::bytea
		|| '\x3f80000000000000ffffffff000000010000000178000002000000000000000000000000'::bytea),
	('all bytes 0..255', (SELECT string_agg(set_byte('\x00'::bytea, 0, g), ''::bytea) FROM generate_series(0, 255) g)),
	('empty', ''::bytea)
) v(what, bytes);

--
-- Matching: wrong types, NULLs, odd values.
--
SELECT stmt, pg_temp.value(stmt) AS result
FROM (VALUES
	($$SELECT (persona.match(NULL::persona.ruleset, 'VP Sales')).persona$$),
	($$SELECT (persona.match('{"format":1}'::persona.ruleset, NULL)).persona$$),
	($$SELECT (persona.match('{"format":1}'::persona.ruleset, 'VP Sales')).seniority$$),
	($$SELECT (persona.match(42, 'VP Sales')).persona$$),
	($$SELECT (persona.match('{"format":1}'::persona.ruleset, 'VP', employees => 'many')).persona$$),
	($$SELECT (persona.match('{"format":1}'::persona.ruleset, 'VP', employees => -5)).persona$$),
	($$SELECT (persona.match('{"format":1}'::persona.ruleset, 'VP', employees => 2147483648)).persona$$),
	($$SELECT (persona.match('{"format":1}'::persona.ruleset, 'VP', attrs => '[1,2]')).persona$$),
	($$SELECT (persona.match('{"format":1}'::persona.ruleset, 'VP', attrs => 'not json')).persona$$),
	($$SELECT (persona.match('{"format":1}'::persona.ruleset, 'VP', colour => 'red')).persona$$),
	-- a keyword that normalises to nothing must not match every title
	($$SELECT (persona.match('{"format":1,"profiles":[{"key":"p","name":"P","title_keywords":["&&&"]}]}'::persona.ruleset,
		'Nurse')).persona$$),
	($$SELECT (persona.match('{"format":1,"profiles":[{"key":"p","name":"P","title_keywords":["&&&"]}]}'::persona.ruleset,
		'')).persona$$),
	($$SELECT (persona.match('{"format":1,"profiles":[{"key":"p","name":"P","attributes":{"plan":"x"}}]}'::persona.ruleset,
		'VP', attrs => '"x"')).persona$$),
	($$SELECT (persona.match('{"format":1,"profiles":[{"key":"p","name":"P","attributes":{"plan":"x"}}]}'::persona.ruleset,
		'VP', attrs => '{"plan":["x"]}')).persona$$),
	($$SELECT count(*) FROM persona.match_all(NULL::persona.ruleset, 'VP Sales')$$),
	($$SELECT count(*) FROM persona.explain(NULL::persona.ruleset, 'VP Sales')$$),
	($$SELECT persona.infer_role(NULL, 'vp', 'sales', 100, NULL)$$),
	($$SELECT persona.infer_role('{"format":1}', NULL, NULL, NULL, NULL)$$),
	($$SELECT persona.infer_role('{"format":1}', 'boss', 'sales', 100, NULL)$$),
	($$SELECT persona.ruleset_version('{"format":1}')$$),
	($$SELECT persona.ruleset_version('{"format":1,"version":2147483647}')$$),
	($$SELECT persona.compile(0)$$),
	($$SELECT persona.compile(-1)$$),
	($$SELECT persona.activate(NULL)$$),
	($$SELECT persona.activate(2147483647)$$),
	($$SELECT persona.activate(-1)$$)
) v(stmt);

--
-- The profile, lexicon, role and setting tables refuse nonsense.
--
SELECT stmt, pg_temp.try(stmt) AS result
FROM (VALUES
	($$INSERT INTO persona.profile (key, name, functions) VALUES (NULL, 'P', '{it}')$$),
	($$INSERT INTO persona.profile (key, name, functions) VALUES ('Bad Key', 'P', '{it}')$$),
	($$INSERT INTO persona.profile (key, name, functions) VALUES ('p', NULL, '{it}')$$),
	($$INSERT INTO persona.profile (key, name, functions) VALUES ('p', E' \t', '{it}')$$),
	($$INSERT INTO persona.profile (key, name, functions) VALUES ('p', 'P', '{IT}')$$),
	($$INSERT INTO persona.profile (key, name, functions) VALUES ('p', 'P', '{it,NULL}')$$),
	($$INSERT INTO persona.profile (key, name, seniorities) VALUES ('p', 'P', '{ceo}')$$),
	($$INSERT INTO persona.profile (key, name, title_keywords) VALUES ('p', 'P', '{vp,""}')$$),
	($$INSERT INTO persona.profile (key, name, title_keywords) VALUES ('p', 'P', '{vp,NULL}')$$),
	($$INSERT INTO persona.profile (key, name, title_keywords) VALUES ('p', 'P', 'vp')$$),
	($$INSERT INTO persona.profile (key, name, title_keywords) VALUES ('p', 'P', '{{vp},{cfo}}')$$),
	($$INSERT INTO persona.profile (key, name, employees) VALUES ('p', 'P', 'empty')$$),
	($$INSERT INTO persona.profile (key, name, employees) VALUES ('p', 'P', '[-5,10)')$$),
	($$INSERT INTO persona.profile (key, name, employees) VALUES ('p', 'P', '[10,5)')$$),
	($$INSERT INTO persona.profile (key, name, employees) VALUES ('p', 'P', '[1,99999999999)')$$),
	($$INSERT INTO persona.profile (key, name, attributes) VALUES ('p', 'P', '{"a":{"b":1}}')$$),
	($$INSERT INTO persona.profile (key, name, attributes) VALUES ('p', 'P', '[1]')$$),
	($$INSERT INTO persona.profile (key, name, attributes) VALUES ('p', 'P', '{"a":null}')$$),
	($$INSERT INTO persona.profile (key, name, functions, min_score) VALUES ('p', 'P', '{it}', 'NaN')$$),
	($$INSERT INTO persona.profile (key, name, functions, min_score) VALUES ('p', 'P', '{it}', '-Infinity')$$),
	($$INSERT INTO persona.profile (key, name, functions, min_score) VALUES ('p', 'P', '{it}', 1.0001)$$),
	($$INSERT INTO persona.profile (key, name, functions, match_mode) VALUES ('p', 'P', '{it}', 'any')$$),
	($$INSERT INTO persona.profile (key, name, functions, priority) VALUES ('p', 'P', '{it}', 2147483648)$$),
	($$INSERT INTO persona.profile (key, name, functions, buying_functions) VALUES ('p', 'P', '{it}', '{cfo}')$$),
	($$INSERT INTO persona.profile (key, name, functions, goals) VALUES ('p', 'P', '{it}', '{" "}')$$),
	($$INSERT INTO persona.lexicon (term, seniority) VALUES (NULL, 'vp')$$),
	($$INSERT INTO persona.lexicon (term, seniority) VALUES (' ', 'vp')$$),
	($$INSERT INTO persona.lexicon (term) VALUES ('ninja')$$),
	($$INSERT INTO persona.lexicon (term, canonical) VALUES ('ninja', '')$$),
	($$INSERT INTO persona.lexicon (term, seniority) VALUES ('ninja', 'guru')$$),
	($$INSERT INTO persona.lexicon (term, job_function) VALUES ('ninja', 'Sales')$$),
	($$INSERT INTO persona.lexicon (term, subfunction) VALUES ('ninja', E'\n')$$),
	($$INSERT INTO persona.setting (name, value) VALUES ('colour', '"red"')$$),
	($$INSERT INTO persona.setting (name, value) VALUES ('buying_functions', '"sales"')$$),
	($$INSERT INTO persona.setting (name, value) VALUES ('buying_functions', '["sales","cfo"]')$$),
	($$INSERT INTO persona.setting (name, value) VALUES ('buying_functions', '[null]')$$),
	($$INSERT INTO persona.setting (name, value) VALUES ('buying_functions', NULL)$$),
	($$INSERT INTO persona.ruleset_version (version, ruleset) VALUES (1, '{"format":1}')$$),
	($$INSERT INTO persona.ruleset_version (version, ruleset) VALUES (-1, '{"format":1,"version":-1}')$$),
	($$INSERT INTO persona.ruleset_version (version, ruleset) VALUES (5, '{"format":1,"version":6}')$$)
) v(stmt);

-- Rows the tables accept but a ruleset refuses: publish must say why.
INSERT INTO persona.profile (key, name, functions) VALUES ('ok', 'OK', '{it}');
BEGIN;
INSERT INTO persona.lexicon (term, seniority) VALUES ('ninja', 'senior');
SELECT pg_temp.try($$INSERT INTO persona.lexicon (term, seniority) VALUES ('ninja', 'vp')$$) AS same_term,
       pg_temp.try($$INSERT INTO persona.lexicon (term, seniority) VALUES ('NINJA', 'vp')$$) AS other_case;
INSERT INTO persona.lexicon (term, seniority) VALUES ('NINJA', 'vp');
SELECT pg_temp.try($$SELECT persona.publish()$$) AS publish_terms_differing_in_case;
ROLLBACK;
-- Blank terms and values of any white space are refused by the table, so
-- publish never meets them.
SELECT pg_temp.try($$INSERT INTO persona.lexicon (term, subfunction) VALUES ('ninja', E'\n')$$) AS newline_subfunction,
       pg_temp.try($$INSERT INTO persona.lexicon (term, seniority) VALUES (E'\t', 'vp')$$) AS tab_term;
BEGIN;
INSERT INTO persona.profile (key, name) VALUES ('nothing', 'Sets nothing');
SELECT pg_temp.try($$SELECT persona.publish()$$) AS publish_no_criterion;
ROLLBACK;
DELETE FROM persona.profile;

--
-- Attaching: missing and wrong tables and columns, bad options.
--
CREATE TABLE bad_leads (id int PRIMARY KEY, title text, title_no int, dept text,
	size text, big numeric, country text, extra json, extra_b jsonb, persona int, owner text);
CREATE TABLE bad_keyless (title text);
CREATE TABLE bad_two_col_key (a int, b int, title text, PRIMARY KEY (a, b));
CREATE VIEW bad_view AS SELECT * FROM bad_leads;
CREATE MATERIALIZED VIEW bad_matview AS SELECT id, title FROM bad_leads;
CREATE TYPE bad_composite AS (id int, title text);
CREATE SEQUENCE bad_seq;
CREATE TABLE bad_ok (id int PRIMARY KEY, title text);
SELECT stmt, pg_temp.try(stmt) AS result
FROM (VALUES
	($$SELECT persona.attach('no_such_table', title => 'title')$$),
	($$SELECT persona.attach(NULL, title => 'title')$$),
	($$SELECT persona.attach('bad_ok', title => NULL)$$),
	($$SELECT persona.attach('bad_ok')$$),
	($$SELECT persona.attach('bad_ok', 'title', colour => 'red')$$),
	($$SELECT persona.attach('bad_view', title => 'title')$$),
	($$SELECT persona.attach('bad_matview', title => 'title')$$),
	($$SELECT persona.attach('bad_composite', title => 'title')$$),
	($$SELECT persona.attach('bad_seq', title => 'title')$$),
	($$SELECT persona.attach('pg_class', title => 'relname')$$),
	($$SELECT persona.attach('persona.profile', title => 'name')$$),
	($$SELECT persona.attach('bad_leads', title => 'no_such_column')$$),
	($$SELECT persona.attach('bad_leads', title => '')$$),
	($$SELECT persona.attach('bad_leads', title => 'ctid')$$),
	($$SELECT persona.attach('bad_leads', title => 'title_no')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', employees => 'size')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', employees => 'big')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', attrs => 'extra')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', department => 'id')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', segments => '{nope}')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', segments => '{NULL}')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', key => 'nope')$$),
	($$SELECT persona.attach('bad_keyless', title => 'title')$$),
	($$SELECT persona.attach('bad_two_col_key', title => 'title')$$),
	($$SELECT persona.attach('bad_leads', title => 'title')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', output_columns => '["persona"]')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', output_columns => '{"colour": "c"}')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', output_columns => '{"persona": 42}')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', output_columns => '{"persona": null}')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', output_columns => '{"persona": "title"}')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', output_columns => '{"persona": "p", "role": "p"}')$$),
	($$SELECT persona.detach('bad_ok')$$),
	($$SELECT persona.detach(NULL)$$),
	($$SELECT * FROM persona.preview('bad_ok')$$),
	($$SELECT persona.override('bad_ok', '1', persona => 'x')$$),
	($$SELECT persona.release('bad_ok', '1')$$),
	($$CALL persona.retag('bad_ok')$$),
	($$CALL persona.retag(NULL)$$),
	-- the extension's own tables are not CRM tables
	($$SELECT persona.attach('persona.profile', title => 'name')$$),
	($$SELECT persona.attach('persona.lexicon', title => 'term')$$),
	-- the last one works: the persona column may be renamed
	($$SELECT persona.attach('bad_leads', title => 'title', output_columns => '{"persona": "persona_key"}')$$),
	($$SELECT persona.attach('bad_leads', title => 'title', output_columns => '{"persona": "persona_key", "locked": "title_no"}')$$)
) v(stmt);
-- (try rolls back what worked)
SELECT count(*) AS attached FROM persona.attached;

-- Mistakes on an attached table.
BEGIN;
INSERT INTO persona.profile (key, name, seniorities) VALUES ('leader', 'Leader', '{vp,cxo}');
SELECT persona.publish('bad input') IS NOT NULL AS published;
SELECT persona.attach('bad_ok', title => 'title');
INSERT INTO bad_ok VALUES (1, 'VP Sales'), (2, NULL), (3, ''), (4, repeat('CEO ', 300000));
SELECT id, persona, persona_seniority, persona_ruleset_version IS NOT NULL AS tagged FROM bad_ok ORDER BY id;
SELECT stmt, pg_temp.try(stmt) AS result
FROM (VALUES
	($$SELECT persona.attach('bad_ok', title => 'title')$$),
	($$SELECT persona.override('bad_ok', '1')$$),
	($$SELECT persona.override('bad_ok', '1', persona => 'nobody')$$),
	($$SELECT persona.override('bad_ok', '1', role => 'nobody')$$),
	($$SELECT persona.override('bad_ok', '999', persona => 'leader')$$),
	($$SELECT persona.override('bad_ok', NULL, persona => 'leader')$$),
	($$SELECT persona.override(NULL, '1', persona => 'leader')$$),
	($$SELECT persona.release('bad_ok', '999')$$),
	($$UPDATE bad_ok SET persona_ruleset_version = 'x'$$),
	($$UPDATE bad_ok SET persona_seniority = 'boss'$$),
	($$ALTER TABLE bad_ok DROP COLUMN title$$),
	($$ALTER TABLE bad_ok ALTER COLUMN title TYPE int USING length(title)$$),
	($$ALTER TABLE bad_ok DROP COLUMN persona$$),
	($$CALL persona.retag('bad_ok')$$),
	($$CALL persona.retag('bad_ok', batch_size => 0)$$),
	($$CALL persona.retag('bad_ok', batch_size => -1)$$),
	($$CALL persona.retag('bad_ok', batch_size => NULL)$$),
	($$CALL persona.retag('bad_ok', all_rows => NULL)$$)
) v(stmt);
ROLLBACK;

-- Clean up: no profile, lexicon entry, setting, attached table or version
-- left behind.
-- (No CASCADE: dropping an attached table with CASCADE would drop the
-- extension through persona.tagged_rows.)
DROP MATERIALIZED VIEW bad_matview;
DROP VIEW bad_view;
DROP TABLE huge, big_ruleset, bad_leads, bad_keyless, bad_two_col_key, bad_ok;
DROP TYPE bad_composite;
DROP SEQUENCE bad_seq;
SELECT (SELECT count(*) FROM persona.profile) AS profiles,
       (SELECT count(*) FROM persona.lexicon) AS lexicon,
       (SELECT count(*) FROM persona.setting) AS settings,
       (SELECT count(*) FROM persona.attached) AS attached,
       (SELECT count(*) FROM persona.ruleset_version) = :versions_before AS versions_unchanged;
