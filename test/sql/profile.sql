--
-- Persona profiles: what persona.profile accepts, the errors it gives, and
-- how its rows are kept.
--
\set VERBOSITY terse

-- A full profile, and a minimal one relying on the defaults.
INSERT INTO persona.profile (key, name, description, priority,
	title_keywords, title_exclude, seniorities, functions, industries,
	employees, countries, attributes, min_score, match_mode,
	goals, pains, buying_triggers, objections, channels, success_metrics,
	messaging, buying_functions)
VALUES ('revops_leader', 'RevOps leader', 'Owns the CRM, the funnel data and the forecast process.', 10,
	'{revenue operations,sales operations,salesops}', '{assistant,intern}',
	'{manager,director,head,vp}', '{operations,sales}', '{SaaS,Software}',
	'[50,5000)', '{US,DE,GB}', '{"plan": "enterprise", "seats": 25, "trial": false}', 0.6, 'all',
	'{clean pipeline data,forecast accuracy}', '{reps do not update the CRM}',
	'{new CRO,board asks for a reliable forecast}', '{migration effort}',
	'{RevOps Co-op,LinkedIn}', '{forecast within 5%}',
	'One source of truth for the funnel, without another tool to maintain.', '{sales,operations}');
INSERT INTO persona.profile (key, name, seniorities) VALUES ('any_executive', 'Any executive', '{cxo}');

SELECT key, name, active, priority, min_score, match_mode, employees,
       updated_by = current_user AS by_me,
       updated_at BETWEEN now() - interval '1 hour' AND now() AS stamped
FROM persona.profile ORDER BY key;

-- Weighted profiles and empty lists (empty means not constrained).
INSERT INTO persona.profile (key, name, title_keywords, industries, match_mode, min_score)
VALUES ('fuzzy_finance', 'Finance, loosely', '{finance,controlling,cfo}', '{}', 'weighted', 0.3);
-- An employees range without a lower bound is allowed (any size below 50).
INSERT INTO persona.profile (key, name, seniorities, employees)
VALUES ('small_company_owner', 'Small company owner', '{owner}', '(,50)');
SELECT key, match_mode, min_score, industries, employees FROM persona.profile
WHERE key IN ('fuzzy_finance', 'small_company_owner') ORDER BY key;

-- The key is a slug.
INSERT INTO persona.profile (key, name, seniorities) VALUES ('RevOps', 'x', '{vp}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities) VALUES ('9lives', 'x', '{vp}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities) VALUES ('rev-ops', 'x', '{vp}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities) VALUES (repeat('a', 64), 'x', '{vp}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities) VALUES (NULL, 'x', '{vp}');
\echo sqlstate :SQLSTATE
-- A key is there once.
INSERT INTO persona.profile (key, name, seniorities) VALUES ('revops_leader', 'again', '{vp}');
\echo sqlstate :SQLSTATE
-- The name is required and not blank.
INSERT INTO persona.profile (key, seniorities) VALUES ('no_name', '{vp}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities) VALUES ('blank_name', E' \t', '{vp}');
\echo sqlstate :SQLSTATE
-- min_score is between 0 and 1.
INSERT INTO persona.profile (key, name, seniorities, min_score) VALUES ('too_strict', 'x', '{vp}', 1.5);
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities, min_score) VALUES ('negative', 'x', '{vp}', -0.1);
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities, min_score) VALUES ('not_a_number', 'x', '{vp}', 'NaN');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities, min_score) VALUES ('no_threshold', 'x', '{vp}', NULL);
\echo sqlstate :SQLSTATE
-- The match mode is all or weighted.
INSERT INTO persona.profile (key, name, seniorities, match_mode) VALUES ('fuzzy', 'x', '{vp}', 'any');
\echo sqlstate :SQLSTATE
-- Text lists have no NULL or blank element and one dimension.
INSERT INTO persona.profile (key, name, title_keywords) VALUES ('null_keyword', 'x', '{sales,NULL}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, title_keywords) VALUES ('blank_keyword', 'x', '{sales,"  "}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, title_keywords) VALUES ('nested_keywords', 'x', '{{sales,marketing},{ops,it}}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities, title_exclude) VALUES ('blank_exclude', 'x', '{vp}', '{""}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, industries) VALUES ('blank_industry', 'x', '{SaaS,""}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, countries) VALUES ('null_country', 'x', '{US,NULL}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities, goals) VALUES ('blank_goal', 'x', '{vp}', '{" "}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities, pains) VALUES ('null_pain', 'x', '{vp}', '{NULL}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities, buying_triggers) VALUES ('blank_trigger', 'x', '{vp}', '{""}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities, objections) VALUES ('blank_objection', 'x', '{vp}', '{""}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities, channels) VALUES ('blank_channel', 'x', '{vp}', '{""}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities, success_metrics) VALUES ('blank_metric', 'x', '{vp}', '{""}');
\echo sqlstate :SQLSTATE
-- Label lists have no NULL element.
INSERT INTO persona.profile (key, name, seniorities) VALUES ('null_seniority', 'x', '{vp,NULL}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, functions) VALUES ('null_function', 'x', '{NULL}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities, buying_functions) VALUES ('null_buying', 'x', '{vp}', '{sales,NULL}');
\echo sqlstate :SQLSTATE
-- Unknown labels are refused by the enums (22P02).
INSERT INTO persona.profile (key, name, seniorities) VALUES ('bad_seniority', 'x', '{vp,ceo}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, functions) VALUES ('bad_function', 'x', '{Sales}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, seniorities, buying_functions) VALUES ('bad_buying', 'x', '{vp}', '{revops}');
\echo sqlstate :SQLSTATE
-- The employee range is not empty and starts at 0 or more.
INSERT INTO persona.profile (key, name, employees) VALUES ('empty_range', 'x', '[50,50)');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, employees) VALUES ('negative_range', 'x', '[-10,50)');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, employees) VALUES ('backwards_range', 'x', '[500,50)');
\echo sqlstate :SQLSTATE
-- Attributes are a JSON object of strings, numbers and booleans.
INSERT INTO persona.profile (key, name, attributes) VALUES ('array_attributes', 'x', '["plan"]');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, attributes) VALUES ('scalar_attributes', 'x', '"enterprise"');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, attributes) VALUES ('nested_attributes', 'x', '{"plan": {"tier": 1}}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, attributes) VALUES ('list_attribute', 'x', '{"plans": ["a", "b"]}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, attributes) VALUES ('null_attribute', 'x', '{"plan": null}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, attributes) VALUES ('blank_attribute_key', 'x', '{" ": "x"}');
\echo sqlstate :SQLSTATE
INSERT INTO persona.profile (key, name, attributes) VALUES ('bad_json', 'x', '{plan: 1}');
\echo sqlstate :SQLSTATE
-- Updates are checked too.
UPDATE persona.profile SET min_score = 2 WHERE key = 'revops_leader';
\echo sqlstate :SQLSTATE
UPDATE persona.profile SET key = 'RevOps' WHERE key = 'revops_leader';
\echo sqlstate :SQLSTATE

-- Nothing of the failed statements was written.
SELECT count(*) AS profiles FROM persona.profile;

-- Every CHECK constraint of the table, by name.
SELECT conname FROM pg_catalog.pg_constraint
WHERE conrelid = 'persona.profile'::regclass AND contype = 'c'
ORDER BY conname;

-- An update stamps the row with the time and the role.
UPDATE persona.profile SET updated_at = '2000-01-01', updated_by = 'someone_else'
WHERE key = 'any_executive';
SELECT key, updated_at > '2000-01-01' AS restamped, updated_by = current_user AS by_me
FROM persona.profile WHERE key = 'any_executive';
-- An insert keeps the stamp it brings, so restored rows keep theirs.
INSERT INTO persona.profile (key, name, seniorities, updated_at, updated_by)
VALUES ('restored', 'Restored', '{vp}', '2020-02-02 00:00:00+00', 'alice');
SELECT key, updated_at = '2020-02-02 00:00:00+00' AS kept_time, updated_by FROM persona.profile
WHERE key = 'restored';

-- Profiles are drafts: editing them publishes nothing.
SELECT count(*) AS published_versions FROM persona.ruleset_version;

-- pg_dump keeps every profile row (all rows are the user's).
SELECT c.t::regclass AS dumped_table, c.cond AS condition
FROM pg_catalog.pg_extension e,
     unnest(e.extconfig, e.extcondition) AS c(t, cond)
WHERE e.extname = 'persona' AND c.t = 'persona.profile'::regclass;

DELETE FROM persona.profile;
