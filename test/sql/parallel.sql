--
-- Parallel query: a parallel sequential scan runs persona.match in its
-- workers, with an explicit ruleset (IMMUTABLE), with the active ruleset
-- computed once by the leader and passed to the workers, and with the
-- STABLE active-ruleset form; the answers equal the serial ones.  The
-- output is the same under force_parallel_mode = regress (the plans below
-- already have a Gather, so it adds none).
--
\set VERBOSITY terse

-- Start with no profile and nothing published, whatever ran before.
DELETE FROM persona.ruleset_version;
DELETE FROM persona.profile;
INSERT INTO persona.profile (key, name, priority, title_keywords, seniorities, functions, employees) VALUES
	('sales_leader', 'Sales leader', 10, NULL, '{director,head,vp,cxo}', '{sales}', NULL),
	('revops_leader', 'RevOps leader', 20, '{revenue operations,sales operations}',
	 '{manager,director,head,vp}', NULL, NULL),
	('founder', 'Founder', 5, NULL, '{owner,cxo}', NULL, '[1,50)');
SELECT persona.publish('parallel test') AS published;

-- 6,000 leads over 12 titles and 5 company sizes, in a plain (not
-- temporary) table: temporary tables are never scanned in parallel.
CREATE TABLE par_leads (id int PRIMARY KEY, title text, employees int);
INSERT INTO par_leads
SELECT g, (ARRAY['VP Sales', 'Head of Revenue Operations', 'Sales Operations Analyst',
                 'Chief Executive Officer', 'Founder', 'Vertriebsleiter', 'Directeur commercial',
                 'Software Engineer', 'CFO', 'Account Executive', 'Office Manager', NULL])[1 + g % 12],
       (ARRAY[10, 45, 200, 5000, NULL])[1 + (g / 12) % 5]
FROM generate_series(1, 6000) g;
ANALYZE par_leads;
ALTER TABLE par_leads SET (parallel_workers = 2);

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;

-- An explicit ruleset (a literal): the function is in the Parallel Seq
-- Scan's output, so each worker matches the rows it reads.
EXPLAIN (COSTS OFF, VERBOSE)
SELECT id, (persona.match('{"format":1,"profiles":[{"key":"exec","name":"Exec","seniorities":["cxo"]}]}'::persona.ruleset,
                          title, employees => employees)).persona
FROM par_leads WHERE id % 2 = 0;

-- The active ruleset as an InitPlan: the leader reads it once and hands
-- the value ($0) to the workers, which run the IMMUTABLE form.
EXPLAIN (COSTS OFF, VERBOSE)
SELECT id, (persona.match((SELECT persona.ruleset()), title, employees => employees)).persona
FROM par_leads WHERE id % 2 = 0;

-- The STABLE active-ruleset form is PARALLEL SAFE too: each worker reads
-- the active ruleset itself.
EXPLAIN (COSTS OFF, VERBOSE)
SELECT id, (persona.match(title, employees => employees)).persona
FROM par_leads WHERE id % 2 = 0;

-- The workers really do the matching: with the leader kept out of the
-- scan, the workers read every row (rows counted from EXPLAIN ANALYZE).
CREATE FUNCTION pg_temp.worker_rows(query text)
RETURNS TABLE (workers_launched int, rows_in_workers bigint, rows_in_total bigint)
LANGUAGE plpgsql AS $$
DECLARE
	plan jsonb;
	gather jsonb;
	scan jsonb;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF, SUMMARY OFF, FORMAT JSON) ' || query INTO plan;
	gather := plan -> 0 -> 'Plan';
	WHILE gather ->> 'Node Type' <> 'Gather' LOOP
		gather := gather -> 'Plans' -> 0;
	END LOOP;
	-- The Gather's outer plan; its InitPlans come first in the list.
	SELECT p INTO scan FROM jsonb_array_elements(gather -> 'Plans') p
	WHERE p ->> 'Parent Relationship' = 'Outer';
	RETURN QUERY SELECT (gather ->> 'Workers Launched')::int,
		(SELECT sum((w ->> 'Actual Rows')::bigint)::bigint FROM jsonb_array_elements(scan -> 'Workers') w),
		(gather ->> 'Actual Rows')::bigint;
END
$$;
SET parallel_leader_participation = off;
SELECT workers_launched > 0 AS workers_launched, rows_in_workers = rows_in_total AS workers_read_every_row,
       rows_in_total
FROM pg_temp.worker_rows($q$SELECT id, (persona.match((SELECT persona.ruleset()), title, employees => employees)).persona
                            FROM par_leads WHERE (persona.match((SELECT persona.ruleset()), title, employees => employees)).persona IS NOT NULL$q$);
SELECT workers_launched > 0 AS workers_launched, rows_in_workers = rows_in_total AS workers_read_every_row,
       rows_in_total
FROM pg_temp.worker_rows($q$SELECT id FROM par_leads WHERE (persona.match(title, employees => employees)).persona = 'sales_leader'$q$);
RESET parallel_leader_participation;

-- The same answers with and without parallelism, for the three forms.
SELECT md5(string_agg(concat_ws('|', id, m1.persona, m1.role, m1.score, m2.persona, m3.persona, m3.score), ',' ORDER BY id))
	AS parallel_digest,
	count(*) FILTER (WHERE m1.persona IS NOT NULL) AS tagged
FROM par_leads,
     persona.match((SELECT persona.ruleset()), title, employees => employees) m1,
     persona.match(title, employees => employees) m2,
     persona.match('{"format":1,"profiles":[{"key":"exec","name":"Exec","seniorities":["cxo"]}]}'::persona.ruleset,
                   title, employees => employees) m3
\gset
SET max_parallel_workers_per_gather = 0;
SELECT md5(string_agg(concat_ws('|', id, m1.persona, m1.role, m1.score, m2.persona, m3.persona, m3.score), ',' ORDER BY id))
	= :'parallel_digest' AS same_as_parallel,
	count(*) FILTER (WHERE m1.persona IS NOT NULL) = :tagged AS same_count
FROM par_leads,
     persona.match((SELECT persona.ruleset()), title, employees => employees) m1,
     persona.match(title, employees => employees) m2,
     persona.match('{"format":1,"profiles":[{"key":"exec","name":"Exec","seniorities":["cxo"]}]}'::persona.ruleset,
                   title, employees => employees) m3;
SET max_parallel_workers_per_gather = 2;

-- The distribution, from a parallel aggregate (partial counts in the
-- workers).
EXPLAIN (COSTS OFF)
SELECT (persona.match((SELECT persona.ruleset()), title, employees => employees)).persona, count(*)
FROM par_leads GROUP BY 1;
SELECT coalesce((persona.match((SELECT persona.ruleset()), title, employees => employees)).persona, '(none)') AS persona,
       count(*)
FROM par_leads GROUP BY 1 ORDER BY 1;

RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE par_leads;
DELETE FROM persona.ruleset_version;
DELETE FROM persona.profile;
