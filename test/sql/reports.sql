--
-- Reports: the five views, settings, opportunities, routing, content,
-- materialized snapshots and the HTML report, on a small CRM whose right
-- answers are stated next to each query.
--
\set VERBOSITY terse
SET client_min_messages = warning;

DELETE FROM persona.profile;
INSERT INTO persona.profile (key, name, priority, seniorities, functions)
VALUES ('sales_leader', 'Sales leader', 20, '{director,head,vp,cxo}', '{sales}'),
       ('sales_rep', 'Sales rep', 10, '{training,entry,senior}', '{sales}'),
       ('tech_buyer', 'Tech buyer (IT & engineering)', 15, '{director,head,vp,cxo}', '{it,engineering}'),
       ('finance_leader', 'Finance leader', 30, '{director,head,vp,cxo}', '{finance}'),
       ('executive', 'Executive', 5, '{cxo,owner}', NULL);
-- A fuzzy persona: the keyword alone reaches its threshold with a low score.
INSERT INTO persona.profile (key, name, title_keywords, seniorities, match_mode, min_score)
VALUES ('marketer', 'Marketer', '{marketing}', '{cxo}', 'weighted', 0.3);
UPDATE persona.profile SET goals = '{hit the number}', pains = '{forecast is guesswork}',
	messaging = 'Know which deals will close.' WHERE key = 'sales_leader';
SELECT persona.publish('reports v1') AS v1 \gset

CREATE TABLE crm_people (
	id int PRIMARY KEY,
	title text,
	account text,
	owner_name text,
	employees int,
	lifecycle_stage text,
	lead_source text
);
SELECT persona.attach('crm_people', title => 'title', account => 'account', owner => 'owner_name',
	employees => 'employees', segments => '{lifecycle_stage,lead_source}');
-- Account A1 has a CRO, a sales manager, a CFO and an IT director: a full
-- committee.  A2 has two SDRs and an account executive (end users only)
-- and a lead without a title: no decision maker.  A3 is a founder alone:
-- single-threaded, a decision maker at a company of 20.
INSERT INTO crm_people VALUES
	(1, 'CRO', 'A1', 'alice', 500, 'opportunity', 'event'),
	(2, 'Sales Manager', 'A1', 'alice', 500, 'sql', 'event'),
	(3, 'CFO', 'A1', 'alice', 500, 'opportunity', 'referral'),
	(4, 'IT Director', 'A1', 'alice', 500, 'mql', 'web'),
	(5, 'SDR', 'A2', 'bob', 300, 'mql', 'web'),
	(6, 'SDR', 'A2', 'bob', 300, 'lead', 'web'),
	(7, 'Account Executive', 'A2', 'bob', 300, 'sql', 'outbound'),
	(8, NULL, 'A2', 'bob', 300, 'lead', 'list_import'),
	(9, 'Founder', 'A3', 'alice', 20, 'customer', 'referral'),
	(10, 'Gardener', 'A3', 'alice', 20, 'lead', 'web'),
	(11, 'Marketing Manager', NULL, NULL, NULL, 'mql', 'paid_search');
-- Lead 10 (a gardener) moves to account A4 so A3 stays single-threaded.
UPDATE crm_people SET account = 'A4' WHERE id = 10;

SELECT id, title, persona, persona_role, persona_seniority, persona_function FROM crm_people ORDER BY id;

--
-- persona.segments: over all leads (segment NULL) and per segment value.
--
SELECT persona, persona_name, seniority, job_function, leads, share, avg_score
FROM persona.segments WHERE segment IS NULL
ORDER BY leads DESC, persona NULLS FIRST, seniority NULLS FIRST, job_function NULLS FIRST;
-- The shares of each segment value add up to 1.
SELECT segment, segment_value, sum(leads) AS leads, sum(share) AS share
FROM persona.segments GROUP BY 1, 2 ORDER BY 1 NULLS FIRST, 2 NULLS FIRST;
SELECT segment_value, persona, leads, share FROM persona.segments
WHERE segment = 'lifecycle_stage' AND segment_value = 'mql' ORDER BY persona NULLS FIRST;

--
-- persona.account_coverage: A1 is complete; A2 misses a decision maker
-- (and every other required role); A3 has a decision maker but is
-- single-threaded; A4 has one untagged contact.
--
SELECT account, contacts, tagged, decision_makers, economic_buyers, champions,
	technical_evaluators, end_users, roles_present, required_roles_filled, required_roles,
	completeness, missing_roles, has_decision_maker, single_threaded, size_band
FROM persona.account_coverage ORDER BY account;
SELECT account, missing_role_labels FROM persona.account_coverage ORDER BY account;
-- Completeness is weighted: decision maker 1.0 of 1.0 + 1.0 + 0.9 + 0.7.
SELECT account, completeness = round((1.0 / 3.6)::numeric, 3) AS weighted
FROM persona.account_coverage WHERE account = 'A3';

--
-- Open pipeline: an opportunity table, with a closed-won row that does not
-- count.  A2 lacks a decision maker, so its open amount is at risk.
--
CREATE TABLE crm_opps (id int PRIMARY KEY, account text, amount numeric, stage text);
INSERT INTO crm_opps VALUES (1, 'A1', 20000, 'Proposal'), (2, 'A2', 50000, 'Negotiation'),
	(3, 'A2', 10000, 'Closed Won'), (4, 'A2', 5000, 'Discovery'), (5, 'A9', 700, 'Discovery');
SELECT persona.map_opportunities('crm_opps', account => 'account', amount => 'amount', stage => 'stage');
SELECT * FROM persona.open_pipeline ORDER BY account;
SELECT account, has_decision_maker, open_opportunities, open_pipeline, pipeline_at_risk
FROM persona.account_coverage ORDER BY account;
-- Mistakes.
SELECT persona.map_opportunities('crm_opps', account => 'nope', amount => 'amount');
SELECT persona.map_opportunities('crm_opps', account => 'account', amount => 'stage');
SELECT persona.map_opportunities('crm_opps', account => 'account', amount => 'amount', closed_stages => '{won,NULL}');
SELECT persona.unmap_opportunities('crm_people');

--
-- persona.owner_mix: alice has 5 leads (one untagged gardener), bob 4
-- (one without a title), and one lead has no owner.
--
SELECT owner, leads, tagged, untagged, untagged_share, overrides, override_share,
	decision_makers, avg_score, top_persona, top_persona_share, personas, persona_mix
FROM persona.owner_mix ORDER BY owner NULLS FIRST;

--
-- persona.inspection: the sales manager and the gardener are untagged
-- (no persona has managers or gardeners), lead 8 has no title, the
-- marketing manager scores low (0.45), and the CRO and the CFO fit two
-- personas equally (executive and a functional leader, both 1.0).
--
SELECT row_key, reason, detail, rules_persona, runner_up
FROM persona.inspection ORDER BY row_key::int, reason;
-- A hand-made override the rules disagree with.
SELECT persona.override('crm_people', '7', persona => 'sales_leader');
SELECT row_key, reason, detail FROM persona.inspection WHERE reason = 'override_disagrees';
-- A new ruleset makes every unlocked row stale until it is re-tagged.
UPDATE persona.profile SET priority = 25 WHERE key = 'tech_buyer';
SELECT persona.publish('reports v2') AS v2 \gset
SELECT reason, count(*) FROM persona.inspection GROUP BY reason ORDER BY reason;
SELECT regexp_replace(detail, 'version \d+', 'version N', 'g') AS detail,
	detail LIKE format('Tagged by ruleset version %s; version %s is active.%%', :v1, :v2) AS versions_right
FROM persona.inspection WHERE reason = 'stale_ruleset' AND row_key = '1';
CALL persona.retag('crm_people');
SELECT reason, count(*) FROM persona.inspection GROUP BY reason ORDER BY reason;

--
-- Settings: thresholds are rows of persona.report_setting.
--
SELECT persona.report_setting('low_score') AS low_score,
	persona.report_setting('runner_up_margin') AS margin,
	persona.report_setting('lifecycle_segment') AS lifecycle_segment;
INSERT INTO persona.report_setting VALUES ('low_score', '0.4');
SELECT count(*) AS low_scores FROM persona.inspection WHERE reason = 'low_score';
UPDATE persona.report_setting SET value = '0.5' WHERE name = 'low_score';
SELECT count(*) AS low_scores FROM persona.inspection WHERE reason = 'low_score';
INSERT INTO persona.report_setting VALUES ('runner_up_margin', '1.5');
INSERT INTO persona.report_setting VALUES ('lifecycle_segment', '3');
INSERT INTO persona.report_setting VALUES ('colour', '"red"');
DELETE FROM persona.report_setting;

--
-- Content recommendations and routing, surfaced in persona.call_prep.
--
INSERT INTO persona.content (id, title, url, kind, personas, lifecycle_stages, priority) VALUES
	('roi_calculator', 'ROI calculator', 'https://example.com/roi', 'tool', '{sales_leader,finance_leader}', '{opportunity,sql}', 10),
	('forecast_case', 'Forecast accuracy case study', 'https://example.com/case', 'case_study', '{sales_leader}', NULL, 5),
	('sdr_playbook', 'SDR playbook', NULL, 'one_pager', '{sales_rep}', NULL, 0),
	('security_pack', 'Security pack', NULL, 'document', '{tech_buyer}', '{}', 0),
	('retired', 'Old brochure', NULL, NULL, NULL, NULL, 99);
UPDATE persona.content SET active = false WHERE id = 'retired';
INSERT INTO persona.routing_rule (rule, priority, persona, role, segments, queue, owner) VALUES
	('decision_makers', 30, NULL, 'decision_maker', NULL, NULL, 'alice'),
	('hot_reps', 20, 'sales_rep', NULL, '{"lifecycle_stage": ["mql", "sql"]}', 'sdr_queue', NULL),
	('web_leads', 10, NULL, NULL, '{"lead_source": "web"}', 'inbound', NULL),
	('everyone', 0, NULL, NULL, NULL, 'nurture', NULL);
SELECT row_key, title, lifecycle_stage, persona, persona_name, role, role_label, sfdc_role,
	content_titles, route_rule, route_queue, route_owner
FROM persona.call_prep ORDER BY row_key::int;
SELECT row_key, messaging, goals, pains, content FROM persona.call_prep WHERE row_key = '1';
-- The lifecycle stage comes from the segment column the setting names.
INSERT INTO persona.report_setting VALUES ('lifecycle_segment', '"lead_source"');
SELECT row_key, lifecycle_stage, content_titles FROM persona.call_prep WHERE row_key IN ('1', '3') ORDER BY 1;
DELETE FROM persona.report_setting;
SELECT * FROM persona.route('sales_rep', 'end_user', '{"lifecycle_stage": "mql"}');
SELECT * FROM persona.route('sales_rep', 'end_user', '{"lifecycle_stage": "lead", "lead_source": "web"}');
SELECT * FROM persona.route(NULL, NULL);
-- Rules are checked.
INSERT INTO persona.routing_rule (rule, queue, owner) VALUES ('both', 'q', 'o');
INSERT INTO persona.routing_rule (rule) VALUES ('neither');
INSERT INTO persona.routing_rule (rule, queue, segments) VALUES ('bad_segments', 'q', '{"lifecycle_stage": []}');
INSERT INTO persona.routing_rule (rule, queue, role) VALUES ('bad_role', 'q', 'king');
INSERT INTO persona.content (id, title, personas) VALUES ('bad', 'Bad', '{""}');

-- The routing trigger writes the route into a column of its own.
ALTER TABLE crm_people ADD COLUMN queue text;
SELECT persona.apply_routing('crm_people', 'queue');
INSERT INTO crm_people (id, title, account, owner_name, employees, lifecycle_stage, lead_source)
VALUES (12, 'Chief Executive Officer', 'A5', 'bob', 80, 'lead', 'event'),
       (13, 'Sales Development Representative', 'A5', 'bob', 80, 'mql', 'event'),
       (14, 'Gardener', 'A5', 'bob', 80, 'lead', 'web');
SELECT id, persona, persona_role, queue FROM crm_people WHERE id >= 12 ORDER BY id;
-- A re-tag moves the route along with the tag.
UPDATE crm_people SET title = 'SDR', lifecycle_stage = 'sql' WHERE id = 14;
SELECT id, persona, queue FROM crm_people WHERE id = 14;
-- A hand edit of the route column alone stays.
UPDATE crm_people SET queue = 'manual' WHERE id = 13;
SELECT id, persona, queue FROM crm_people WHERE id = 13;
-- Rows no rule routes keep their value.
DELETE FROM persona.routing_rule WHERE rule = 'everyone';
UPDATE crm_people SET title = 'Gardener' WHERE id = 12;
SELECT id, persona, queue FROM crm_people WHERE id = 12;
-- only_if_null: an owner column a rep may have set is filled, never overwritten.
ALTER TABLE crm_people ADD COLUMN assignee text;
SELECT persona.apply_routing('crm_people', 'assignee', only_if_null => true);
SELECT table_name, route_column, only_if_null FROM persona.routing_target;
INSERT INTO crm_people (id, title, account, lifecycle_stage, lead_source, assignee)
VALUES (15, 'CRO', 'A6', 'lead', 'event', NULL), (16, 'CRO', 'A6', 'lead', 'event', 'carol');
SELECT id, persona_role, assignee FROM crm_people WHERE id IN (15, 16) ORDER BY id;
-- Mistakes.
SELECT persona.apply_routing('crm_people', 'persona');
SELECT persona.apply_routing('crm_people', 'no_such_column');
SELECT persona.apply_routing('crm_opps', 'stage');
SELECT persona.stop_routing('crm_opps');
-- Detaching ends the routing.
SELECT persona.detach('crm_people');
SELECT count(*) AS routed_tables FROM persona.routing_target;
SELECT count(*) AS route_triggers FROM pg_trigger WHERE tgrelid = 'crm_people'::regclass AND tgname = 'persona_tag_route';
SELECT persona.attach('crm_people', title => 'title', account => 'account', owner => 'owner_name',
	employees => 'employees', segments => '{lifecycle_stage,lead_source}');

--
-- Materialized snapshots: refreshed concurrently, equal to the live views.
--
SELECT * FROM persona.refresh_reports();
SELECT (SELECT count(*) FROM persona.segments_mv) = (SELECT count(*) FROM persona.segments) AS segments_equal,
	(SELECT count(*) FROM persona.inspection_mv) = (SELECT count(*) FROM persona.inspection) AS inspection_equal,
	NOT EXISTS (SELECT * FROM persona.account_coverage EXCEPT SELECT * FROM persona.account_coverage_mv) AS coverage_equal,
	NOT EXISTS (SELECT * FROM persona.owner_mix_mv EXCEPT SELECT * FROM persona.owner_mix) AS owner_mix_equal;
SELECT * FROM persona.refresh_reports(concurrently => false);
SELECT persona.refresh_reports();

--
-- The HTML report parses as XML (polyglot HTML5), with four SVG charts.
--
SELECT persona.report_html('Leads <&> "accounts"') AS html \gset
SELECT xml_is_well_formed_document(:'html') AS well_formed;
WITH doc AS (SELECT xmlparse(document :'html') AS x),
     ns AS (SELECT ARRAY[ARRAY['h', 'http://www.w3.org/1999/xhtml'], ARRAY['s', 'http://www.w3.org/2000/svg']] AS n)
SELECT (xpath('/h:html/h:head/h:title/text()', x, n))[1]::text AS title,
	(xpath('count(//s:svg)', x, n))[1]::text AS charts,
	(xpath('//h:section/@id', x, n))::text[] AS sections,
	(xpath('count(//h:section[@id="persona-mix"]//s:rect)', x, n))[1]::text AS persona_bars,
	(xpath('//h:div[@class="kpi"][1]/h:b/text()', x, n))[1]::text AS leads,
	(xpath('count(//h:section[@id="accounts"]//h:tbody/h:tr)', x, n))[1]::text AS accounts_without_dm
FROM doc, ns;
SELECT :'html' LIKE '<!DOCTYPE html>%' AS has_doctype, :'html' LIKE '%Tech buyer (IT &amp; engineering)%' AS escaped;
SELECT persona.html_escape('<a href="x">Tom''s & co</a>');

--
-- Clean up: later tests expect no profiles and no attached tables.
--
SELECT persona.detach('crm_people');
SELECT persona.unmap_opportunities('crm_opps');
DROP TABLE crm_people, crm_opps;
SELECT * FROM persona.refresh_reports();
DELETE FROM persona.routing_rule;
DELETE FROM persona.content;
DELETE FROM persona.profile;
DELETE FROM persona.audit;
DELETE FROM persona.retag_progress;
