--
-- The persona.ruleset type: canonical text form, exact round trips, binary
-- send/receive, equality and hashing, and every malformed input.
--
\set VERBOSITY default
\set SHOW_CONTEXT never

CREATE TEMP TABLE rs (name text, r persona.ruleset);
INSERT INTO rs VALUES
('empty', '{"format":1}'),
('one profile', $${"format": 1, "version": 3,
  "profiles": [{"key": "revops_leader", "name": "RevOps leader",
                "title_keywords": ["revenue operations", "Sales Ops"],
                "seniorities": ["vp", "manager", "director"],
                "employees": "[50,5000]", "min_score": 0.6}]}$$),
('full', $${"role_rules": [{"role": "gatekeeper", "functions": ["procurement", "legal"]},
                          {"role": "decision_maker", "seniorities": ["cxo"], "max_employees": 50}],
  "roles": [{"code": "gatekeeper", "label": "Gatekeeper", "display_order": 2, "sfdc_role": "Other", "weight": 0.25},
            {"code": "decision_maker", "label": "Decision maker", "required": true, "display_order": 1, "sfdc_role": "Decision Maker"}],
  "lexicon": [{"term": "Quota Carrier", "canonical": "account executive", "job_function": "sales"},
              {"term": "Growth Hacker", "seniority": "senior", "job_function": "marketing", "subfunction": "demand_generation"}],
  "buying_functions": ["sales", "operations"],
  "profiles": [{"key": "z_last", "name": "Zed", "countries": ["DE", "AT"], "attributes": {"plan": "enterprise", "seats": 50},
                "match_mode": "weighted", "priority": -2, "buying_functions": ["it"], "title_exclude": ["assistant"],
                "functions": ["it"], "industries": ["SaaS"]},
               {"key": "a_first", "name": "Ay \"quoted\" \u00e9", "functions": ["finance"], "min_score": 0.1}],
  "version": 7, "format": 1}$$);

-- The canonical text: fixed key order, no white space, sorted lists,
-- canonical ranges, shortest reals.
SELECT name, r::text FROM rs ORDER BY name;

-- Text round trips exactly, and the canonical text is a fixed point.
SELECT name, r::text::persona.ruleset OPERATOR(persona.=) r AS round_trip,
       r::text::persona.ruleset::text = r::text AS fixed_point,
       persona.ruleset_version(r) AS version
FROM rs ORDER BY name;

-- Equality ignores the order and spacing the input came in; hashing agrees.
SELECT '{"format":1,"profiles":[{"key":"b","name":"B","functions":["hr"]},{"key":"a","name":"A","functions":["it"]}]}'::persona.ruleset
     OPERATOR(persona.=) '{"profiles":[{"name":"A","key":"a","functions":["it"]},{"functions":["hr"],"key":"b","name":"B"}],  "format":1}'::persona.ruleset AS same_value,
       persona.ruleset_hash('{"format":1,"buying_functions":["hr","it"]}')
     = persona.ruleset_hash('{"format":1,"buying_functions":["it","hr"]}') AS same_hash,
       '{"format":1,"version":1}'::persona.ruleset OPERATOR(persona.<>) '{"format":1,"version":2}' AS different;
-- The hash operator class serves GROUP BY and hash joins.
SELECT count(*) AS distinct_values FROM (SELECT r FROM (SELECT r FROM rs UNION ALL SELECT r FROM rs) u GROUP BY r) s;
SELECT count(*) AS hash_join_rows FROM rs a JOIN rs b ON a.r OPERATOR(persona.=) b.r;

-- Binary round trip through COPY (FORMAT binary): send, then receive.
CREATE TEMP TABLE rs_bin (name text, r persona.ruleset);
\copy rs TO 'results/ruleset_type.copy' WITH (FORMAT binary)
\copy rs_bin FROM 'results/ruleset_type.copy' WITH (FORMAT binary)
SELECT a.name, a.r OPERATOR(persona.=) b.r AS binary_round_trip, a.r::text = b.r::text AS same_text
FROM rs a JOIN rs_bin b USING (name) ORDER BY a.name;

-- Binary garbage is refused (22P03), never a crash: feed arbitrary bytes to
-- the receive function by copying a bytea column into a ruleset column.
CREATE TEMP TABLE raw_bytes (b bytea);
CREATE TEMP TABLE received (r persona.ruleset);
CREATE FUNCTION pg_temp.receive(bytes bytea) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	detail text;
BEGIN
	TRUNCATE raw_bytes, received;
	INSERT INTO raw_bytes VALUES (bytes);
	EXECUTE format('COPY raw_bytes TO %L WITH (FORMAT binary)', current_setting('persona_test.copy_file'));
	EXECUTE format('COPY received FROM %L WITH (FORMAT binary)', current_setting('persona_test.copy_file'));
	RETURN 'accepted: ' || (SELECT r::text FROM received);
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' ' || nullif(detail, ''), '');
END
$f$;
SELECT set_config('persona_test.copy_file', '/tmp/persona_ruleset_recv_' || pg_backend_pid() || '.copy', false) IS NOT NULL AS ok;
WITH good AS (SELECT persona.ruleset_send(r) AS b FROM rs WHERE name = 'one profile')
SELECT what, pg_temp.receive(bytes) AS result
FROM good, LATERAL (VALUES
	('the value itself', b),
	('empty', ''::bytea),
	('wrong format byte', set_byte(b, 0, 9)),
	('truncated', substr(b, 1, length(b) - 3)),
	('trailing bytes', b || '\x00'::bytea),
	('huge profile count', overlay(b placing '\x7fffffff'::bytea from 7 for 4)),
	('unknown label bits', '\x010000000001ffffffff'::bytea),
	('random', decode(md5('persona'), 'hex'))
) v(what, bytes);

-- Malformed literals: 22P02, with a detail saying where and what.  The
-- first is shown as a user sees it, hint included; the rest one per row.
SELECT '{"format":1,"profiles":[{"key":"p","name":"P","functions":["it"],"min_score":1.5}]}'::persona.ruleset;
\echo sqlstate :SQLSTATE

CREATE FUNCTION pg_temp.try_ruleset(literal text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	detail text;
BEGIN
	PERFORM literal::persona.ruleset;
	RETURN 'accepted';
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' / ' || nullif(detail, ''), '');
END
$f$;
SELECT literal, pg_temp.try_ruleset(literal) AS result
FROM (VALUES
	('{"format":1,'),
	('[1,2]'),
	('{}'),
	('{"format":2}'),
	('{"format":1,"colour":"red"}'),
	('{"format":1,"version":0}'),
	('{"format":1,"version":1.5}'),
	('{"format":1,"profiles":{}}'),
	('{"format":1,"profiles":[{"key":"Bad Key","name":"x","functions":["it"]}]}'),
	('{"format":1,"profiles":[{"key":"p","functions":["it"]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"  ","functions":["it"]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["it"],"min_score":1.5}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","seniorities":["ceo"]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["Sales"]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["it"],"employees":"[10,5"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","employees":"[10,10)"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","title_keywords":["vp", " "]}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","title_keywords":"vp"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","attributes":{"a":[1]}}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","match_mode":"some"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P"}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","functions":["it"]},{"key":"p","name":"Q","functions":["hr"]}]}'),
	('{"format":1,"lexicon":[{"term":"Ninja"}]}'),
	('{"format":1,"lexicon":[{"term":"Ninja","canonical":"x"},{"term":"NINJA","canonical":"y"}]}'),
	('{"format":1,"roles":[{"code":"x","label":"X","weight":-1}]}'),
	('{"format":1,"role_rules":[{"role":"nobody"}]}'),
	('{"format":1,"roles":[{"code":"x","label":"X"}],"role_rules":[{"role":"x","min_employees":50,"max_employees":10}]}'),
	('{"format":1,"profiles":[{"key":"p","name":"P","priority":99999999999,"functions":["it"]}]}')
) v(literal);

-- NULL handling: the type functions are STRICT.
SELECT persona.ruleset_version(NULL) IS NULL AS version_null,
       persona.ruleset_hash(NULL) IS NULL AS hash_null,
       (NULL::persona.ruleset OPERATOR(persona.=) NULL::persona.ruleset) IS NULL AS eq_null;
