--
-- bench/throughput.sql: title classification against a plain scan.
--
-- 1,000,000 rows from ../shared/data/titles-pool.csv (177,433 real titles,
-- six copies in a fixed pseudo-random order), one core
-- (max_parallel_workers_per_gather = 0).  The floor is
-- SELECT count(length(title)), the cheapest query that still reads every
-- title; the ratio says what classifying costs on top of reading.
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

CREATE TEMP TABLE timings (query text, ms numeric);
INSERT INTO timings VALUES
	('floor: count(length(title))',
	 pg_temp.time_ms('SELECT count(length(title)) FROM bench_titles')),
	('title_seniority + title_function',
	 pg_temp.time_ms('SELECT count(persona.title_seniority(title)), count(persona.title_function(title)) FROM bench_titles')),
	('title_seniority alone',
	 pg_temp.time_ms('SELECT count(persona.title_seniority(title)) FROM bench_titles')),
	('title_parse (everything)',
	 pg_temp.time_ms('SELECT count((persona.title_parse(title)).seniority) FROM bench_titles'));

\echo
\echo 'median of 5 runs after a warm-up, 1,000,000 rows, one core:'
SELECT query, round(ms, 1) AS ms, round(ms * 1000000 / (SELECT count(*) FROM bench_titles), 1) AS ns_per_row,
       round(ms / (SELECT ms FROM timings WHERE query LIKE 'floor%'), 2) AS x_floor
FROM timings;
