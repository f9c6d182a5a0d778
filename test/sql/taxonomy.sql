--
-- The taxonomies of SPEC section 2: exact labels, exact order.
--
\set VERBOSITY terse

SELECT pg_catalog.enum_range(NULL::persona.seniority);
SELECT pg_catalog.enum_range(NULL::persona.job_function);

-- Seniority is ordered, lowest first.
SELECT 'vp'::persona.seniority > 'director'::persona.seniority AS vp_above_director,
       'head'::persona.seniority BETWEEN 'director' AND 'vp' AS head_between,
       'board'::persona.seniority = (SELECT max(s) FROM unnest(pg_catalog.enum_range(NULL::persona.seniority)) s) AS board_is_top;

-- Unknown labels are a clear error (22P02).
SELECT 'ceo'::persona.seniority;
\echo sqlstate :SQLSTATE
SELECT 'Sales'::persona.job_function;
\echo sqlstate :SQLSTATE

-- Every label the classifier can return is one of these.
SELECT count(*) AS seniority_labels FROM unnest(pg_catalog.enum_range(NULL::persona.seniority));
SELECT count(*) AS function_labels FROM unnest(pg_catalog.enum_range(NULL::persona.job_function));
