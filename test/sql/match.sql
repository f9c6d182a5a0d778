--
-- Matching semantics (SPEC section 4, docs/ruleset.md) with explicit
-- rulesets, so each rule is tested on its own.
--
\set VERBOSITY default
\set SHOW_CONTEXT never

CREATE TEMP TABLE rules (name text PRIMARY KEY, r persona.ruleset);
INSERT INTO rules VALUES ('crm', $${"format":1,"version":1,
 "buying_functions":["sales","operations"],
 "profiles":[
  {"key":"revops_leader","name":"RevOps leader","priority":10,
   "title_keywords":["revenue operations","sales operations","salesforce admin"],
   "title_exclude":["assistant"],
   "seniorities":["manager","director","head","vp"]},
  {"key":"sales_leader","name":"Sales leader","priority":5,
   "functions":["sales"],"seniorities":["head","vp","cxo"]},
  {"key":"city_manager","name":"City manager","title_keywords":["city manager"]},
  {"key":"cfo","name":"Economic buyer","title_keywords":["cfo","vp finance"]},
  {"key":"smb_founder","name":"SMB founder","priority":3,"seniorities":["owner","cxo"],"employees":"[1,50)"},
  {"key":"c_suite","name":"C-suite","seniorities":["cxo","owner"]},
  {"key":"dach_buyer","name":"DACH purchasing","functions":["procurement"],"countries":["DE","AT","CH"]},
  {"key":"saas_it","name":"SaaS IT","functions":["it","engineering"],"industries":["SaaS"],
   "attributes":{"plan":"enterprise"}},
  {"key":"fuzzy_marketer","name":"Fuzzy marketer","match_mode":"weighted","min_score":0.5,
   "functions":["marketing"],"seniorities":["vp","cxo"],"industries":["Retail"]}],
 "roles":[
  {"code":"decision_maker","label":"Decision maker","required":true,"weight":1,"display_order":1,"sfdc_role":"Decision Maker"},
  {"code":"economic_buyer","label":"Economic buyer","required":true,"weight":1,"display_order":2,"sfdc_role":"Economic Buyer"},
  {"code":"champion","label":"Champion","required":true,"weight":1,"display_order":3,"sfdc_role":"Evaluator"},
  {"code":"technical_evaluator","label":"Technical evaluator","required":true,"weight":1,"display_order":4,"sfdc_role":"Technical Buyer"},
  {"code":"influencer","label":"Influencer","required":false,"weight":0.5,"display_order":5,"sfdc_role":"Influencer"},
  {"code":"end_user","label":"End user","required":false,"weight":0.5,"display_order":6,"sfdc_role":"Business User"},
  {"code":"gatekeeper","label":"Gatekeeper","required":false,"weight":0.5,"display_order":7,"sfdc_role":"Other"},
  {"code":"other","label":"Other","required":false,"weight":0,"display_order":9,"sfdc_role":"Other"}],
 "role_rules":[
  {"role":"gatekeeper","functions":["procurement","legal","administrative"]},
  {"role":"decision_maker","seniorities":["owner","cxo","partner"],"max_employees":50},
  {"role":"economic_buyer","functions":["finance"],"seniorities":["vp","cxo","owner"]},
  {"role":"technical_evaluator","functions":["it","engineering","data"],"buying_function":false},
  {"role":"decision_maker","seniorities":["cxo","owner","partner"]},
  {"role":"decision_maker","seniorities":["vp"],"buying_function":true},
  {"role":"champion","seniorities":["director","head","manager"],"buying_function":true},
  {"role":"end_user","seniorities":["entry","senior","training","unpaid"],"buying_function":true},
  {"role":"influencer","seniorities":["vp","head","director","manager"],"buying_function":false},
  {"role":"other"}]}$$);

CREATE TEMP TABLE leads (id int, title text, department text, industry text,
                         employees int, country text, attrs jsonb);
INSERT INTO leads VALUES
 (1, 'Sr. Dir., Rev Ops', NULL, 'SaaS', 400, 'US', NULL),            -- keyword via abbreviation
 (2, 'Leiter Revenue Operations', NULL, 'SaaS', 400, 'DE', NULL),    -- foreign seniority word
 (3, 'Assistant to the Head of Revenue Operations', NULL, 'SaaS', 400, 'US', NULL), -- excluded
 (4, 'VP Sales EMEA', NULL, 'SaaS', 400, 'GB', NULL),                -- function + seniority
 (5, 'Vertriebsleiterin', NULL, 'SaaS', 400, 'DE', NULL),            -- German compound
 (6, 'Publicity Manager', NULL, 'Media', 30, 'US', NULL),            -- word boundary: not city manager
 (7, 'City Manager', NULL, 'Public Sector', 300, 'US', NULL),
 (8, 'Chief Financial Officer', NULL, 'SaaS', 400, 'US', NULL),      -- keyword cfo, both ways
 (9, 'CFO', NULL, 'SaaS', 400, 'US', NULL),
 (10, 'Founder & CEO', NULL, 'SaaS', 12, 'US', NULL),                -- small company
 (11, 'Founder & CEO', NULL, 'SaaS', NULL, 'US', NULL),              -- unknown size: not SMB
 (12, 'Leiter Einkauf', NULL, 'Manufacturing', 900, 'de', NULL),      -- country case-insensitive
 (13, 'Leiter Einkauf', NULL, 'Manufacturing', 900, 'FR', NULL),
 (14, 'Senior Software Engineer', NULL, 'saas', 900, 'US', '{"plan":"enterprise","seats":40}'),
 (15, 'Senior Software Engineer', NULL, 'SaaS', 900, 'US', '{"plan":"starter"}'),
 (16, 'VP Marketing', NULL, 'SaaS', 900, 'US', NULL),                -- weighted: 2 of 3
 (17, 'Marketing Coordinator', NULL, 'Retail', 900, 'US', NULL),
 (18, NULL, 'Sales', 'SaaS', 900, 'US', NULL),                       -- no title: department
 (19, 'Chief Revenue Officer', NULL, 'SaaS', 900, 'US', NULL),       -- several personas
 (20, 'CISO', NULL, 'SaaS', 900, 'US', NULL),
 (21, 'SDR', NULL, 'SaaS', 900, 'US', NULL),
 (22, 'Procurement Manager', NULL, 'SaaS', 900, 'US', NULL),
 (23, 'Head of RevOps', NULL, 'SaaS', 900, 'US', NULL),
 (24, '', NULL, NULL, NULL, NULL, NULL);

-- The best persona, its score, the runner-up and the role of every lead.
SELECT l.id, l.title, m.persona, round(m.score::numeric, 3) AS score, m.role,
       m.seniority, m.job_function, m.runner_up, round(m.runner_up_score::numeric, 3) AS runner_up_score
FROM leads l, rules r,
     persona.match(r.r, l.title, department => l.department, industry => l.industry,
                   employees => l.employees, country => l.country, attrs => l.attrs) m
WHERE r.name = 'crm'
ORDER BY l.id;

-- Every persona a lead reaches, best first.
SELECT l.id, l.title, a.persona, round(a.score::numeric, 3) AS score, a.role
FROM leads l, rules r,
     persona.match_all(r.r, l.title, industry => l.industry, employees => l.employees,
                       country => l.country, attrs => l.attrs) a
WHERE r.name = 'crm' AND l.id IN (1, 4, 10, 19)
ORDER BY l.id, a.score DESC, a.persona;

-- Why: one row per criterion of every profile.
SELECT persona, criterion, setting, lead_value, matched, weight,
       round(quality::numeric, 3) AS quality, round(contribution::numeric, 3) AS contribution,
       round(profile_score::numeric, 3) AS profile_score, reached
FROM rules r, persona.explain(r.r, 'Sr. Dir., Rev Ops', industry => 'SaaS', employees => 400)
WHERE r.name = 'crm' AND persona IN ('revops_leader', 'sales_leader', 'smb_founder')
ORDER BY persona, criterion;

-- Ties: equal scores go to the higher priority, then the lower key.
SELECT (persona.match($${"format":1,"profiles":[
   {"key":"b_low","name":"B","functions":["hr"],"priority":1},
   {"key":"a_low","name":"A","functions":["hr"],"priority":1},
   {"key":"c_high","name":"C","functions":["hr"],"priority":2}]}$$::persona.ruleset, 'HR Manager')).persona AS by_priority,
       (persona.match($${"format":1,"profiles":[
   {"key":"b_low","name":"B","functions":["hr"]},
   {"key":"a_low","name":"A","functions":["hr"]}]}$$::persona.ruleset, 'HR Manager')).persona AS by_key;

-- Thresholds: a specific keyword match scores higher than a loose one.
SELECT t, (persona.match($${"format":1,"profiles":[{"key":"rev","name":"R","title_keywords":["revenue operations"],"min_score":0.9}]}$$::persona.ruleset, t)).*
FROM (VALUES ('Revenue Operations'), ('Senior Director of Global Revenue Operations EMEA')) v(t);

-- The user lexicon of a ruleset reaches classification and keywords.
SELECT (persona.match($${"format":1,
   "lexicon":[{"term":"Quota Carrier","canonical":"account executive","job_function":"sales","seniority":"senior"}],
   "profiles":[{"key":"ae","name":"AE","title_keywords":["account executive"]}]}$$::persona.ruleset, 'Senior Quota Carrier')).*;

-- A literal ruleset must be cast: persona.match('...', 'x') with two
-- untyped literals means persona.match(title, department).

-- Roles without a persona, and with explicit buying functions.
SELECT s, f, e, persona.infer_role(r.r, s, f, e) AS role,
       persona.infer_role(r.r, s, f, e, ARRAY['it']::persona.job_function[]) AS role_if_selling_to_it
FROM rules r, (VALUES ('cxo'::persona.seniority, 'sales'::persona.job_function, 900),
                      ('cxo', 'it', 900), ('cxo', 'it', 20), ('manager', 'it', 900),
                      ('entry', 'sales', 900), ('manager', 'procurement', 900),
                      ('vp', 'finance', 900), (NULL, NULL, NULL)) v(s, f, e)
WHERE r.name = 'crm';

-- NULL ruleset: NULL result.  NULL title: a result with unknown title fields.
SELECT persona.match(NULL::persona.ruleset, 'CEO') IS NULL AS null_ruleset,
       (SELECT count(*) FROM persona.match_all(NULL::persona.ruleset, 'CEO')) AS match_all_rows,
       (SELECT count(*) FROM persona.explain(NULL::persona.ruleset, 'CEO')) AS explain_rows,
       persona.infer_role(NULL, 'cxo', 'sales') IS NULL AS role_null;

-- IMMUTABLE: usable in a generated column and an expression index.
CREATE TEMP TABLE tagged (id int, title text,
	persona text GENERATED ALWAYS AS ((persona.match('{"format":1,"profiles":[{"key":"exec","name":"Exec","seniorities":["cxo"]}]}'::persona.ruleset, title)).persona) STORED);
INSERT INTO tagged (id, title) VALUES (1, 'CEO'), (2, 'Intern');
CREATE INDEX tagged_persona ON tagged (((persona.match('{"format":1,"profiles":[{"key":"exec","name":"Exec","seniorities":["cxo"]}]}'::persona.ruleset, title)).persona));
SELECT id, title, persona FROM tagged ORDER BY id;

-- match_persona is (persona.match(...)).persona as a scalar: the same
-- answer for every lead, NULL where no persona is reached.
SELECT count(*) AS leads,
       count(*) FILTER (WHERE persona.match_persona(r.r, l.title, department => l.department,
                            industry => l.industry, employees => l.employees,
                            country => l.country, attrs => l.attrs)
                        IS NOT DISTINCT FROM
                        (persona.match(r.r, l.title, department => l.department,
                            industry => l.industry, employees => l.employees,
                            country => l.country, attrs => l.attrs)).persona) AS same_answer,
       count(*) FILTER (WHERE persona.match_persona(r.r, l.title, department => l.department,
                            industry => l.industry, employees => l.employees,
                            country => l.country, attrs => l.attrs) IS NULL) AS no_persona
FROM leads l, rules r WHERE r.name = 'crm';
SELECT persona.match_persona(NULL::persona.ruleset, 'CEO') IS NULL AS null_ruleset,
       persona.match_persona(r.r, NULL) AS null_title
FROM rules r WHERE r.name = 'crm';
-- IMMUTABLE, so it can index and filter.
CREATE INDEX tagged_match_persona ON tagged (persona.match_persona('{"format":1,"profiles":[{"key":"exec","name":"Exec","seniorities":["cxo"]}]}'::persona.ruleset, title));
SELECT id FROM tagged
WHERE persona.match_persona('{"format":1,"profiles":[{"key":"exec","name":"Exec","seniorities":["cxo"]}]}'::persona.ruleset, title) = 'exec';
