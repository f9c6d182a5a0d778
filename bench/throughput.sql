--
-- bench/throughput.sql: title classification against a plain scan.
--
-- 1,000,000 rows from ../shared/data/titles-pool.csv (177,433 real titles,
-- six copies in a fixed pseudo-random order), one core
-- (max_parallel_workers_per_gather = 0).  The floor is
-- SELECT count(length(title)), the cheapest query that still reads every
-- title; the ratio says what classifying costs on top of reading.  Each
-- query runs in turn with the floor (pg_temp.time_vs_floor), so both see
-- the same state of a shared machine.
--
\pset footer off
\i bench/lib.sql
CREATE EXTENSION persona;
SET max_parallel_workers_per_gather = 0;

CREATE TABLE pool (title text, source text, lang text);
\set pool_file :datadir '/titles-pool.csv'
COPY pool FROM :'pool_file' WITH (FORMAT csv, HEADER true);
CREATE TABLE bench_titles AS
	SELECT title FROM pool CROSS JOIN generate_series(1, 6) g
	ORDER BY md5(title || g) LIMIT 1000000;
VACUUM (FREEZE, ANALYZE) bench_titles;

\echo
\echo 'rows, distinct titles, mean title length (bytes):'
SELECT count(*) AS rows, count(DISTINCT title) AS distinct_titles,
       round(avg(octet_length(title)), 1) AS mean_bytes
FROM bench_titles;

\set floor 'SELECT count(length(title)) FROM bench_titles'
CREATE TEMP TABLE timings (query text, ms numeric, floor_ms numeric, x_floor numeric);
INSERT INTO timings SELECT 'title_seniority + title_function', *
	FROM pg_temp.time_vs_floor(:'floor', 'SELECT count(persona.title_seniority(title)), count(persona.title_function(title)) FROM bench_titles');
INSERT INTO timings SELECT 'title_seniority alone', *
	FROM pg_temp.time_vs_floor(:'floor', 'SELECT count(persona.title_seniority(title)) FROM bench_titles');
INSERT INTO timings SELECT 'title_parse (everything)', *
	FROM pg_temp.time_vs_floor(:'floor', 'SELECT count((persona.title_parse(title)).seniority) FROM bench_titles');

\echo
\echo 'floor: SELECT count(length(title)); each query and the floor run in turn,'
\echo '5 times after a warm-up; medians of the times and of the per-turn ratios;'
\echo '1,000,000 rows, one core:'
SELECT query, round(ms, 1) AS ms, round(ms * 1000000 / (SELECT count(*) FROM bench_titles), 1) AS ns_per_row,
       round(floor_ms, 1) AS floor_ms, round(x_floor, 2) AS x_floor
FROM timings;
