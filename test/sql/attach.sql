--
-- Tagging CRM tables: attach and detach on odd schemas and quoted names,
-- every mistake attach can catch, the trigger, overrides and the audit.
--
\set VERBOSITY terse
SET client_min_messages = warning;

-- A small ruleset to tag with.
INSERT INTO persona.profile (key, name, title_keywords, seniorities, functions)
VALUES ('revops_leader', 'RevOps leader', '{revenue operations,sales operations}', '{manager,director,head,vp}', NULL),
       ('sales_leader', 'Sales leader', NULL, '{head,vp,cxo}', '{sales}'),
       ('cfo', 'Economic buyer', '{cfo,vp finance}', NULL, NULL);
SELECT persona.publish('attach test') AS version;

-- Salesforce-style names: a schema and columns that need quoting.
CREATE SCHEMA "Sales Force";
CREATE TABLE "Sales Force"."Lead" (
	"Id" text PRIMARY KEY,
	"Title" varchar(255),
	"Department" text,
	"Industry" text,
	"NumberOfEmployees" int8,
	"Country" text,
	"AccountId" text,
	"OwnerId" text,
	"LeadSource" text
);
INSERT INTO "Sales Force"."Lead" ("Id", "Title", "NumberOfEmployees") VALUES ('00Q1', 'VP Sales', 400);

SELECT persona.attach('"Sales Force"."Lead"', title => 'Title', department => 'Department',
	industry => 'Industry', employees => 'NumberOfEmployees', country => 'Country',
	account => 'AccountId', owner => 'OwnerId', segments => '{LeadSource}',
	output_columns => '{"persona": "Persona__c", "role": "Buying_Role__c"}');

-- The output columns it added, with their types.
SELECT attname, format_type(atttypid, atttypmod) AS type
FROM pg_attribute WHERE attrelid = '"Sales Force"."Lead"'::regclass AND attnum > 0 AND NOT attisdropped
ORDER BY attnum;
SELECT table_name, title_column, employees_column, key_column, persona_column, role_column, segment_columns
FROM persona.attached;

-- Rows that were there before attach are untagged until a retag; new and
-- updated rows are tagged by the trigger.
INSERT INTO "Sales Force"."Lead" ("Id", "Title", "NumberOfEmployees", "Country")
VALUES ('00Q2', 'Sr. Dir., Rev Ops', 900, 'US'), ('00Q3', 'Chief Financial Officer', 900, 'US'),
       ('00Q4', 'Assistant to the CEO', 900, 'US'), ('00Q5', NULL, NULL, NULL);
SELECT "Id", "Title", "Persona__c", round(persona_score::numeric, 3) AS score, "Buying_Role__c",
       persona_seniority, persona_function, persona_ruleset_version, persona_locked,
       persona_tagged_at IS NOT NULL AS tagged
FROM "Sales Force"."Lead" ORDER BY "Id";

-- An update of a mapped column re-tags; of another column, not.
UPDATE "Sales Force"."Lead" SET "Title" = 'VP Finance' WHERE "Id" = '00Q4';
UPDATE "Sales Force"."Lead" SET "LeadSource" = 'web' WHERE "Id" = '00Q1';
SELECT "Id", "Title", "Persona__c", "Buying_Role__c", persona_ruleset_version
FROM "Sales Force"."Lead" WHERE "Id" IN ('00Q1', '00Q4') ORDER BY "Id";

-- A manual override: set by hand, locked, audited; the trigger keeps it.
SELECT persona.override('"Sales Force"."Lead"', '00Q2', persona => 'sales_leader', role => 'decision_maker');
UPDATE "Sales Force"."Lead" SET "Title" = 'Revenue Operations Manager' WHERE "Id" = '00Q2';
-- A hand edit of the persona column is an override too.
UPDATE "Sales Force"."Lead" SET "Persona__c" = 'revops_leader' WHERE "Id" = '00Q3';
SELECT "Id", "Title", "Persona__c", "Buying_Role__c", persona_locked
FROM "Sales Force"."Lead" WHERE "Id" IN ('00Q2', '00Q3') ORDER BY "Id";
-- Releasing it tags the row by the rules again.
SELECT persona.release('"Sales Force"."Lead"', '00Q2');
SELECT "Id", "Title", "Persona__c", "Buying_Role__c", persona_locked
FROM "Sales Force"."Lead" WHERE "Id" = '00Q2';
-- An override that confirms what the rules say still locks the row (a
-- rep's confirmation must survive the next publish); nothing changed, so
-- nothing is audited.
SELECT persona.override('"Sales Force"."Lead"', '00Q4', persona => "Persona__c", role => "Buying_Role__c")
FROM "Sales Force"."Lead" WHERE "Id" = '00Q4';
SELECT "Id", "Persona__c", "Buying_Role__c", persona_locked
FROM "Sales Force"."Lead" WHERE "Id" = '00Q4';
SELECT count(*) AS manual_audit_rows FROM persona.audit WHERE row_key = '00Q4' AND manual;
SELECT persona.release('"Sales Force"."Lead"', '00Q4');

-- The audit: every change after the first tag, manual or automatic.
SELECT table_name, row_key, old_persona, new_persona, old_role, new_role,
       ruleset_version, manual, changed_by = current_user AS by_me
FROM persona.audit ORDER BY id;

-- Mistakes: each a clear error that changes nothing.
CREATE TABLE plain_leads (id int PRIMARY KEY, title text, size text, extra json);
CREATE TABLE keyless (title text);
SELECT persona.attach('"Sales Force"."Lead"', title => 'Title');
\echo sqlstate :SQLSTATE
SELECT persona.attach('plain_leads', title => 'job_title');
\echo sqlstate :SQLSTATE
SELECT persona.attach('plain_leads', title => 'title', employees => 'size');
\echo sqlstate :SQLSTATE
SELECT persona.attach('plain_leads', title => 'title', attrs => 'extra');
\echo sqlstate :SQLSTATE
SELECT persona.attach('plain_leads', title => 'id');
\echo sqlstate :SQLSTATE
SELECT persona.attach('plain_leads', title => NULL);
\echo sqlstate :SQLSTATE
SELECT persona.attach('plain_leads', title => 'title', output_columns => '{"colour": "x"}');
\echo sqlstate :SQLSTATE
SELECT persona.attach('plain_leads', title => 'title', output_columns => '{"score": "size"}');
\echo sqlstate :SQLSTATE
SELECT persona.attach('keyless', title => 'title');
\echo sqlstate :SQLSTATE
SELECT persona.attach('no_such_table', title => 'title');
\echo sqlstate :SQLSTATE
CREATE VIEW lead_view AS SELECT * FROM plain_leads;
SELECT persona.attach('lead_view', title => 'title');
\echo sqlstate :SQLSTATE
SELECT persona.detach('plain_leads');
\echo sqlstate :SQLSTATE
SELECT persona.override('"Sales Force"."Lead"', 'nope', persona => 'cfo');
\echo sqlstate :SQLSTATE
SELECT persona.override('"Sales Force"."Lead"', '00Q1', persona => 'astronaut');
\echo sqlstate :SQLSTATE
SELECT persona.override('"Sales Force"."Lead"', '00Q1');
\echo sqlstate :SQLSTATE
-- None of the failed attaches left a column, a trigger or a registry row.
SELECT count(*) AS plain_leads_columns FROM pg_attribute WHERE attrelid = 'plain_leads'::regclass AND attnum > 0;
SELECT count(*) AS triggers FROM pg_trigger WHERE tgrelid = 'plain_leads'::regclass;
SELECT count(*) AS attached FROM persona.attached;

-- A key named by the caller, on a table without a primary key.
SELECT persona.attach('keyless', title => 'title', key => 'title');
INSERT INTO keyless VALUES ('Head of Sales');
SELECT title, persona, persona_role FROM keyless;

-- Detach removes the trigger and the mapping and keeps the tags.
SELECT persona.detach('keyless');
INSERT INTO keyless VALUES ('CFO');
SELECT title, persona, persona_role FROM keyless ORDER BY title;
SELECT count(*) AS triggers FROM pg_trigger WHERE tgrelid = 'keyless'::regclass;

-- The trigger refuses to be misused.
CREATE TABLE misuse (title text);
CREATE TRIGGER t BEFORE INSERT ON misuse FOR EACH ROW EXECUTE FUNCTION persona.tag_trigger();
INSERT INTO misuse VALUES ('x');
\echo sqlstate :SQLSTATE
CREATE TRIGGER t2 AFTER INSERT ON keyless FOR EACH STATEMENT EXECUTE FUNCTION persona.tag_trigger();
INSERT INTO keyless VALUES ('x');
\echo sqlstate :SQLSTATE
DROP TABLE misuse;
DROP TRIGGER t2 ON keyless;
-- A mapped column cannot be dropped while the trigger watches it; renamed,
-- the trigger says what to do, it does not crash.
ALTER TABLE "Sales Force"."Lead" DROP COLUMN "Industry";
\echo sqlstate :SQLSTATE
ALTER TABLE "Sales Force"."Lead" RENAME COLUMN "Industry" TO "Branche";
INSERT INTO "Sales Force"."Lead" ("Id", "Title") VALUES ('00Q9', 'CEO');
\echo sqlstate :SQLSTATE

-- persona's own tables cannot be attached.
SELECT persona.attach('persona.profile', title => 'name');
\echo sqlstate :SQLSTATE

-- Dropping an attached table, even with CASCADE, drops only the table:
-- persona forgets it and keeps everything else.
CREATE TABLE doomed (id int PRIMARY KEY, title text);
SELECT persona.attach('doomed', title => 'title');
CREATE VIEW doomed_view AS SELECT * FROM doomed;
DROP TABLE doomed CASCADE;
SELECT extname FROM pg_extension WHERE extname = 'persona';
SELECT count(*) AS attached_doomed FROM persona.attached WHERE table_name::text = 'doomed';
SELECT count(*) AS profiles_kept FROM persona.profile;

-- Clean up so later tests start from nothing.
SELECT persona.detach('"Sales Force"."Lead"');
DROP SCHEMA "Sales Force" CASCADE;
DROP TABLE plain_leads, keyless CASCADE;
DELETE FROM persona.audit;
