--
-- Reports under row-level security: two sales managers, each allowed to
-- see only the leads of their own team, read every report view and the
-- HTML report; the materialized snapshots hold every row and are not
-- granted to them.
--
\set VERBOSITY terse
SET client_min_messages = warning;

DELETE FROM persona.profile;
INSERT INTO persona.profile (key, name, seniorities, functions)
VALUES ('sales_leader', 'Sales leader', '{director,head,vp,cxo}', '{sales}'),
       ('sales_rep', 'Sales rep', '{training,entry,senior}', '{sales}'),
       ('tech_buyer', 'Tech buyer', '{director,head,vp,cxo}', '{it,engineering}');
SELECT persona.publish('rls') IS NOT NULL AS published;

CREATE SCHEMA rls_crm;
CREATE TABLE rls_crm.leads (
	id int PRIMARY KEY,
	title text,
	account_id int,
	team text NOT NULL,
	stage text
);
SELECT persona.attach('rls_crm.leads', title => 'title', account => 'account_id', owner => 'team',
	segments => '{stage}');
-- North: account 1 has a CRO and two SDRs, account 2 an IT director and a
-- gardener.  South: account 3 has an SDR and an account executive (no
-- decision maker), account 4 a VP Sales alone.
INSERT INTO rls_crm.leads VALUES
	(1, 'CRO', 1, 'north', 'sql'),
	(2, 'SDR', 1, 'north', 'mql'),
	(3, 'SDR', 1, 'north', 'lead'),
	(4, 'IT Director', 2, 'north', 'mql'),
	(5, 'Gardener', 2, 'north', 'lead'),
	(6, 'SDR', 3, 'south', 'mql'),
	(7, 'Account Executive', 3, 'south', 'sql'),
	(8, 'VP Sales', 4, 'south', 'sql');
SELECT persona.override('rls_crm.leads', '8', persona => 'tech_buyer');

CREATE ROLE regress_mgr_north;
CREATE ROLE regress_mgr_south;
GRANT USAGE ON SCHEMA persona, rls_crm TO regress_mgr_north, regress_mgr_south;
GRANT SELECT ON rls_crm.leads TO regress_mgr_north, regress_mgr_south;
ALTER TABLE rls_crm.leads ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_team ON rls_crm.leads FOR SELECT
	USING (team = replace(current_user, 'regress_mgr_', ''));

-- What each role sees through every view: the table owner sees all.
CREATE FUNCTION pg_temp.seen()
RETURNS TABLE (report text, rows bigint, leads numeric, teams text)
LANGUAGE sql AS $$
	SELECT 'segments', count(*), sum(leads), NULL FROM persona.segments WHERE segment IS NULL
	UNION ALL
	SELECT 'inspection', count(*), count(DISTINCT row_key), string_agg(DISTINCT owner, ',') FROM persona.inspection
	UNION ALL
	SELECT 'account_coverage', count(*), sum(contacts), string_agg(DISTINCT owner, ',') FROM persona.account_coverage
	UNION ALL
	SELECT 'owner_mix', count(*), sum(leads), string_agg(owner, ',' ORDER BY owner) FROM persona.owner_mix
	UNION ALL
	SELECT 'call_prep', count(*), count(DISTINCT row_key), string_agg(DISTINCT owner, ',') FROM persona.call_prep
	UNION ALL
	SELECT 'tagged_rows', count(*), count(*), string_agg(DISTINCT owner, ',') FROM persona.tagged_rows
$$;

SELECT * FROM pg_temp.seen();

SET ROLE regress_mgr_north;
SELECT * FROM pg_temp.seen();
SELECT account, contacts, decision_makers, completeness, missing_roles, has_decision_maker, single_threaded
FROM persona.account_coverage ORDER BY account;
SELECT row_key, reason FROM persona.inspection ORDER BY row_key::int, reason;
SELECT segment, segment_value, persona, leads, share FROM persona.segments
WHERE segment = 'stage' ORDER BY segment_value, persona NULLS FIRST;
RESET ROLE;

SET ROLE regress_mgr_south;
SELECT * FROM pg_temp.seen();
SELECT account, contacts, decision_makers, completeness, missing_roles, has_decision_maker, single_threaded
FROM persona.account_coverage ORDER BY account;
SELECT row_key, reason FROM persona.inspection ORDER BY row_key::int, reason;
SELECT owner, leads, overrides, persona_mix FROM persona.owner_mix;
RESET ROLE;

-- The HTML report is built as its caller: each manager's shows their leads.
CREATE FUNCTION pg_temp.report_leads()
RETURNS text LANGUAGE sql AS $$
	SELECT (xpath('//h:div[@class="kpi"][1]/h:b/text()', xmlparse(document persona.report_html()),
		ARRAY[ARRAY['h', 'http://www.w3.org/1999/xhtml']]))[1]::text
$$;
SELECT pg_temp.report_leads() AS all_leads;
SET ROLE regress_mgr_north;
SELECT pg_temp.report_leads() AS north_leads;
SET ROLE regress_mgr_south;
SELECT pg_temp.report_leads() AS south_leads;
RESET ROLE;

-- A manager without SELECT on the leads table sees nothing through the
-- views either: security_invoker checks the reader's privileges.
REVOKE SELECT ON rls_crm.leads FROM regress_mgr_south;
SET ROLE regress_mgr_south;
SELECT count(*) FROM persona.account_coverage;
RESET ROLE;
GRANT SELECT ON rls_crm.leads TO regress_mgr_south;

-- Snapshots are computed as their owner (every row) and granted to nobody
-- by default; refreshing them is not for managers either.
SELECT materialized_view, row_count FROM persona.refresh_reports();
SET ROLE regress_mgr_north;
SELECT count(*) FROM persona.account_coverage_mv;
SELECT * FROM persona.refresh_reports();
RESET ROLE;
-- Granted to a role that may see every lead, it shows every lead.
GRANT SELECT ON persona.owner_mix_mv TO regress_mgr_north;
SET ROLE regress_mgr_north;
SELECT owner, leads FROM persona.owner_mix_mv ORDER BY owner;
RESET ROLE;
REVOKE SELECT ON persona.owner_mix_mv FROM regress_mgr_north;

-- Clean up.
SELECT persona.detach('rls_crm.leads');
DROP SCHEMA rls_crm CASCADE;
SELECT count(*) FROM persona.refresh_reports();
REVOKE USAGE ON SCHEMA persona FROM regress_mgr_north, regress_mgr_south;
DROP ROLE regress_mgr_north;
DROP ROLE regress_mgr_south;
DELETE FROM persona.profile;
DELETE FROM persona.audit;
