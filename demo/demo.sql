--
-- demo/demo.sql: what persona does with the sample CRM (demo/sample_crm.sql).
-- Run by demo/run; each section prints one report.
--
\pset footer off
CREATE EXTENSION persona;

\echo
\echo '== 1. Title intelligence: a few raw CRM titles, normalised and classified'
SELECT l.title, p.normalized, p.seniority, p.job_function, p.functions, p.subfunction
FROM (SELECT DISTINCT ON (l.title) l.title FROM crm.leads l
      WHERE l.title IS NOT NULL ORDER BY l.title, l.id) l,
     persona.title_parse(l.title) p
ORDER BY md5(l.title) LIMIT 15;

\echo
\echo '== 2. Why: the words that decided "Vertriebsleiterin DACH"'
SELECT term, source, seniority, job_function, rule, decided
FROM persona.title_explain('Vertriebsleiterin DACH');

\echo
\echo '== 3. The sample CRM by seniority and job function (leads)'
WITH classified AS (
	SELECT persona.title_seniority(title) AS seniority,
	       persona.title_function(title) AS job_function
	FROM crm.leads
)
SELECT coalesce(seniority::text, '(unknown)') AS seniority,
       count(*) AS leads,
       count(*) FILTER (WHERE job_function = 'executive') AS exec,
       count(*) FILTER (WHERE job_function = 'sales') AS sales,
       count(*) FILTER (WHERE job_function = 'marketing') AS mktg,
       count(*) FILTER (WHERE job_function = 'operations') AS ops,
       count(*) FILTER (WHERE job_function = 'finance') AS fin,
       count(*) FILTER (WHERE job_function = 'hr') AS hr,
       count(*) FILTER (WHERE job_function IN ('it', 'engineering', 'data')) AS tech,
       count(*) FILTER (WHERE job_function = 'procurement') AS purch,
       count(*) FILTER (WHERE job_function = 'customer_success') AS cs,
       count(*) FILTER (WHERE job_function NOT IN ('executive', 'sales', 'marketing', 'operations',
                        'finance', 'hr', 'it', 'engineering', 'data', 'procurement',
                        'customer_success')) AS other,
       count(*) FILTER (WHERE job_function IS NULL) AS unknown
FROM classified
GROUP BY ROLLUP (seniority)
ORDER BY seniority DESC NULLS LAST;

\echo
\echo '== 4. Coverage by title language (the account''s country)'
SELECT a.country, count(*) AS leads,
       round(100.0 * count(persona.title_seniority(l.title)) / count(*), 1) AS pct_seniority_known,
       round(100.0 * count(persona.title_function(l.title)) / count(*), 1) AS pct_function_known
FROM crm.leads l JOIN crm.accounts a ON a.id = l.account_id
GROUP BY a.country ORDER BY leads DESC LIMIT 12;
