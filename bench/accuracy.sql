/*
 * bench/accuracy.sql
 *
 * Accuracy of persona's title classifier against labelled public data and
 * the team's own seniority fixture.  A benchmark, not a test: it prints
 * figures and never fails on them.
 *
 *   psql -X -d DB -v datadir=/abs/path/to/shared/data \
 *                 -v benchdir=/abs/path/to/bench/accuracy -f bench/accuracy.sql
 *
 * datadir defaults to ../shared/data and benchdir to bench/accuracy, both
 * relative to the directory psql was started in (the project root).  The
 * script creates the persona extension if it is missing; everything else
 * lives in temporary tables.  The data is read in place, never copied into
 * the repository.
 *
 * Sets scored:
 *   onet      O*NET 27.0 titles of SOC major groups 11, 13, 15, 23, 41, 43
 *             (English), gold = soc_functions.tsv, predicted = title_function
 *   esco_fr,  ESCO v1.0 French / Spanish occupation labels of the ISCO-08 unit
 *   esco_es   groups in isco_functions.tsv, predicted = title_function
 *   seniority seniority_fixture.tsv (hand-written, seven languages),
 *             predicted = title_seniority
 *
 * Beside the scores: agreement of the gold and of persona with two blind
 * annotations of 800 of the titles (second_annotation.tsv, see
 * bench/accuracy/README.md), which show how much of an occupation-level
 * gold a title can carry.
 *
 * Rules: a NULL prediction is wrong (shown as "(null)"), except in the
 * seniority fixture where the gold is NULL too.  A mapping row whose
 * job_function is "skip" has no single function: its titles are left out
 * and counted as skipped.  A mapping "a|b" accepts any listed function; a
 * wrong prediction is charged to the first.  Identical (title, gold code)
 * pairs are scored once.
 */

\set ON_ERROR_STOP on
\set QUIET on
\pset pager off
\pset null '-'

\if :{?datadir}
\else
\set datadir ../shared/data
\endif
\if :{?benchdir}
\else
\set benchdir bench/accuracy
\endif

-- \copy does not expand psql variables, so change directory instead (paths
-- must not contain spaces) and
-- come back to the start directory in between (relative paths stay valid).
\getenv startdir PWD
\if :{?startdir}
\else
\set startdir .
\endif

SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS persona;

-- Every file is read as whole lines first (CSV with a delimiter and a quote
-- character that never occur), so '#' comment lines can be dropped and no
-- character of a title is ever interpreted.
CREATE TEMP TABLE acc_soc_raw (line text);
CREATE TEMP TABLE acc_isco_raw (line text);
CREATE TEMP TABLE acc_fixture_raw (line text);
CREATE TEMP TABLE acc_second_raw (line text);
CREATE TEMP TABLE acc_onet_raw (line text);
CREATE TEMP TABLE acc_esco (
	esco_uri text,
	isco_unit_group text,
	isco_major text,
	lang text,
	label_type text,
	label text
);

\cd :startdir
\cd :benchdir
\copy acc_soc_raw FROM 'soc_functions.tsv' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy acc_isco_raw FROM 'isco_functions.tsv' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy acc_fixture_raw FROM 'seniority_fixture.tsv' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy acc_second_raw FROM 'second_annotation.tsv' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\cd :startdir
\cd :datadir
\copy acc_onet_raw FROM 'onet/onet_titles_labeled.tsv' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
\copy acc_esco FROM 'esco/esco_occupation_labels_flat.csv' WITH (FORMAT csv, HEADER true)
\cd :startdir

-- The mappings: code -> accepted functions, or skip.
CREATE TEMP TABLE acc_map AS
SELECT 'soc'::text AS scheme,
	   split_part(line, E'\t', 1) AS code,
	   split_part(line, E'\t', 2) AS label,
	   split_part(line, E'\t', 3) AS gold
FROM acc_soc_raw
WHERE line !~ '^#' AND split_part(line, E'\t', 1) <> 'onetsoc_code' AND line <> ''
UNION ALL
SELECT 'isco', split_part(line, E'\t', 1), split_part(line, E'\t', 2),
	   split_part(line, E'\t', 3)
FROM acc_isco_raw
WHERE line !~ '^#' AND split_part(line, E'\t', 1) <> 'isco_unit_group' AND line <> '';

-- A typo in a mapping file must not silently score as "wrong".
DO $$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(m.scheme || ' ' || m.code || ': ' || f, ', ') INTO bad
	FROM acc_map m, unnest(string_to_array(m.gold, '|')) AS f
	WHERE f <> 'skip'
	  AND f <> ALL (enum_range(NULL::persona.job_function)::text[]);
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'unknown job function in a mapping file: %', bad;
	END IF;
	SELECT string_agg(DISTINCT s, ', ') INTO bad
	FROM (SELECT split_part(line, E'\t', 3) AS s FROM acc_fixture_raw
		  WHERE line !~ '^#' AND split_part(line, E'\t', 1) <> 'title') x
	WHERE s <> '' AND s <> ALL (enum_range(NULL::persona.seniority)::text[]);
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'unknown seniority in seniority_fixture.tsv: %', bad;
	END IF;
END
$$;

-- Items to score: (set, title, accepted gold classes or NULL when skipped).
CREATE TEMP TABLE acc_item (
	set_name text,
	title text,
	accept text[],			-- NULL: skipped
	code text
);

-- O*NET: source, title, short_title, onetsoc_code, onetsoc_title,
-- soc_major_group, ... ; the header line has onetsoc_code as its 4th field.
INSERT INTO acc_item
SELECT DISTINCT 'onet', o.title,
	   CASE WHEN m.gold IS NULL THEN ARRAY['(unmapped)']
			WHEN m.gold = 'skip' THEN NULL
			ELSE string_to_array(m.gold, '|') END,
	   o.code
FROM (SELECT split_part(line, E'\t', 2) AS title,
			 split_part(line, E'\t', 4) AS code,
			 split_part(line, E'\t', 6) AS major
	  FROM acc_onet_raw) o
LEFT JOIN acc_map m ON m.scheme = 'soc' AND m.code = o.code
WHERE o.major IN ('11', '13', '15', '23', '41', '43') AND o.title <> '';

INSERT INTO acc_item
SELECT DISTINCT 'esco_' || e.lang, e.label,
	   CASE WHEN m.gold = 'skip' THEN NULL ELSE string_to_array(m.gold, '|') END,
	   e.isco_unit_group
FROM acc_esco e
JOIN acc_map m ON m.scheme = 'isco' AND m.code = e.isco_unit_group
WHERE e.lang IN ('fr', 'es') AND e.label <> '';

INSERT INTO acc_item
SELECT 'seniority', split_part(line, E'\t', 1),
	   ARRAY[coalesce(nullif(split_part(line, E'\t', 3), ''), '(null)')],
	   split_part(line, E'\t', 2)		-- the language
FROM acc_fixture_raw
WHERE line !~ '^#' AND split_part(line, E'\t', 1) <> 'title' AND line <> '';

-- Classify.  gold is the accepted class the prediction matched, else the
-- first accepted class.
CREATE TEMP TABLE acc_result AS
SELECT set_name, title, code, pred,
	   CASE WHEN pred = ANY (accept) THEN pred ELSE accept[1] END AS gold
FROM (SELECT i.*,
			 coalesce(CASE WHEN i.set_name = 'seniority'
						   THEN persona.title_seniority(i.title)::text
						   ELSE persona.title_function(i.title)::text END,
					  '(null)') AS pred
	  FROM acc_item i
	  WHERE i.accept IS NOT NULL) s;

-- Class order: the enum's order, "(null)" last.
CREATE TEMP VIEW acc_class_order AS
SELECT 'seniority' AS kind, c AS class, o
FROM unnest(enum_range(NULL::persona.seniority)::text[]) WITH ORDINALITY AS t(c, o)
UNION ALL
SELECT 'function', c, o
FROM unnest(enum_range(NULL::persona.job_function)::text[]) WITH ORDINALITY AS t(c, o)
UNION ALL
SELECT k, '(null)', 1000 FROM (VALUES ('seniority'), ('function')) v(k);

CREATE TEMP VIEW acc_per_class AS
WITH classes AS (
	SELECT set_name, gold AS class FROM acc_result
	UNION
	SELECT set_name, pred FROM acc_result
), counts AS (
	SELECT c.set_name, c.class,
		   count(*) FILTER (WHERE r.gold = c.class AND r.pred = c.class) AS tp,
		   count(*) FILTER (WHERE r.pred = c.class) AS predicted,
		   count(*) FILTER (WHERE r.gold = c.class) AS support
	FROM classes c
	JOIN acc_result r USING (set_name)
	GROUP BY c.set_name, c.class
)
SELECT set_name, class, tp, predicted, support,
	   round(tp::numeric / nullif(predicted, 0), 3) AS precision,
	   round(tp::numeric / nullif(support, 0), 3) AS recall,
	   round(2 * tp::numeric / nullif(predicted + support, 0), 3) AS f1
FROM counts;

\echo
\echo '== persona title classifier accuracy =='
\echo 'NULL predictions count as wrong; "skipped" rows have no single gold function.'
\echo

SELECT s.set_name AS set,
	   coalesce(r.scored, 0) AS scored,
	   s.skipped,
	   coalesce(r.correct, 0) AS correct,
	   round(100.0 * r.correct / nullif(r.scored, 0), 1) AS "accuracy %",
	   coalesce(r.null_pred, 0) AS "null predictions",
	   (SELECT round(avg(coalesce(f1, 0)), 3) FROM acc_per_class p
		WHERE p.set_name = s.set_name AND p.support > 0) AS "macro F1"
FROM (SELECT set_name, count(*) FILTER (WHERE accept IS NULL) AS skipped
	  FROM acc_item GROUP BY set_name) s
LEFT JOIN (SELECT set_name, count(*) AS scored,
				  count(*) FILTER (WHERE gold = pred) AS correct,
				  count(*) FILTER (WHERE pred = '(null)') AS null_pred
		   FROM acc_result GROUP BY set_name) r USING (set_name)
ORDER BY array_position(ARRAY['onet', 'esco_fr', 'esco_es', 'seniority'], s.set_name);

-- Mapping coverage: an O*NET code without a mapping row would be silently
-- dropped from the gold, so say so.
SELECT count(DISTINCT code) AS "O*NET codes without a mapping row (expected 0)"
FROM acc_item i
WHERE set_name = 'onet' AND NOT EXISTS
	(SELECT 1 FROM acc_map m WHERE m.scheme = 'soc' AND m.code = i.code);

-- What the gold allows: a title that O*NET or ESCO files under codes of
-- different functions is scored once per code, and one answer per title
-- can satisfy only some of them.  The best possible accuracy gives each
-- title the function that satisfies most of its rows.
\echo '-- best possible accuracy of any classifier that gives one answer per title'
WITH items AS (
	SELECT set_name, title, accept FROM acc_item
	WHERE accept IS NOT NULL AND set_name <> 'seniority'
), best_per_title AS (
	SELECT set_name, title, max(satisfied) AS satisfied
	FROM (SELECT i.set_name, i.title, f, count(*) FILTER (WHERE f = ANY (i.accept)) AS satisfied
		  FROM items i
		  JOIN (SELECT DISTINCT set_name, title, unnest(accept) AS f FROM items) c USING (set_name, title)
		  GROUP BY i.set_name, i.title, f) per_answer
	GROUP BY set_name, title
)
SELECT set_name AS set, sum(satisfied) AS "best possible correct",
	   (SELECT count(*) FROM items i WHERE i.set_name = b.set_name) AS scored,
	   round(100.0 * sum(satisfied) / (SELECT count(*) FROM items i WHERE i.set_name = b.set_name), 1)
		   AS "best possible %"
FROM best_per_title b
GROUP BY set_name
ORDER BY array_position(ARRAY['onet', 'esco_fr', 'esco_es'], set_name);

-- How far a title can carry its occupation's function: two blind
-- annotations of 800 scored items (bench/accuracy/README.md).  An answer
-- agrees with an annotator when it is the annotator's function or its
-- second label; "none" agrees with nothing.
CREATE TEMP TABLE acc_second AS
SELECT split_part(line, E'\t', 1) AS set_name,
	   split_part(line, E'\t', 2) AS title_md5,
	   split_part(line, E'\t', 3) AS code,
	   array_remove(ARRAY[split_part(line, E'\t', 4),
						  nullif(split_part(line, E'\t', 5), '')], NULL) AS judged_a,
	   array_remove(ARRAY[split_part(line, E'\t', 6),
						  nullif(split_part(line, E'\t', 7), '')], NULL) AS judged_b
FROM acc_second_raw
WHERE line !~ '^#' AND split_part(line, E'\t', 1) <> 'set' AND line <> '';

\echo '-- agreement with two blind annotations of 800 titles (gold: the occupation code)'
SELECT s.set_name AS set, count(*) AS titles,
	   round(100.0 * count(*) FILTER (WHERE i.accept && s.judged_a) / count(*), 1) AS "gold ~ A %",
	   round(100.0 * count(*) FILTER (WHERE i.accept && s.judged_b) / count(*), 1) AS "gold ~ B %",
	   round(100.0 * count(*) FILTER (WHERE i.accept && s.judged_a[1:1]) / count(*), 1) AS "gold ~ A, first label %",
	   round(100.0 * count(*) FILTER (WHERE s.judged_a[1] = s.judged_b[1]) / count(*), 1) AS "A = B, first labels %",
	   round(100.0 * count(*) FILTER (WHERE r.pred = ANY (s.judged_a)) / count(*), 1) AS "persona ~ A %",
	   round(100.0 * count(*) FILTER (WHERE r.pred = ANY (s.judged_b)) / count(*), 1) AS "persona ~ B %",
	   round(100.0 * count(*) FILTER (WHERE r.pred = r.gold) / count(*), 1) AS "persona ~ gold %"
FROM acc_second s
JOIN acc_item i ON i.set_name = s.set_name AND md5(i.title) = s.title_md5 AND i.code = s.code
JOIN acc_result r ON r.set_name = i.set_name AND r.title = i.title AND r.code = i.code
GROUP BY s.set_name
ORDER BY array_position(ARRAY['onet', 'esco_fr', 'esco_es'], s.set_name);

\echo '-- seniority fixture accuracy by language'
SELECT code AS lang, count(*) AS scored,
	   count(*) FILTER (WHERE gold = pred) AS correct,
	   round(100.0 * count(*) FILTER (WHERE gold = pred) / count(*), 1) AS "accuracy %"
FROM acc_result
WHERE set_name = 'seniority'
GROUP BY code
ORDER BY array_position(ARRAY['en', 'de', 'fr', 'es', 'pt', 'nl', 'it'], code), code;

-- Per-class tables, one per set.
\echo '-- onet (English), job function per class'
SELECT p.class, support, predicted, tp, precision, recall, f1
FROM acc_per_class p JOIN acc_class_order o ON o.kind = 'function' AND o.class = p.class
WHERE set_name = 'onet' ORDER BY o.o;

\echo '-- esco_fr (French), job function per class'
SELECT p.class, support, predicted, tp, precision, recall, f1
FROM acc_per_class p JOIN acc_class_order o ON o.kind = 'function' AND o.class = p.class
WHERE set_name = 'esco_fr' ORDER BY o.o;

\echo '-- esco_es (Spanish), job function per class'
SELECT p.class, support, predicted, tp, precision, recall, f1
FROM acc_per_class p JOIN acc_class_order o ON o.kind = 'function' AND o.class = p.class
WHERE set_name = 'esco_es' ORDER BY o.o;

\echo '-- seniority fixture, seniority per class'
SELECT p.class, support, predicted, tp, precision, recall, f1
FROM acc_per_class p JOIN acc_class_order o ON o.kind = 'seniority' AND o.class = p.class
WHERE set_name = 'seniority' ORDER BY o.o;

-- The most frequent confusions, with one example title each.
\echo '-- most frequent confusions (gold -> predicted), top 12 per set'
SELECT set_name AS set, gold || ' -> ' || pred AS confusion, n AS count, example
FROM (SELECT set_name, gold, pred, count(*) AS n, left(min(title), 48) AS example,
			 row_number() OVER (PARTITION BY set_name
								ORDER BY count(*) DESC, gold, pred) AS rn
	  FROM acc_result
	  WHERE gold <> pred
	  GROUP BY set_name, gold, pred) c
WHERE rn <= 12
ORDER BY array_position(ARRAY['onet', 'esco_fr', 'esco_es', 'seniority'], set_name), rn;
