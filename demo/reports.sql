--
-- demo/reports.sql: the segmentation and manager inspection reports over
-- the sample CRM (demo/sample_crm.sql), and the HTML report.
--
--   psql -v ON_ERROR_STOP=1 -f demo/reports.sql [-v report_file=/path/report.html]
--
-- Runs after demo/demo.sql (as demo/run does) or on its own over the
-- sample CRM.  It creates the extension if needed, copies each account's
-- industry and size onto its leads, loads the demo personas
-- (demo/personas.sql) unless profiles exist, attaches crm.leads, tags it,
-- invents a deterministic opportunity table, adds routing rules and
-- content, prints every report with its run time, refreshes the snapshots
-- and writes the HTML report to :report_file (default
-- /tmp/persona_report.html).
--
\pset footer off
\set QUIET 1
SET client_min_messages = warning;
\if :{?report_file}
\else
\set report_file /tmp/persona_report.html
\endif
CREATE EXTENSION IF NOT EXISTS persona;

-- The matcher reads industry and company size from the lead row.
ALTER TABLE crm.leads ADD COLUMN IF NOT EXISTS industry text, ADD COLUMN IF NOT EXISTS employees int;
UPDATE crm.leads l SET industry = a.industry, employees = a.employees
FROM crm.accounts a
WHERE a.id = l.account_id AND (l.industry IS DISTINCT FROM a.industry OR l.employees IS DISTINCT FROM a.employees);

SELECT NOT EXISTS (SELECT FROM persona.profile) AS need_personas,
       NOT EXISTS (SELECT FROM persona.attached WHERE table_name = 'crm.leads'::regclass) AS need_attach \gset
\if :need_personas
\ir personas.sql
\endif
\if :need_attach
SELECT persona.attach('crm.leads', title => 'title', department => 'department',
	industry => 'industry', employees => 'employees', country => 'country',
	account => 'account_id', owner => 'owner_id', attrs => 'attrs',
	segments => '{lifecycle_stage,lead_source}') \g /dev/null
\endif
CALL persona.retag('crm.leads');
-- After a bulk re-tag, as a DBA would: clear the old row versions.
VACUUM ANALYZE crm.leads;

-- Opportunities, invented from the accounts (md5 of the account id, so
-- every run makes the same ones): about a third of the accounts have one
-- or two, in six stages.
DROP TABLE IF EXISTS crm.opportunities;
CREATE TABLE crm.opportunities (
	id int PRIMARY KEY,
	account_id int NOT NULL REFERENCES crm.accounts,
	name text NOT NULL,
	amount numeric(12, 2) NOT NULL,
	stage text NOT NULL
);
INSERT INTO crm.opportunities
SELECT row_number() OVER (ORDER BY a.id, g), a.id,
	a.name || ' - ' || (ARRAY['New business', 'Expansion', 'Renewal'])[1 + g % 3],
	round(2000 + ('x' || substr(md5('amount' || a.id || ':' || g), 1, 6))::bit(24)::int % 40 * 500
	      + least(a.employees, 5000) * 12, -2),
	(ARRAY['Discovery', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'])
		[1 + ('x' || substr(md5('stage' || a.id || ':' || g), 1, 4))::bit(16)::int % 6]
FROM crm.accounts a, generate_series(1, 2) g
WHERE ('x' || substr(md5('opp' || a.id || ':' || g), 1, 4))::bit(16)::int % 10 < 3;
SELECT persona.map_opportunities('crm.opportunities', account => 'account_id', amount => 'amount',
	stage => 'stage') \g /dev/null

-- Routing rules and content, as RevOps would write them.
DELETE FROM persona.routing_rule;
INSERT INTO persona.routing_rule (rule, priority, persona, role, segments, queue, owner, note) VALUES
	('exec_to_vp', 40, NULL, 'decision_maker', '{"lifecycle_stage": ["sql", "opportunity"]}', NULL, '1',
	 'decision makers in active deals go to the VP Sales'),
	('revops_champions', 30, 'revops_manager', NULL, NULL, 'revops_specialists', NULL,
	 'RevOps managers are our champions: specialists call them'),
	('hot_mql', 20, NULL, NULL, '{"lifecycle_stage": "mql"}', 'sdr_inbound', NULL,
	 'fresh MQLs go to the inbound SDRs'),
	('procurement', 10, 'procurement', NULL, NULL, 'deal_desk', NULL,
	 'procurement talks to the deal desk'),
	('nurture', 0, NULL, NULL, NULL, 'marketing_nurture', NULL, 'everyone else is nurtured');
DELETE FROM persona.content;
INSERT INTO persona.content (id, title, url, kind, personas, lifecycle_stages, priority) VALUES
	('forecast_case', 'How Polarline hit its forecast within 3%', 'https://example.com/case/forecast', 'case_study',
	 '{sales_leader,revops_manager}', '{sql,opportunity}', 20),
	('roi_calculator', 'ROI calculator', 'https://example.com/roi', 'tool',
	 '{economic_buyer,founder}', '{sql,opportunity,customer}', 15),
	('security_pack', 'Security and data residency pack', 'https://example.com/security', 'document',
	 '{tech_evaluator,procurement}', NULL, 10),
	('migration_guide', 'CRM migration guide', 'https://example.com/migrate', 'guide',
	 '{revops_manager,operator}', NULL, 5),
	('rep_tour', 'Two-minute tour for reps', 'https://example.com/tour', 'video',
	 '{sales_rep}', NULL, 5),
	('founder_webinar', 'Webinar: your first sales process', 'https://example.com/webinar', 'webinar',
	 '{founder}', '{subscriber,lead,mql}', 0);

\echo
\echo '== 1. persona.segments: the persona mix (all leads)'
SELECT persona_name, sum(leads) AS leads, round(100 * sum(share), 1) AS pct,
       round(sum(avg_score * leads) / sum(leads), 3) AS avg_score
FROM persona.segments WHERE segment IS NULL
GROUP BY persona_name ORDER BY sum(leads) DESC;

\echo
\echo '== 2. persona.segments: persona by lifecycle stage (share of the stage''s leads, %)'
SELECT segment_value AS lifecycle_stage,
       round(100 * sum(share) FILTER (WHERE persona = 'sales_leader'), 1) AS sales_leader,
       round(100 * sum(share) FILTER (WHERE persona = 'revops_manager'), 1) AS revops,
       round(100 * sum(share) FILTER (WHERE persona = 'economic_buyer'), 1) AS econ_buyer,
       round(100 * sum(share) FILTER (WHERE persona = 'tech_evaluator'), 1) AS tech_eval,
       round(100 * sum(share) FILTER (WHERE persona = 'sales_rep'), 1) AS sales_rep,
       round(100 * sum(share) FILTER (WHERE persona = 'founder'), 1) AS founder,
       round(100 * sum(share) FILTER (WHERE persona IS NULL), 1) AS untagged,
       sum(leads) AS leads
FROM persona.segments WHERE segment = 'lifecycle_stage'
GROUP BY segment_value
ORDER BY array_position(ARRAY['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer', 'evangelist'], segment_value);

\echo
\echo '== 3. persona.inspection: what needs a manager''s look'
SELECT reason, count(*) AS leads FROM persona.inspection GROUP BY reason ORDER BY count(*) DESC;
SELECT reason, row_key AS lead, detail
FROM (SELECT i.*, row_number() OVER (PARTITION BY reason ORDER BY md5(row_key)) AS n FROM persona.inspection i) s
WHERE n <= 2 ORDER BY reason, row_key;

\echo
\echo '== 4. persona.account_coverage: buying committees by company size'
SELECT size_band, count(*) AS accounts,
       round(100 * avg(completeness), 1) AS avg_complete_pct,
       count(*) FILTER (WHERE NOT has_decision_maker) AS no_decision_maker,
       count(*) FILTER (WHERE single_threaded) AS single_threaded,
       sum(open_pipeline) AS open_pipeline, sum(pipeline_at_risk) AS pipeline_at_risk
FROM persona.account_coverage
GROUP BY size_band ORDER BY min(employees);

\echo
\echo '== 5. persona.account_coverage: the most open pipeline on accounts without a decision maker'
SELECT a.name AS account, c.contacts, c.completeness, c.missing_role_labels, c.open_opportunities,
       c.pipeline_at_risk
FROM persona.account_coverage c JOIN crm.accounts a ON a.id::text = c.account
WHERE c.pipeline_at_risk > 0
ORDER BY c.pipeline_at_risk DESC, a.name LIMIT 10;

\echo
\echo '== 6. persona.owner_mix: per rep'
SELECT o.name AS owner, o.role, m.leads, round(100 * m.untagged_share, 1) AS untagged_pct,
       m.overrides, m.decision_makers, m.top_persona, round(100 * m.top_persona_share, 1) AS top_pct
FROM persona.owner_mix m JOIN crm.owners o ON o.id::text = m.owner
ORDER BY m.leads DESC LIMIT 12;

\echo
\echo '== 7. persona.call_prep: one lead per persona, with content and route'
SELECT DISTINCT ON (persona) persona_name, title, lifecycle_stage, role_label,
       left(messaging, 45) AS messaging, content_titles, coalesce(route_queue, 'owner ' || route_owner) AS route
FROM persona.call_prep WHERE persona IS NOT NULL
ORDER BY persona, md5(row_key);

\echo
\echo '== 8. Run time of each report over the sample CRM (every column of every row; best of 3, ms)'
CREATE FUNCTION pg_temp.time_report(report regclass, OUT rows bigint, OUT ms numeric)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
BEGIN
	FOR i IN 1 .. 3 LOOP
		t0 := clock_timestamp();
		EXECUTE format('SELECT count(*) FROM %s v WHERE length(v::text) > 0', report) INTO rows;
		ms := least(ms, round(extract(epoch FROM clock_timestamp() - t0) * 1000, 1));
	END LOOP;
END
$$;
SELECT r AS report, t.rows, t.ms
FROM unnest(ARRAY['persona.segments', 'persona.inspection', 'persona.account_coverage',
                  'persona.owner_mix', 'persona.call_prep']::regclass[]) r,
     pg_temp.time_report(r) t;
SELECT clock_timestamp() AS t0 \gset
SELECT length(persona.report_html()) AS html_bytes,
       round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000, 1) AS report_html_ms;

\echo
\echo '== 9. Snapshots for dashboards: persona.refresh_reports()'
SELECT clock_timestamp() AS t0 \gset
SELECT * FROM persona.refresh_reports();
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000, 1) AS refresh_ms;

\echo
\echo '== 10. The HTML report'
\pset tuples_only on
\pset format unaligned
\o :report_file
SELECT persona.report_html('Persona report: sample CRM');
\o
\pset tuples_only off
\pset format aligned
\echo 'HTML report written to' :report_file
