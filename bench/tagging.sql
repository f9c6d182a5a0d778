--
-- bench/tagging.sql: the tagging trigger and persona.retag against the
-- same work without persona.
--
-- 1,000,000 leads of bench/leads.sql (titles-pool.csv, six copies,
-- firmographics from hashing the id).  Inserts go into one
-- attached table, once with its persona_tag trigger disabled (the floor:
-- the same table, the same columns) and once enabled.  The re-tag of all
-- rows after a publish is compared with UPDATE t SET note = note over the
-- same rows (a column the trigger does not watch).  Each figure is one
-- run after VACUUM; bench/run samples the backend's memory meanwhile.
--
\pset footer off
\i bench/lib.sql
CREATE EXTENSION persona;
SET max_parallel_workers_per_gather = 0;

\set leads_table source_leads
\i bench/leads.sql

\i bench/personas.sql
SELECT persona.publish('bench personas') AS v1 \gset

CREATE TABLE leads (id int PRIMARY KEY, title text, industry text, employees int,
                    country text, note text);
SELECT persona.attach('leads', title => 'title', industry => 'industry',
                      employees => 'employees', country => 'country');

CREATE TEMP TABLE timings (what text, ms numeric);
CREATE FUNCTION pg_temp.once_ms(query text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE started timestamptz := clock_timestamp();
BEGIN
	EXECUTE query;
	RETURN (extract(epoch FROM clock_timestamp() - started) * 1000)::numeric;
END $$;

-- Inserts: trigger off (floor), then on.
ALTER TABLE leads DISABLE TRIGGER persona_tag;
CHECKPOINT;
INSERT INTO timings SELECT 'insert 1M, trigger disabled (floor)',
	pg_temp.once_ms('INSERT INTO leads (id, title, industry, employees, country) SELECT id, title, industry, employees, country FROM source_leads');
TRUNCATE leads;
-- Not a floor, a measure of what a tag costs to store: the same insert,
-- trigger still disabled, writing the eight tag columns the trigger fills
-- (constants of typical width), so the rows are as wide as tagged rows.
CHECKPOINT;
INSERT INTO timings SELECT 'insert 1M, trigger disabled, tag columns as constants',
	pg_temp.once_ms($q$INSERT INTO leads (id, title, industry, employees, country, persona,
	    persona_score, persona_role, persona_seniority, persona_function, persona_ruleset_version,
	    persona_locked, persona_tagged_at)
	  SELECT id, title, industry, employees, country, 'sales_manager', 0.75, 'influencer',
	    'manager', 'sales', 1, false, now() FROM source_leads$q$);
TRUNCATE leads;
ALTER TABLE leads ENABLE TRIGGER persona_tag;
CHECKPOINT;
\echo 'inserting 1,000,000 rows through the trigger (memory is sampled meanwhile)'
SELECT 'marker: trigger insert starts' AS marker;
INSERT INTO timings SELECT 'insert 1M, tagging trigger',
	pg_temp.once_ms('INSERT INTO leads (id, title, industry, employees, country) SELECT id, title, industry, employees, country FROM source_leads');
SELECT 'marker: trigger insert ends' AS marker;
SELECT count(*) AS tagged_rows, count(persona) AS with_persona,
       count(*) FILTER (WHERE persona_ruleset_version = :v1) AS with_v1
FROM leads;

-- Re-tag after a profile change, against a plain UPDATE of every row.
VACUUM ANALYZE leads;
CHECKPOINT;
INSERT INTO timings SELECT 'UPDATE leads SET note = note (floor)',
	pg_temp.once_ms('UPDATE leads SET note = note');
VACUUM ANALYZE leads;
-- A realistic edit: one persona widens to one more seniority level.
UPDATE persona.profile SET seniorities = seniorities || '{senior}'::persona.seniority[]
WHERE key = (SELECT min(key) FROM persona.profile WHERE seniorities IS NOT NULL AND NOT 'senior' = ANY (seniorities));
SELECT persona.publish('bench v2') AS v2 \gset
CHECKPOINT;
SET client_min_messages = warning;
\set started `date +%s%N`
CALL persona.retag('leads', batch_size => 50000);
\set ended `date +%s%N`
RESET client_min_messages;
INSERT INTO timings VALUES ('CALL persona.retag, 1M stale rows', (:ended - :started) / 1e6);
SELECT count(*) FILTER (WHERE persona_ruleset_version = :v2) AS retagged,
       (SELECT count(*) FROM persona.audit) AS audited_changes
FROM leads;

\echo
\echo '1,000,000 rows, one run each, one core:'
SELECT what, round(ms) AS ms, round(ms * 1000 / 1000000, 2) AS us_per_row
FROM timings;
SELECT round((SELECT ms FROM timings WHERE what LIKE 'insert 1M, tagging%') /
             (SELECT ms FROM timings WHERE what = 'insert 1M, trigger disabled (floor)'), 2) AS insert_x_floor,
       round((SELECT ms FROM timings WHERE what LIKE 'insert 1M, trigger disabled, tag columns%') /
             (SELECT ms FROM timings WHERE what = 'insert 1M, trigger disabled (floor)'), 2) AS wide_rows_x_floor,
       round((SELECT ms FROM timings WHERE what LIKE 'CALL persona.retag%') /
             (SELECT ms FROM timings WHERE what LIKE 'UPDATE%'), 2) AS retag_x_update;
