--
-- Influence roles: the catalogue, the rules as installed, and the roles
-- they infer through a compiled ruleset.
--
\set VERBOSITY terse

-- The catalogue as installed.
SELECT code, label, required, weight, display_order, sfdc_role, builtin
FROM persona.role ORDER BY display_order, code;

-- The rules as installed: the first that holds wins.
SELECT ordinal, role, seniorities, functions, buying_function, min_employees, max_employees, builtin
FROM persona.role_rule ORDER BY ordinal;

-- pg_dump keeps only the rows users add.
SELECT c.t::regclass AS dumped_table, c.cond AS condition
FROM pg_catalog.pg_extension e,
     unnest(e.extconfig, e.extcondition) AS c(t, cond)
WHERE e.extname = 'persona'
  AND c.t IN ('persona.role'::regclass, 'persona.role_rule'::regclass, 'persona.setting'::regclass)
ORDER BY 1;

-- A ruleset needs a profile; this one is only here to compile.
INSERT INTO persona.profile (key, name, seniorities) VALUES ('anyone_senior', 'Anyone senior', '{vp,cxo}');

-- Selling a CRM tool (buying functions: sales and operations, the default).
CREATE TEMP TABLE crm_case (title text, seniority persona.seniority,
	job_function persona.job_function, employees int, expected text);
INSERT INTO crm_case VALUES
	('CRO',                          'cxo',      'sales',          800,  'decision_maker'),
	('CISO',                         'cxo',      'it',             800,  'technical_evaluator'),
	('Procurement Manager',          'manager',  'procurement',    800,  'gatekeeper'),
	('SDR',                          'entry',    'sales',          800,  'end_user'),
	('Founder, 12 people',           'owner',    'executive',      12,   'decision_maker'),
	('CFO',                          'cxo',      'finance',        800,  'economic_buyer'),
	('Head of RevOps',               'head',     'operations',     800,  'champion'),
	('CFO, 30 people',               'cxo',      'finance',        30,   'decision_maker'),
	('VP Finance',                   'vp',       'finance',        800,  'economic_buyer'),
	('Finance Director',             'director', 'finance',        800,  'influencer'),
	('General Counsel',              'cxo',      'legal',          800,  'gatekeeper'),
	('Executive Assistant to CEO',   'entry',    'administrative', 800,  'gatekeeper'),
	('CTO',                          'cxo',      'engineering',    800,  'technical_evaluator'),
	('CTO, 20 people',               'cxo',      'engineering',    20,   'decision_maker'),
	('Data Engineer',                'entry',    'data',           800,  'technical_evaluator'),
	('Board Member',                 'board',    'executive',      800,  'executive_sponsor'),
	('CEO',                          'cxo',      'executive',      800,  'decision_maker'),
	('CEO, size unknown',            'cxo',      'executive',      NULL, 'decision_maker'),
	('Managing Partner',             'partner',  'consulting',     800,  'decision_maker'),
	('VP Sales',                     'vp',       'sales',          800,  'decision_maker'),
	('VP Marketing',                 'vp',       'marketing',      800,  'influencer'),
	('Director of Sales',            'director', 'sales',          800,  'champion'),
	('Sales Operations Manager',     'manager',  'operations',     800,  'champion'),
	('Account Executive',            'entry',    'sales',          800,  'end_user'),
	('Senior Account Executive',     'senior',   'sales',          800,  'end_user'),
	('Sales Intern',                 'training', 'sales',          800,  'end_user'),
	('Marketing Manager',            'manager',  'marketing',      800,  'influencer'),
	('Customer Success Manager',     'manager',  'customer_success', 800, 'influencer'),
	('Graphic Designer',             'entry',    'design',         800,  'influencer'),
	('Marketing Intern',             'training', 'marketing',      800,  'other'),
	('Sales, level unknown',         NULL,       'sales',          800,  'other'),
	('Manager, function unknown',    'manager',  NULL,             800,  'other'),
	('nothing known',                NULL,       NULL,             NULL, 'other');

SELECT c.title, c.seniority, c.job_function, c.employees, c.expected,
       persona.infer_role(persona.compile(), c.seniority, c.job_function, c.employees) AS inferred,
       persona.infer_role(persona.compile(), c.seniority, c.job_function, c.employees) IS NOT DISTINCT FROM c.expected AS ok
FROM crm_case c ORDER BY c.title;

-- The buying functions can be passed per call: selling a finance tool, the
-- finance director becomes the champion and the VP Sales an influencer.
SELECT c.title,
       persona.infer_role(persona.compile(), c.seniority, c.job_function, c.employees,
                          '{finance}') AS selling_to_finance
FROM crm_case c
WHERE c.title IN ('Finance Director', 'VP Sales', 'Head of RevOps', 'SDR', 'CFO')
ORDER BY c.title;

-- The buying_functions setting changes the default compiled into a ruleset.
INSERT INTO persona.setting (name, value) VALUES ('buying_functions', '["it", "engineering"]');
SELECT c.title,
       persona.infer_role(persona.compile(), c.seniority, c.job_function, c.employees) AS selling_to_it
FROM crm_case c
WHERE c.title IN ('CISO', 'Data Engineer', 'VP Sales', 'Head of RevOps', 'SDR', 'CTO')
ORDER BY c.title;
DELETE FROM persona.setting;

-- A profile's own buying_functions travel in the ruleset; NULL falls back.
UPDATE persona.profile SET buying_functions = '{marketing}' WHERE key = 'anyone_senior';
SELECT persona.compile()::text LIKE '%"buying_functions":["marketing"]%' AS profile_buying_functions_compiled;
UPDATE persona.profile SET buying_functions = NULL WHERE key = 'anyone_senior';

-- The setting is validated: a non-empty JSON array of job functions.
INSERT INTO persona.setting (name, value) VALUES ('buying_functions', '["sales", "revops"]');
\echo sqlstate :SQLSTATE
INSERT INTO persona.setting (name, value) VALUES ('buying_functions', '"sales"');
\echo sqlstate :SQLSTATE
INSERT INTO persona.setting (name, value) VALUES ('buying_functions', '[]');
\echo sqlstate :SQLSTATE
INSERT INTO persona.setting (name, value) VALUES ('buying_functions', '["sales", 1]');
\echo sqlstate :SQLSTATE
INSERT INTO persona.setting (name, value) VALUES ('buying_functions', NULL);
\echo sqlstate :SQLSTATE
INSERT INTO persona.setting (name, value) VALUES ('buying_function', '["sales"]');
\echo sqlstate :SQLSTATE

-- A user rule before a built-in one changes the answer: at this company,
-- marketing managers champion CRM purchases.
INSERT INTO persona.role_rule (ordinal, role, seniorities, functions, note)
VALUES (950, 'champion', '{manager}', '{marketing}', 'marketing runs our CRM');
SELECT c.title,
       persona.infer_role(persona.compile(), c.seniority, c.job_function, c.employees) AS with_user_rule
FROM crm_case c
WHERE c.title IN ('Marketing Manager', 'VP Marketing', 'Sales Operations Manager')
ORDER BY c.title;

-- A user role, given by a user rule: finance analysts at large companies
-- evaluate the business case.
INSERT INTO persona.role (code, label, weight, display_order, sfdc_role)
VALUES ('business_case_analyst', 'Business case analyst', 0.4, 65, 'Evaluator');
INSERT INTO persona.role_rule (ordinal, role, seniorities, functions, min_employees)
VALUES (350, 'business_case_analyst', '{entry,senior}', '{finance}', 1000);
SELECT e.employees,
       persona.infer_role(persona.compile(), 'senior', 'finance', e.employees) AS senior_finance
FROM (VALUES (10), (999), (1000), (50000)) e(employees)
ORDER BY e.employees;

-- Only the user's rows are what pg_dump keeps.
SELECT 'role' AS tbl, code AS row FROM persona.role WHERE NOT builtin
UNION ALL
SELECT 'role_rule', ordinal::text FROM persona.role_rule WHERE NOT builtin
ORDER BY 1, 2;

-- Errors: rules name a known role, employee bounds make sense, label lists
-- have no NULL, codes are slugs, weights are 0 or more.
INSERT INTO persona.role_rule (ordinal, role) VALUES (50, 'kingmaker');
\echo sqlstate :SQLSTATE
INSERT INTO persona.role_rule (ordinal, role, min_employees, max_employees) VALUES (50, 'other', 100, 100);
\echo sqlstate :SQLSTATE
INSERT INTO persona.role_rule (ordinal, role, min_employees) VALUES (50, 'other', -1);
\echo sqlstate :SQLSTATE
INSERT INTO persona.role_rule (ordinal, role, max_employees) VALUES (50, 'other', 0);
\echo sqlstate :SQLSTATE
INSERT INTO persona.role_rule (ordinal, role, seniorities) VALUES (50, 'other', '{vp,NULL}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.role_rule (ordinal, role, functions) VALUES (50, 'other', '{sales,"security"}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.role_rule (ordinal, role) VALUES (100, 'other');
\echo sqlstate :SQLSTATE
INSERT INTO persona.role (code, label) VALUES ('Kingmaker', 'Kingmaker');
\echo sqlstate :SQLSTATE
INSERT INTO persona.role (code, label) VALUES ('kingmaker', ' ');
\echo sqlstate :SQLSTATE
INSERT INTO persona.role (code, label, weight) VALUES ('kingmaker', 'Kingmaker', -1);
\echo sqlstate :SQLSTATE
INSERT INTO persona.role (code, label, weight) VALUES ('kingmaker', 'Kingmaker', 'NaN');
\echo sqlstate :SQLSTATE
INSERT INTO persona.role (code, label, sfdc_role) VALUES ('kingmaker', 'Kingmaker', '');
\echo sqlstate :SQLSTATE
-- A role that rules use cannot go.
DELETE FROM persona.role WHERE code = 'business_case_analyst';
\echo sqlstate :SQLSTATE

-- Back to the installed state.
DELETE FROM persona.role_rule WHERE NOT builtin;
DELETE FROM persona.role WHERE NOT builtin;
DELETE FROM persona.profile;
SELECT count(*) AS roles, count(*) FILTER (WHERE required) AS required FROM persona.role;
SELECT count(*) AS rules FROM persona.role_rule;
