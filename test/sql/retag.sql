--
-- Re-tagging after a profile change: preview, publish, retag in batches,
-- resume, locks respected, audit.
--
\set VERBOSITY terse
-- retag's NOTICE lines carry rates and times; the test reads its progress
-- from persona.retag_status instead.
SET client_min_messages = warning;

DELETE FROM persona.profile;
INSERT INTO persona.profile (key, name, seniorities, functions)
VALUES ('sales_leader', 'Sales leader', '{head,vp,cxo}', '{sales}'),
       ('tech_buyer', 'Technical buyer', '{director,head,vp,cxo}', '{it,engineering}');
SELECT persona.publish('retag v1') AS v1 \gset

CREATE TABLE crm_leads (id int PRIMARY KEY, title text, employees int);
SELECT persona.attach('crm_leads', title => 'title', employees => 'employees');
INSERT INTO crm_leads
SELECT g, (ARRAY['VP Sales', 'CTO', 'Head of Marketing', 'Marketing Manager', 'Leiter Vertrieb',
                 'Directeur marketing', 'SDR', 'IT Director'])[1 + g % 8], 100
FROM generate_series(1, 400) g;
SELECT persona, count(*) FROM crm_leads GROUP BY 1 ORDER BY 1 NULLS FIRST;

-- Lock one row by hand.
SELECT persona.override('crm_leads', '3', persona => 'tech_buyer');

-- A new persona for marketing leaders, as a draft.
INSERT INTO persona.profile (key, name, seniorities, functions)
VALUES ('marketing_leader', 'Marketing leader', '{director,head,vp,cxo}', '{marketing}');
-- Preview: how the draft would change the table; nothing is written.
SELECT * FROM persona.preview('crm_leads');
SELECT count(*) FILTER (WHERE persona = 'marketing_leader') AS tagged_marketing_yet FROM crm_leads;

SELECT persona.publish('retag v2') AS v2 \gset
CALL persona.retag('crm_leads', batch_size => 64);
SELECT table_name, all_rows, target_version = :v2 AS target_is_v2, rows_done, rows_total,
       percent_done, state
FROM persona.retag_status;
SELECT persona, persona_ruleset_version = :v2 AS current, count(*)
FROM crm_leads GROUP BY 1, 2 ORDER BY 1 NULLS FIRST, 2;
-- The locked row kept its override and its old version.
SELECT id, title, persona, persona_locked, persona_ruleset_version = :v1 AS still_v1 FROM crm_leads WHERE id = 3;

-- Nothing stale is left: a second retag has nothing to do.
CALL persona.retag('crm_leads');
SELECT rows_done, rows_total, state FROM persona.retag_status ORDER BY started_at DESC LIMIT 1;

-- all_rows re-tags every unlocked row, even current ones.
CALL persona.retag('crm_leads', all_rows => true, batch_size => 1000);
SELECT rows_done, rows_total, state FROM persona.retag_status ORDER BY started_at DESC LIMIT 1;

-- Audit: one automatic row per lead whose persona changed, one manual.
SELECT manual, old_persona, new_persona, count(*)
FROM persona.audit WHERE table_name = 'public.crm_leads'
GROUP BY 1, 2, 3 ORDER BY 1, 2 NULLS FIRST, 3 NULLS FIRST;

-- Mistakes.
CALL persona.retag('crm_leads', batch_size => 0);
\echo sqlstate :SQLSTATE
CALL persona.retag('pg_class');
\echo sqlstate :SQLSTATE
BEGIN;
CALL persona.retag('crm_leads');
\echo sqlstate :SQLSTATE
ROLLBACK;

SELECT persona.detach('crm_leads');
DROP TABLE crm_leads;
DELETE FROM persona.audit;
DELETE FROM persona.retag_progress;
