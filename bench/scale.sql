--
-- bench/scale.sql: 10,000,000 leads (make bench-scale; not run in CI).
--
-- The leads are those of bench/leads.sql (the titles of
-- ../shared/data/titles-pool.csv repeated in a fixed pseudo-random order,
-- firmographics and attributes from hashing the id), 10,000,000 of them.
-- bench/scale.sh runs this file and samples the backend's private memory
-- meanwhile.
--
--   1. insert the 10M leads into an attached table with the persona_tag
--      trigger disabled (the floor) and enabled;
--   2. tag them with a parallel sequential scan on 0, 1 and 2 workers
--      (max_parallel_workers_per_gather):
--      the scan floor count(length(title)), persona.match over every row,
--      and CREATE TABLE AS writing the tags (workers match, the leader
--      writes);
--   3. publish a changed ruleset and CALL persona.retag over all 10M rows,
--      against UPDATE leads SET note = note (the floor).
--
-- Each figure is one run; the backend's memory (RssAnon from /proc and the
-- sum of its memory contexts) is recorded before and after each step.
-- Phases are kept in the table bench_phase for bench/scale.sh.
--
\pset footer off
\if :{?rows}
\else
\set rows 10000000
\endif
CREATE EXTENSION persona;
SET max_parallel_workers_per_gather = 0;
SET jit = off;

SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_phase, bench_memory;
RESET client_min_messages;
CREATE TABLE bench_phase (phase text, workers int, started timestamptz, ended timestamptz,
                          rows bigint, PRIMARY KEY (phase, workers));
CREATE TABLE bench_memory (at text, ts timestamptz, rss_anon_kb bigint, contexts_kb bigint);

-- The backend's private memory: RssAnon of /proc/self/status (the
-- backend reads it itself, so "self" is the backend) and the memory
-- contexts it holds.
CREATE PROCEDURE pg_temp.memory(at text) LANGUAGE sql AS $$
	INSERT INTO bench_memory
	SELECT at, clock_timestamp(),
	       (regexp_match(pg_read_file('/proc/self/status'), 'RssAnon:\s+(\d+)'))[1]::bigint,
	       (SELECT sum(total_bytes) / 1024 FROM pg_backend_memory_contexts)
$$;
-- Runs query as a phase and records its wall time and the rows it
-- processed (rows, or what the statement reports).
CREATE PROCEDURE pg_temp.phase(name text, query text, workers int DEFAULT 0, rows bigint DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
	n bigint;
BEGIN
	EXECUTE query;
	GET DIAGNOSTICS n = ROW_COUNT;
	INSERT INTO bench_phase VALUES (name, workers, t0, clock_timestamp(), coalesce(rows, n));
END $$;

-- One round of parallel tagging with w workers: the scan floor, persona.match
-- over every row, and CREATE TABLE AS tagged_<w> writing the tags.
CREATE PROCEDURE pg_temp.parallel_round(w int) LANGUAGE plpgsql AS $$
DECLARE
	n bigint := (SELECT count(*) FROM leads);
BEGIN
	PERFORM set_config('max_parallel_workers_per_gather', w::text, false);
	RAISE NOTICE 'max_parallel_workers_per_gather = %', w;
	CALL pg_temp.phase('scan floor: count(length(title))',
		'SELECT count(length(title)) FROM leads', w, n);
	CALL pg_temp.phase('persona.match over every row',
		$q$SELECT count((persona.match((SELECT persona.ruleset()), title, industry => industry,
		     employees => employees, country => country, attrs => attrs)).persona) FROM leads$q$, w, n);
	CALL pg_temp.phase('CREATE TABLE AS with the tags',
		format($q$CREATE TABLE tagged_%s AS SELECT id, m.persona, m.score, m.role, m.ruleset_version
		     FROM leads, persona.match((SELECT persona.ruleset()), title, industry => industry,
		     employees => employees, country => country, attrs => attrs) m$q$, w), w, n);
END $$;

\echo 'building' :rows 'source leads (bench/leads.sql)'
\set leads_table source_leads
\i bench/leads.sql

\i bench/personas.sql
SELECT persona.publish('bench personas') AS v1 \gset

CREATE TABLE leads (id int PRIMARY KEY, title text, industry text, employees int,
                    country text, attrs jsonb, note text);
SELECT 'attached' AS leads FROM persona.attach('leads', title => 'title', industry => 'industry',
                      employees => 'employees', country => 'country', attrs => 'attrs');
CALL pg_temp.memory('start');

-- 1. Inserts: trigger off (floor), then on.
ALTER TABLE leads DISABLE TRIGGER persona_tag;
CHECKPOINT;
\echo 'inserting' :rows 'leads, trigger disabled (floor)'
CALL pg_temp.phase('insert, trigger disabled (floor)',
	'INSERT INTO leads (id, title, industry, employees, country, attrs) SELECT id, title, industry, employees, country, attrs FROM source_leads');
TRUNCATE leads;
ALTER TABLE leads ENABLE TRIGGER persona_tag;
CHECKPOINT;
CALL pg_temp.memory('before the trigger insert');
\echo 'inserting' :rows 'leads through the tagging trigger'
CALL pg_temp.phase('insert, tagging trigger',
	'INSERT INTO leads (id, title, industry, employees, country, attrs) SELECT id, title, industry, employees, country, attrs FROM source_leads');
CALL pg_temp.memory('after the trigger insert');
SELECT count(*) AS leads, count(persona) AS with_persona,
       count(*) FILTER (WHERE persona_ruleset_version = :v1) AS with_v1
FROM leads;
VACUUM (FREEZE, ANALYZE) leads;
DROP TABLE source_leads, pool;

-- 2. Tagging with a parallel scan: 0, 1 and 2 workers.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
\echo 'plan of the parallel tagging scan:'
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT count((persona.match((SELECT persona.ruleset()), title, industry => industry,
	employees => employees, country => country, attrs => attrs)).persona) FROM leads;
CALL pg_temp.memory('before parallel tagging');
SELECT count(length(title)) FROM leads;	-- warm the buffers
CALL pg_temp.parallel_round(0);
CALL pg_temp.parallel_round(1);
CALL pg_temp.parallel_round(2);
CALL pg_temp.memory('after parallel tagging');
-- The parallel tags equal the trigger's.  (They differ if the library was
-- reinstalled during the run: parallel workers load it afresh.)
SELECT count(*) AS compared,
       count(*) FILTER (WHERE t.persona IS DISTINCT FROM l.persona OR t.role IS DISTINCT FROM l.persona_role) AS differ
FROM tagged_2 t JOIN leads l USING (id);
DROP TABLE tagged_0, tagged_1, tagged_2;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
SET max_parallel_workers_per_gather = 0;

-- 3. Re-tag after a profile change, against a plain UPDATE of every row.
CHECKPOINT;
\echo 'UPDATE leads SET note = note (floor)'
CALL pg_temp.phase('UPDATE leads SET note = note (floor)', 'UPDATE leads SET note = note');
VACUUM leads;
UPDATE persona.profile SET seniorities = seniorities || '{senior}'::persona.seniority[]
WHERE key = (SELECT min(key) FROM persona.profile WHERE seniorities IS NOT NULL AND NOT 'senior' = ANY (seniorities));
SELECT persona.publish('bench v2') AS v2 \gset
CHECKPOINT;
CALL pg_temp.memory('before persona.retag');
SET client_min_messages = warning;
\echo 'CALL persona.retag(''leads'', batch_size => 50000)'
INSERT INTO bench_phase (phase, workers, started) VALUES ('CALL persona.retag, batches of 50000', 0, clock_timestamp());
CALL persona.retag('leads', batch_size => 50000);
UPDATE bench_phase SET ended = clock_timestamp(),
	rows = (SELECT rows_done FROM persona.retag_progress ORDER BY started_at DESC LIMIT 1)
WHERE phase LIKE 'CALL persona.retag%';
RESET client_min_messages;
CALL pg_temp.memory('after persona.retag');
SELECT count(*) FILTER (WHERE persona_ruleset_version = :v2) AS retagged,
       (SELECT count(*) FROM persona.audit) AS audited_changes
FROM leads;

\echo
\echo :rows 'leads, one run each:'
SELECT phase, workers, rows, round(extract(epoch FROM ended - started)::numeric, 1) AS seconds,
       round(rows / extract(epoch FROM ended - started)) AS rows_per_second
FROM bench_phase ORDER BY started;
\echo 'ratios: to the floor of the same kind and the same number of workers, and speed-up over 0 workers'
WITH p AS (SELECT phase, workers, extract(epoch FROM ended - started) AS s FROM bench_phase)
SELECT 'insert through the trigger / insert' AS what, NULL::int AS workers,
       round((SELECT s FROM p WHERE phase = 'insert, tagging trigger')::numeric /
             (SELECT s FROM p WHERE phase LIKE 'insert, trigger disabled%')::numeric, 2) AS x_floor, NULL AS speed_up
UNION ALL
SELECT 'persona.match / scan floor', m.workers, round((m.s / f.s)::numeric, 2),
       round(((SELECT s FROM p WHERE phase = 'persona.match over every row' AND workers = 0) / m.s)::numeric, 2)
FROM p m JOIN p f ON f.workers = m.workers AND f.phase = 'scan floor: count(length(title))'
WHERE m.phase = 'persona.match over every row'
UNION ALL
SELECT 'CREATE TABLE AS with the tags / scan floor', m.workers, round((m.s / f.s)::numeric, 2),
       round(((SELECT s FROM p WHERE phase = 'CREATE TABLE AS with the tags' AND workers = 0) / m.s)::numeric, 2)
FROM p m JOIN p f ON f.workers = m.workers AND f.phase = 'scan floor: count(length(title))'
WHERE m.phase = 'CREATE TABLE AS with the tags'
UNION ALL
SELECT 'persona.retag / UPDATE SET note = note', NULL,
       round((SELECT s FROM p WHERE phase LIKE 'CALL persona.retag%')::numeric /
             (SELECT s FROM p WHERE phase LIKE 'UPDATE leads%')::numeric, 2), NULL;
\echo 'backend memory (RssAnon, memory contexts) before and after each step:'
SELECT at, round(rss_anon_kb / 1024.0, 1) AS rss_anon_mb, round(contexts_kb / 1024.0, 1) AS contexts_mb
FROM bench_memory ORDER BY ts;
