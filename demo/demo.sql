--
-- demo/demo.sql: what persona does with the sample CRM (demo/sample_crm.sql).
-- Run by demo/run; each section prints one report.
--
\pset footer off
\set ON_ERROR_STOP 1
CREATE EXTENSION persona;

\echo
\echo '== 1. Title intelligence: raw CRM titles, normalised and classified'
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
SELECT CASE WHEN GROUPING(seniority) = 1 THEN '(all)' ELSE coalesce(seniority::text, '(unknown)') END AS seniority,
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
ORDER BY GROUPING(seniority), seniority DESC NULLS LAST;

\echo
\echo '== 4. Eight personas, published as ruleset version 1'
\i demo/personas.sql
SELECT key, name, priority, title_keywords, seniorities, functions, employees
FROM persona.profile ORDER BY priority DESC, key;

\echo
\echo '== 5. Attach crm.leads: a C trigger tags new and changed rows'
-- Like Salesforce's Lead object, a lead carries its company's industry and size.
ALTER TABLE crm.leads ADD COLUMN industry text, ADD COLUMN employees int;
UPDATE crm.leads l SET industry = a.industry, employees = a.employees
FROM crm.accounts a WHERE a.id = l.account_id;
SELECT persona.attach('crm.leads', title => 'title', department => 'department',
	industry => 'industry', employees => 'employees', country => 'country',
	account => 'account_id', owner => 'owner_id', attrs => 'attrs',
	segments => '{lifecycle_stage,lead_source}');
\echo 'the leads already there are tagged by a re-tag (progress as NOTICE lines):'
CALL persona.retag('crm.leads', batch_size => 10000);

\echo
\echo '== 6. New leads are tagged on INSERT'
INSERT INTO crm.leads (id, account_id, first_name, last_name, title, country,
	lifecycle_stage, lead_source, owner_id, created_at, industry, employees)
VALUES (900001, 1, 'Ada', 'Meyer', 'Leiterin Revenue Operations', 'DE', 'mql', 'web', 1, '2026-12-01', 'SaaS', 400),
       (900002, 1, 'Bo', 'Chen', 'Chief Revenue Officer', 'US', 'sql', 'event', 1, '2026-12-01', 'SaaS', 400),
       (900003, 1, 'Carla', 'Ruiz', 'Directora de Compras', 'ES', 'lead', 'outbound', 1, '2026-12-01', 'SaaS', 400)
RETURNING id, title, persona, round(persona_score::numeric, 2) AS score, persona_role AS role,
	persona_seniority AS seniority, persona_function AS job_function, persona_ruleset_version AS version;

\echo
\echo '== 7. Persona and role distribution of the sample CRM'
SELECT coalesce(persona, '(none)') AS persona, count(*) AS leads,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct,
       round(avg(persona_score)::numeric, 2) AS avg_score
FROM crm.leads GROUP BY 1 ORDER BY 2 DESC;
SELECT coalesce(persona_role, '(none)') AS role, count(*) AS leads
FROM crm.leads GROUP BY 1 ORDER BY 2 DESC;

\echo
\echo '== 8. Explain: why is lead 900001 a RevOps manager?'
SELECT e.persona, e.criterion, e.setting, e.lead_value, e.matched, e.weight,
       round(e.contribution::numeric, 2) AS contribution, round(e.profile_score::numeric, 2) AS score, e.reached
FROM crm.leads l,
     persona.explain(l.title, department => l.department, industry => l.industry,
                     employees => l.employees, country => l.country, attrs => l.attrs) e
WHERE l.id = 900001 AND e.persona IN ('revops_manager', 'operator')
ORDER BY e.persona, e.criterion;

\echo
\echo '== 9. A manager overrides one lead by hand; the trigger keeps it'
SELECT persona.override('crm.leads', '900003', persona => 'economic_buyer', role => 'economic_buyer');
UPDATE crm.leads SET title = 'Directora de Compras y Finanzas' WHERE id = 900003;
SELECT id, title, persona, persona_role AS role, persona_locked AS locked FROM crm.leads WHERE id = 900003;

\echo
\echo '== 10. RevOps now also covers VPs: preview the draft, publish, re-tag'
UPDATE persona.profile SET seniorities = '{senior,manager,director,head,vp}' WHERE key = 'revops_manager';
SELECT * FROM persona.preview('crm.leads') WHERE current_persona IS DISTINCT FROM new_persona;
SELECT persona.publish('RevOps includes VPs') AS version;
CALL persona.retag('crm.leads', batch_size => 10000);
SELECT table_name, target_version, rows_done, rows_total, percent_done, rows_per_second, state
FROM persona.retag_status ORDER BY started_at;

\echo
\echo '== 11. The audit: every change after the first tag'
SELECT manual, old_persona, new_persona, ruleset_version, count(*) AS changes
FROM persona.audit GROUP BY 1, 2, 3, 4 ORDER BY 1 DESC, 5 DESC LIMIT 10;
