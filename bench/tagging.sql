--
-- bench/tagging.sql: the tagging trigger and persona.retag against the
-- same work without persona.
--
-- 1,000,000 leads of bench/leads.sql (titles-pool.csv, six copies,
-- firmographics from hashing the id).  Inserts go into one
-- attached table with its persona_tag trigger disabled (the floor: the
-- same table, the same columns), with PostgreSQL's contrib trigger
-- insert_username instead, and with persona_tag enabled; each is the
-- median of three interleaved runs.  The re-tag of all rows after a
-- publish is compared with UPDATE t SET note = note over the same rows (a
-- column the trigger does not watch), one run each after VACUUM.
-- bench/run samples the backend's memory during the trigger inserts.
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

-- Inserts, in three interleaved rounds (so a drift of the machine touches
-- every variant alike); each figure is the median of its three runs:
--   floor      persona_tag disabled: the same table, the same columns;
--   wide rows  persona_tag disabled, the eight tag columns given as constants
--              of typical width: what storing a tag costs, not a floor;
--   contrib    persona_tag disabled, PostgreSQL's own contrib trigger
--              insert_username (C, BEFORE ROW, sets one column with
--              heap_modify_tuple_by_cols and does nothing else): what the
--              server charges for any trigger that changes the row it is
--              given, before the trigger has done any work of its own;
--   trigger    persona_tag enabled: the tagging trigger.
CREATE EXTENSION insert_username;
CREATE TRIGGER contrib_insert_username BEFORE INSERT ON leads
	FOR EACH ROW EXECUTE FUNCTION insert_username(note);
CREATE FUNCTION pg_temp.insert_ms(variant text) RETURNS numeric LANGUAGE plpgsql AS $$
BEGIN
	TRUNCATE leads;
	EXECUTE format('ALTER TABLE leads %s TRIGGER persona_tag', CASE WHEN variant = 'trigger' THEN 'ENABLE' ELSE 'DISABLE' END);
	EXECUTE format('ALTER TABLE leads %s TRIGGER contrib_insert_username', CASE WHEN variant = 'contrib' THEN 'ENABLE' ELSE 'DISABLE' END);
	CHECKPOINT;
	IF variant = 'wide rows' THEN
		RETURN pg_temp.once_ms($q$INSERT INTO leads (id, title, industry, employees, country, persona,
		    persona_score, persona_role, persona_seniority, persona_function, persona_ruleset_version,
		    persona_locked, persona_tagged_at)
		  SELECT id, title, industry, employees, country, 'sales_manager', 0.75, 'influencer',
		    'manager', 'sales', 1, false, now() FROM source_leads$q$);
	END IF;
	RETURN pg_temp.once_ms('INSERT INTO leads (id, title, industry, employees, country)
	  SELECT id, title, industry, employees, country FROM source_leads');
END $$;
CREATE TEMP TABLE insert_runs (what text, ms numeric);

\echo 'inserting 1,000,000 rows, four ways, three rounds (memory is sampled during the trigger inserts)'
SELECT 'marker: inserts start' AS marker;
-- One top-level statement per insert (\gexec), so each commits on its own
-- and bench/run finds the trigger inserts by their text (which this
-- generating query must not hold whole).
SELECT format('INSERT INTO insert_runs SELECT %L, pg_temp.insert_ms(%L)', 'insert 1M, ' || what, variant)
FROM generate_series(1, 3) AS round,
	 (VALUES (1, 'trigger disabled (floor)', 'floor'),
			 (2, 'trigger disabled, tag columns as constants', 'wide rows'),
			 (3, 'contrib insert_username trigger', 'contrib'),
			 (4, 'tagging trigger', 'trigger')) AS v(turn, what, variant)
ORDER BY round, turn \gexec
SELECT 'marker: inserts end' AS marker;
INSERT INTO timings
SELECT what, pg_temp.median(array_agg(ms)) FROM insert_runs GROUP BY what;
DROP TRIGGER contrib_insert_username ON leads;
ALTER TABLE leads ENABLE TRIGGER persona_tag;
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
\echo '1,000,000 rows, one core (inserts: median of three runs; UPDATE and retag: one run):'
SELECT what, round(ms) AS ms, round(ms * 1000 / 1000000, 2) AS us_per_row
FROM timings
ORDER BY what NOT LIKE 'insert%', ms;
SELECT round((SELECT ms FROM timings WHERE what LIKE 'insert 1M, tagging%') /
             (SELECT ms FROM timings WHERE what = 'insert 1M, trigger disabled (floor)'), 2) AS insert_x_floor,
       round((SELECT ms FROM timings WHERE what LIKE 'insert 1M, trigger disabled, tag columns%') /
             (SELECT ms FROM timings WHERE what = 'insert 1M, trigger disabled (floor)'), 2) AS wide_rows_x_floor,
       round((SELECT ms FROM timings WHERE what LIKE 'insert 1M, contrib%') /
             (SELECT ms FROM timings WHERE what = 'insert 1M, trigger disabled (floor)'), 2) AS contrib_trigger_x_floor,
       round((SELECT ms FROM timings WHERE what LIKE 'CALL persona.retag%') /
             (SELECT ms FROM timings WHERE what LIKE 'UPDATE%'), 2) AS retag_x_update;
