--
-- Compiling and publishing rulesets: versions, the active ruleset,
-- roll-back, and the IMMUTABLE matcher in generated columns and indexes.
--
\set VERBOSITY terse

-- Nothing published yet.
SELECT persona.ruleset() IS NULL AS no_active_ruleset;

-- No active profile: nothing to compile.
SELECT persona.compile();
\echo sqlstate :SQLSTATE
SELECT persona.publish('too early');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities, active) VALUES ('sleeping', 'Inactive', '{vp}', false);
SELECT persona.compile();
\echo sqlstate :SQLSTATE
DELETE FROM persona.profile;

INSERT INTO persona.profile (key, name, priority, title_keywords, seniorities, functions, messaging) VALUES
	('sales_leader', 'Sales leader', 10, '{sales,revenue}', '{director,head,vp,cxo}', '{sales}',
	 'Forecast you can defend in the board meeting.'),
	('revops_leader', 'RevOps leader', 20, '{revenue operations,sales operations}',
	 '{manager,director,head,vp}', NULL, 'One source of truth for the funnel.'),
	('finance_buyer', 'Finance buyer', 0, NULL, '{director,head,vp,cxo}', '{finance}',
	 'Pays for itself in two quarters.'),
	('small_company_founder', 'Founder of a small company', 5, NULL, '{owner,cxo}', NULL,
	 'Sell more without hiring a sales ops person.');
UPDATE persona.profile SET employees = '[1,50)' WHERE key = 'small_company_founder';

-- A draft: version NULL, every compile of the same rows is equal.
SELECT persona.ruleset_version(persona.compile()) IS NULL AS draft,
       persona.compile() OPERATOR(persona.=) persona.compile() AS deterministic,
       persona.ruleset_version(persona.compile(7)) AS numbered;
SELECT persona.compile(0);
\echo sqlstate :SQLSTATE
SELECT persona.compile(-1);
\echo sqlstate :SQLSTATE

-- The text form round-trips.
SELECT persona.compile()::text::persona.ruleset OPERATOR(persona.=) persona.compile() AS round_trip;

-- Publish twice: versions 1 and 2, only the last is active.
SELECT persona.publish('first personas') AS published;
UPDATE persona.profile SET employees = '[100,)' WHERE key = 'sales_leader';
SELECT persona.publish('sales leaders from 100 employees') AS published;

SELECT version, active, note, published_by = current_user AS by_me,
       persona.ruleset_version(ruleset) AS ruleset_says,
       pg_catalog.jsonb_array_length(profiles) AS profiles,
       profiles -> 0 ->> 'key' AS first_profile,
       (SELECT p ->> 'employees' FROM pg_catalog.jsonb_array_elements(profiles) p
        WHERE p ->> 'key' = 'sales_leader') AS sales_leader_employees
FROM persona.ruleset_version ORDER BY version;

-- The snapshot keeps the persona context for tracing.
SELECT p ->> 'key' AS key, p ->> 'messaging' AS messaging
FROM persona.ruleset_version v, pg_catalog.jsonb_array_elements(v.profiles) p
WHERE v.version = 2 ORDER BY 1;

-- persona.ruleset() is version 2.
SELECT persona.ruleset_version(persona.ruleset()) AS active_version,
       persona.ruleset() OPERATOR(persona.=) (SELECT ruleset FROM persona.ruleset_version WHERE version = 2) AS same_value,
       persona.ruleset() OPERATOR(persona.<>) (SELECT ruleset FROM persona.ruleset_version WHERE version = 1) AS differs_from_1;

-- Matching with the active ruleset.
SELECT persona, round(score::numeric, 3) AS score, role, seniority, job_function, ruleset_version
FROM persona.match(title => 'VP Sales', employees => 200);
SELECT persona, role, ruleset_version
FROM persona.match(title => 'VP Sales', employees => 20);
SELECT persona.match_persona('VP Sales', employees => 200) AS scalar_200,
       persona.match_persona(title => 'VP Sales', employees => 20) AS scalar_20;

-- Roll back to version 1: matching follows at once.
SELECT persona.activate(1);
SELECT version, active FROM persona.ruleset_version ORDER BY version;
SELECT persona.ruleset_version(persona.ruleset()) AS active_version;
SELECT persona, role, ruleset_version
FROM persona.match(title => 'VP Sales', employees => 20);
SELECT persona.match_persona('VP Sales', employees => 20) AS scalar_after_rollback;
-- Activating the active version changes nothing.
SELECT persona.activate(1);
SELECT version, active FROM persona.ruleset_version ORDER BY version;

-- Errors of activate.
SELECT persona.activate(3);
\echo sqlstate :SQLSTATE
SELECT persona.activate(NULL);
\echo sqlstate :SQLSTATE
SELECT persona.ruleset_version(persona.ruleset()) AS still_active;
SELECT persona.activate(2);

-- A rolled-back publish leaves no version and no gap.
BEGIN;
SELECT persona.publish('not this one') AS published;
ROLLBACK;
SELECT max(version) AS last_version FROM persona.ruleset_version;

-- What publish refuses, naming the profile; nothing is written.
INSERT INTO persona.profile (key, name) VALUES ('no_criteria', 'No criteria');
SELECT persona.publish('broken');
\echo sqlstate :SQLSTATE
UPDATE persona.profile SET active = false WHERE key = 'no_criteria';
INSERT INTO persona.profile (key, name, title_keywords) VALUES ('punctuation', 'Punctuation', '{"???"}');
SELECT persona.publish('broken');
\echo sqlstate :SQLSTATE
DELETE FROM persona.profile WHERE key IN ('no_criteria', 'punctuation');
INSERT INTO persona.lexicon (term, canonical) VALUES ('Quota Carrier', 'account executive'),
	('quota carrier', 'sales');
SELECT persona.publish('broken');
\echo sqlstate :SQLSTATE
DELETE FROM persona.lexicon;
SELECT count(*) AS versions, max(version) AS last_version FROM persona.ruleset_version;

-- The version table guards itself.
INSERT INTO persona.ruleset_version (version, ruleset) VALUES (5, persona.compile(4));
\echo sqlstate :SQLSTATE
INSERT INTO persona.ruleset_version (version, ruleset) VALUES (5, persona.compile());
\echo sqlstate :SQLSTATE
INSERT INTO persona.ruleset_version (version, ruleset) VALUES (0, persona.compile(1));
\echo sqlstate :SQLSTATE
UPDATE persona.ruleset_version SET active = true WHERE version = 1;
\echo sqlstate :SQLSTATE
INSERT INTO persona.ruleset_version (version, ruleset) VALUES (2, persona.compile(2));
\echo sqlstate :SQLSTATE

-- pg_dump keeps every version.
SELECT c.t::regclass AS dumped_table, c.cond AS condition
FROM pg_catalog.pg_extension e,
     unnest(e.extconfig, e.extcondition) AS c(t, cond)
WHERE e.extname = 'persona' AND c.t = 'persona.ruleset_version'::regclass;

-- The IMMUTABLE matcher, given a ruleset value, in a generated column and
-- an expression index.
SELECT persona.ruleset()::text AS rs \gset
CREATE TEMP TABLE tagged (
	id int PRIMARY KEY,
	title text,
	employees int,
	persona text GENERATED ALWAYS AS
		((persona.match(:'rs'::persona.ruleset, title, employees => employees)).persona) STORED
);
INSERT INTO tagged (id, title, employees) VALUES
	(1, 'VP Sales', 200), (2, 'VP Sales', 20), (3, 'Sales Operations Manager', 500),
	(4, 'CFO', 2000), (5, 'Founder', 12), (6, 'Barista', 12), (7, NULL, NULL);
SELECT id, title, employees, persona FROM tagged ORDER BY id;
UPDATE tagged SET employees = 300 WHERE id = 2;
SELECT id, persona FROM tagged WHERE id = 2;

CREATE INDEX tagged_persona ON tagged
	(((persona.match(:'rs'::persona.ruleset, title, employees => employees)).persona));
CREATE FUNCTION pg_temp.uses_index(query text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
	RETURN plan::text LIKE '%"tagged_persona"%';
END $$;
SET enable_seqscan = off;
SELECT pg_temp.uses_index(pg_catalog.format(
	'SELECT id FROM tagged WHERE (persona.match(%L::persona.ruleset, title, employees => employees)).persona = %L',
	:'rs', 'sales_leader')) AS index_used;
SELECT id FROM tagged
WHERE (persona.match(:'rs'::persona.ruleset, title, employees => employees)).persona = 'sales_leader'
ORDER BY id;
RESET enable_seqscan;

-- The active-ruleset form cannot go into a generated column (not IMMUTABLE).
CREATE TEMP TABLE not_allowed (title text,
	persona text GENERATED ALWAYS AS ((persona.match(title)).persona) STORED);
\echo sqlstate :SQLSTATE

-- Deleting every version leaves no active ruleset.
DROP TABLE tagged;
DELETE FROM persona.ruleset_version;
SELECT persona.ruleset() IS NULL AS no_active_ruleset;
DELETE FROM persona.profile;
