--
-- Edge inputs of the title functions: NULL, empty, blank, punctuation,
-- control characters, non-Latin scripts, huge and toasted titles.
--
\set VERBOSITY terse

-- STRICT: NULL in, NULL out, for every title function.
SELECT persona.title_seniority(NULL) IS NULL AS seniority_null,
       persona.title_function(NULL) IS NULL AS function_null,
       persona.title_normalize(NULL) IS NULL AS normalize_null,
       persona.title_parse(NULL) IS NULL AS parse_null,
       (SELECT count(*) FROM persona.title_explain(NULL)) AS explain_rows;

-- Nothing to read: NULL results, an empty normalised form, no evidence.
SELECT format('%L', t) AS title, persona.title_seniority(t) AS seniority,
       persona.title_function(t) AS job_function,
       format('%L', persona.title_normalize(t)) AS normalized,
       (SELECT count(*) FROM persona.title_explain(t)) AS evidence
FROM (VALUES (''), ('   '), (E'\t\n\r'), ('-'), ('n/a'), ('???'), ('&/,()|;:'),
             ('12345'), (E'\x01\x02')) v(t)
ORDER BY 1;

-- Non-Latin scripts never fail; what they say is unknown (NULL).
SELECT t AS title, persona.title_seniority(t) AS seniority,
       persona.title_function(t) AS job_function
FROM (VALUES ('営業部長'), ('首席执行官'), ('영업 이사'), ('Менеджер по продажам'),
             ('مدير المبيعات'), ('מנהל מכירות'), ('🚀🚀🚀')) v(t)
ORDER BY 1;

-- Latin words among other scripts are still read.
SELECT persona.title_seniority('CEO 最高経営責任者') AS seniority,
       persona.title_function('Sales Manager – Продажи') AS job_function;

-- Only the first 1,024 bytes of a title are read: a word past them is
-- ignored, and a 1 MB or 10 MB title costs no more than a short one.
SELECT persona.title_seniority(repeat('x ', 600) || 'CEO') AS past_the_limit,
       persona.title_seniority('CEO ' || repeat('x ', 600)) AS within_the_limit;
SELECT persona.title_seniority(repeat('Sales Director ', 70000)) AS one_megabyte,
       persona.title_function(repeat('Sales Director ', 700000)) AS ten_megabytes,
       length(persona.title_normalize(repeat('Sales Director ', 70000))) <= 4096 AS bounded_normal_form;

-- A cut in the middle of a multi-byte character at the limit is harmless.
SELECT persona.title_seniority(repeat('é', 600) || ' CEO') AS cut_character;

-- Toasted (compressed, out-of-line) titles are read from their first bytes.
CREATE TEMP TABLE long_titles (id int, title text);
ALTER TABLE long_titles ALTER COLUMN title SET STORAGE EXTERNAL;
INSERT INTO long_titles VALUES (1, 'Head of Procurement ' || repeat('and more ', 200000));
ALTER TABLE long_titles ALTER COLUMN title SET STORAGE EXTENDED;
INSERT INTO long_titles VALUES (2, 'Chief Financial Officer ' || repeat('EMEA ', 200000));
SELECT id, pg_column_size(title) < octet_length(title) AS compressed,
       persona.title_seniority(title) AS seniority, persona.title_function(title) AS job_function
FROM long_titles ORDER BY id;

-- The same answers in every row of a set, whatever was classified before
-- (the classifier remembers only the last title it saw).
SELECT t, persona.title_seniority(t) AS seniority, persona.title_function(t) AS job_function
FROM (VALUES ('VP Sales'), ('VP Sales'), ('Intern'), ('VP Sales'), ('vp sales')) v(t);
