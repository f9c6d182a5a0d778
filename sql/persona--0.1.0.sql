/* persona--0.1.0.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION persona" to load this file. \quit

-- PostgreSQL 15.4 fixed CVE-2023-39417 (SQL injection through extension
-- script substitutions), which matters for a trusted extension: refuse
-- older servers.
DO $$
BEGIN
	IF pg_catalog.current_setting('server_version_num')::pg_catalog.int4 OPERATOR(pg_catalog.<) 150004 THEN
		RAISE EXCEPTION 'persona requires PostgreSQL 15.4 or later, not %', pg_catalog.version()
			USING ERRCODE = '0A000',
			      HINT = 'PostgreSQL 15.4 fixed CVE-2023-39417, which affects trusted extensions; update the server.';
	END IF;
END
$$;

/*
 * Every name below is schema-qualified and every built-in is reached through
 * pg_catalog, so the script does the same thing whatever search_path the
 * installing role has.
 */

--
-- Taxonomies (SPEC section 2).  The C classifier numbers these labels in
-- this order (src/title.h): append new labels only at the end.
--
CREATE TYPE persona.seniority AS ENUM (
	'unpaid', 'training', 'entry', 'senior', 'manager', 'director',
	'head', 'vp', 'cxo', 'partner', 'owner', 'board'
);
COMMENT ON TYPE persona.seniority IS
'seniority level, lowest first: LinkedIn''s ten levels plus Apollo''s head and ZoomInfo''s board; unknown is NULL';

CREATE TYPE persona.job_function AS ENUM (
	'executive', 'sales', 'marketing', 'business_development',
	'customer_success', 'operations', 'finance', 'hr', 'it', 'engineering',
	'data', 'product', 'design', 'legal', 'procurement', 'administrative',
	'project_management', 'consulting', 'research', 'quality', 'education',
	'healthcare', 'media_communications', 'real_estate', 'public_sector',
	'trades_manufacturing', 'hospitality'
);
COMMENT ON TYPE persona.job_function IS
'job function (LinkedIn''s job functions plus executive and data); unknown is NULL';

--
-- Title intelligence (SPEC section 3), written in C: src/title.c.
-- They read the built-in lexicon only, which is part of the library, so
-- they are IMMUTABLE.  The user lexicon reaches matching through a
-- compiled persona.ruleset instead.
--
CREATE FUNCTION persona.title_seniority(title pg_catalog.text)
RETURNS persona.seniority
AS 'MODULE_PATHNAME', 'persona_title_seniority'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION persona.title_seniority(pg_catalog.text) IS
'seniority of a raw job title in any of seven languages, or NULL when the title says nothing about it';

CREATE FUNCTION persona.title_function(title pg_catalog.text)
RETURNS persona.job_function
AS 'MODULE_PATHNAME', 'persona_title_function'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION persona.title_function(pg_catalog.text) IS
'primary job function of a raw job title, or NULL when the title names none';

CREATE FUNCTION persona.title_normalize(title pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'persona_title_normalize_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION persona.title_normalize(pg_catalog.text) IS
'the normalised form of a title or keyword: lower-case English canonical words, abbreviations expanded, compounds split';

CREATE FUNCTION persona.title_parse(title pg_catalog.text,
	OUT normalized pg_catalog.text,
	OUT seniority persona.seniority,
	OUT job_function persona.job_function,
	OUT functions persona.job_function[],
	OUT subfunction pg_catalog.text)
RETURNS record
AS 'MODULE_PATHNAME', 'persona_title_parse'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION persona.title_parse(pg_catalog.text) IS
'everything the classifier finds in a title: normalised form, seniority, primary function, all functions, sub-function';

CREATE FUNCTION persona.title_explain(title pg_catalog.text)
RETURNS TABLE (
	ordinal pg_catalog.int4,
	term pg_catalog.text,
	source pg_catalog.text,
	seniority persona.seniority,
	job_function persona.job_function,
	subfunction pg_catalog.text,
	rule pg_catalog.text,
	decided boolean)
AS 'MODULE_PATHNAME', 'persona_title_explain'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 4;
COMMENT ON FUNCTION persona.title_explain(pg_catalog.text) IS
'one row per word or phrase of a title that said something, and whether it decided the seniority or the primary function';

--
-- The user lexicon: words, synonyms and their meaning that the built-in
-- lexicon lacks or gets wrong for this company.  Entries are compiled into
-- the next persona.ruleset and so reach matching and tagging; the
-- IMMUTABLE title_* functions above keep to the built-in lexicon.
--
CREATE TABLE persona.lexicon (
	term pg_catalog.text PRIMARY KEY
		CONSTRAINT lexicon_term_not_blank
		CHECK (pg_catalog.btrim(term, E' \t\n\r\f\x0B') OPERATOR(pg_catalog.<>) ''),
	canonical pg_catalog.text
		CONSTRAINT lexicon_canonical_not_blank
		CHECK (pg_catalog.btrim(canonical, E' \t\n\r\f\x0B') OPERATOR(pg_catalog.<>) ''),
	seniority persona.seniority,
	job_function persona.job_function,
	subfunction pg_catalog.text
		CONSTRAINT lexicon_subfunction_not_blank
		CHECK (pg_catalog.btrim(subfunction, E' \t\n\r\f\x0B') OPERATOR(pg_catalog.<>) ''),
	note pg_catalog.text,
	created_by pg_catalog.name NOT NULL DEFAULT CURRENT_USER,
	created_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(),
	CONSTRAINT lexicon_says_something
		CHECK (canonical IS NOT NULL OR seniority IS NOT NULL
			   OR job_function IS NOT NULL OR subfunction IS NOT NULL)
);
COMMENT ON TABLE persona.lexicon IS
'user lexicon: a word or phrase of job titles, what it means (canonical English words), and the seniority, function and sub-function it signals';
COMMENT ON COLUMN persona.lexicon.term IS 'a word or phrase as it appears in titles; matched without regard to case or accents';
COMMENT ON COLUMN persona.lexicon.canonical IS 'English words the term stands for (a synonym), or NULL to keep the term';
COMMENT ON COLUMN persona.lexicon.seniority IS 'the seniority the term signals, or NULL';
COMMENT ON COLUMN persona.lexicon.job_function IS 'the job function the term signals, or NULL';
COMMENT ON COLUMN persona.lexicon.subfunction IS 'a finer function, e.g. revenue_operations, or NULL';
COMMENT ON COLUMN persona.lexicon.note IS 'why the entry exists';

-- All rows are the user's: the built-in lexicon lives in the library.
SELECT pg_catalog.pg_extension_config_dump('persona.lexicon', '');

--
-- Validation helpers for the CHECK constraints below.  They are SQL with a
-- standard body, so their names are resolved once, here, and no
-- search_path can change what they call.
--
CREATE FUNCTION persona.is_text_list(list pg_catalog.text[])
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
	WHEN pg_catalog.cardinality(list) OPERATOR(pg_catalog.=) 0 THEN true
	WHEN pg_catalog.array_ndims(list) OPERATOR(pg_catalog.<>) 1 THEN false
	ELSE NOT EXISTS (
		SELECT FROM pg_catalog.unnest(list) AS e(item)
		WHERE e.item IS NULL
		   OR pg_catalog.btrim(e.item, E' \t\n\r\f\x0B') OPERATOR(pg_catalog.=) '')
END;
COMMENT ON FUNCTION persona.is_text_list(pg_catalog.text[]) IS
'true when a text array is a plain list (one dimension) with no NULL or blank element; used by CHECK constraints';

-- Polymorphic, so its body cannot be a standard one: it is parsed at each
-- call, and names everything it uses by schema.
CREATE FUNCTION persona.is_label_list(list anyarray)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT CASE
	WHEN pg_catalog.cardinality(list) OPERATOR(pg_catalog.=) 0 THEN true
	WHEN pg_catalog.array_ndims(list) OPERATOR(pg_catalog.<>) 1 THEN false
	ELSE NOT EXISTS (SELECT FROM pg_catalog.unnest(list) AS e(item) WHERE e.item IS NULL)
END
$$;
COMMENT ON FUNCTION persona.is_label_list(anyarray) IS
'true when an array of labels (seniorities, job functions) is a plain list with no NULL element; used by CHECK constraints';

CREATE FUNCTION persona.is_flat_object(doc pg_catalog.jsonb)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
	WHEN pg_catalog.jsonb_typeof(doc) OPERATOR(pg_catalog.<>) 'object' THEN false
	ELSE NOT EXISTS (
		SELECT FROM pg_catalog.jsonb_each(doc) AS e(key, value)
		WHERE pg_catalog.btrim(e.key, E' \t\n\r\f\x0B') OPERATOR(pg_catalog.=) ''
		   OR pg_catalog.jsonb_typeof(e.value) OPERATOR(pg_catalog.<>)
				ALL (ARRAY['string', 'number', 'boolean']))
END;
COMMENT ON FUNCTION persona.is_flat_object(pg_catalog.jsonb) IS
'true when a jsonb value is an object whose keys are not blank and whose values are strings, numbers or booleans; used by CHECK constraints';

-- IMMUTABLE although it reads the labels of persona.job_function: labels
-- are only ever appended, so an answer of true never turns false.
CREATE FUNCTION persona.is_function_list(doc pg_catalog.jsonb)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
	WHEN pg_catalog.jsonb_typeof(doc) OPERATOR(pg_catalog.<>) 'array' THEN false
	WHEN pg_catalog.jsonb_array_length(doc) OPERATOR(pg_catalog.=) 0 THEN false
	ELSE NOT EXISTS (
		SELECT FROM pg_catalog.jsonb_array_elements(doc) AS e(item)
		WHERE pg_catalog.jsonb_typeof(e.item) OPERATOR(pg_catalog.<>) 'string'
		   OR NOT (e.item OPERATOR(pg_catalog.#>>) '{}'::pg_catalog.text[])
				OPERATOR(pg_catalog.=) ANY (pg_catalog.enum_range(NULL::persona.job_function)::pg_catalog.text[]))
END;
COMMENT ON FUNCTION persona.is_function_list(pg_catalog.jsonb) IS
'true when a jsonb value is a non-empty array of persona.job_function labels; used by CHECK constraints';

--
-- Persona profiles (SPEC section 4).  Edits are drafts: matching sees them
-- only once persona.publish() has compiled them into a ruleset version.
--
CREATE TABLE persona.profile (
	key pg_catalog.text PRIMARY KEY
		CONSTRAINT profile_key_slug
		CHECK (key OPERATOR(pg_catalog.~) '^[a-z][a-z0-9_]{0,62}$'),
	name pg_catalog.text NOT NULL
		CONSTRAINT profile_name_not_blank
		CHECK (pg_catalog.btrim(name, E' \t\n\r\f\x0B') OPERATOR(pg_catalog.<>) ''),
	description pg_catalog.text,
	active boolean NOT NULL DEFAULT true,
	priority pg_catalog.int4 NOT NULL DEFAULT 0,
	-- matching criteria
	title_keywords pg_catalog.text[]
		CONSTRAINT profile_title_keywords_not_blank CHECK (persona.is_text_list(title_keywords)),
	title_exclude pg_catalog.text[]
		CONSTRAINT profile_title_exclude_not_blank CHECK (persona.is_text_list(title_exclude)),
	seniorities persona.seniority[]
		CONSTRAINT profile_seniorities_no_null CHECK (persona.is_label_list(seniorities)),
	functions persona.job_function[]
		CONSTRAINT profile_functions_no_null CHECK (persona.is_label_list(functions)),
	industries pg_catalog.text[]
		CONSTRAINT profile_industries_not_blank CHECK (persona.is_text_list(industries)),
	employees pg_catalog.int4range
		CONSTRAINT profile_employees_valid
		CHECK (NOT pg_catalog.isempty(employees)
			   AND pg_catalog.lower(employees) OPERATOR(pg_catalog.>=) 0),
	countries pg_catalog.text[]
		CONSTRAINT profile_countries_not_blank CHECK (persona.is_text_list(countries)),
	attributes pg_catalog.jsonb
		CONSTRAINT profile_attributes_flat_object CHECK (persona.is_flat_object(attributes)),
	min_score real NOT NULL DEFAULT 0.5
		CONSTRAINT profile_min_score_range
		CHECK (min_score OPERATOR(pg_catalog.>=) 0 AND min_score OPERATOR(pg_catalog.<=) 1),
	match_mode pg_catalog.text NOT NULL DEFAULT 'all'
		CONSTRAINT profile_match_mode_valid
		CHECK (match_mode OPERATOR(pg_catalog.=) ANY (ARRAY['all', 'weighted'])),
	-- persona context, shown to reps
	goals pg_catalog.text[]
		CONSTRAINT profile_goals_not_blank CHECK (persona.is_text_list(goals)),
	pains pg_catalog.text[]
		CONSTRAINT profile_pains_not_blank CHECK (persona.is_text_list(pains)),
	buying_triggers pg_catalog.text[]
		CONSTRAINT profile_buying_triggers_not_blank CHECK (persona.is_text_list(buying_triggers)),
	objections pg_catalog.text[]
		CONSTRAINT profile_objections_not_blank CHECK (persona.is_text_list(objections)),
	channels pg_catalog.text[]
		CONSTRAINT profile_channels_not_blank CHECK (persona.is_text_list(channels)),
	success_metrics pg_catalog.text[]
		CONSTRAINT profile_success_metrics_not_blank CHECK (persona.is_text_list(success_metrics)),
	messaging pg_catalog.text,
	-- role inference
	buying_functions persona.job_function[]
		CONSTRAINT profile_buying_functions_no_null CHECK (persona.is_label_list(buying_functions)),
	updated_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(),
	updated_by pg_catalog.name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE persona.profile IS
'buyer persona profiles: matching criteria and the context shown to reps; drafts until persona.publish() compiles them';
COMMENT ON COLUMN persona.profile.key IS 'the persona''s code, a slug such as revops_leader; what persona.match() returns';
COMMENT ON COLUMN persona.profile.name IS 'the persona''s display name';
COMMENT ON COLUMN persona.profile.description IS 'who this persona is, in a sentence or two';
COMMENT ON COLUMN persona.profile.active IS 'false keeps the profile out of the next published ruleset';
COMMENT ON COLUMN persona.profile.priority IS 'breaks ties of score: higher first, then key';
COMMENT ON COLUMN persona.profile.title_keywords IS 'any-of: words or phrases matched on word boundaries of the normalised title, in any of the seven languages';
COMMENT ON COLUMN persona.profile.title_exclude IS 'veto: a title containing any of these words or phrases never matches the profile';
COMMENT ON COLUMN persona.profile.seniorities IS 'any-of: the seniority levels the persona has';
COMMENT ON COLUMN persona.profile.functions IS 'any-of: the job functions the persona works in';
COMMENT ON COLUMN persona.profile.industries IS 'any-of: the account industries, compared without regard to case';
COMMENT ON COLUMN persona.profile.employees IS 'the range of the account''s employee count, e.g. [50,5000)';
COMMENT ON COLUMN persona.profile.countries IS 'any-of: the countries, compared without regard to case (ISO codes recommended)';
COMMENT ON COLUMN persona.profile.attributes IS 'required key/value pairs (strings, numbers, booleans) of the lead''s extra attributes';
COMMENT ON COLUMN persona.profile.min_score IS 'the score (0..1) a lead must reach to be tagged with this persona';
COMMENT ON COLUMN persona.profile.match_mode IS 'all: every criterion set must hold; weighted: criteria may fail as long as the score reaches min_score';
COMMENT ON COLUMN persona.profile.goals IS 'the business goals the persona is measured on';
COMMENT ON COLUMN persona.profile.pains IS 'the problems the persona has today';
COMMENT ON COLUMN persona.profile.buying_triggers IS 'events that make the persona start looking for a solution';
COMMENT ON COLUMN persona.profile.objections IS 'what the persona says against buying, to prepare answers';
COMMENT ON COLUMN persona.profile.channels IS 'where the persona is reached and learns';
COMMENT ON COLUMN persona.profile.success_metrics IS 'how the persona will judge that the purchase worked';
COMMENT ON COLUMN persona.profile.messaging IS 'the message that works with this persona, for email copy and calls';
COMMENT ON COLUMN persona.profile.buying_functions IS 'the functions that own the purchase for this persona''s deals; NULL uses the buying_functions setting';
COMMENT ON COLUMN persona.profile.updated_at IS 'when the row was last changed';
COMMENT ON COLUMN persona.profile.updated_by IS 'who last changed the row';

-- VOLATILE: it stamps the row with the clock and the current role.  An
-- INSERT keeps the stamp it brings (so a restore keeps the originals); an
-- UPDATE always stamps.
CREATE FUNCTION persona.profile_stamp()
RETURNS trigger
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP = 'UPDATE' OR NEW.updated_at IS NULL THEN
		NEW.updated_at := pg_catalog.now();
	END IF;
	IF TG_OP = 'UPDATE' OR NEW.updated_by IS NULL THEN
		NEW.updated_by := CURRENT_USER;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION persona.profile_stamp() IS
'trigger function: keeps persona.profile.updated_at and updated_by';

CREATE TRIGGER profile_stamp
	BEFORE INSERT OR UPDATE ON persona.profile
	FOR EACH ROW EXECUTE FUNCTION persona.profile_stamp();
COMMENT ON TRIGGER profile_stamp ON persona.profile IS
'keeps updated_at and updated_by';

-- All rows are the user's.
SELECT pg_catalog.pg_extension_config_dump('persona.profile', '');

--
-- Influence roles: what a person is likely to be on the buying committee.
-- Built-in rows carry builtin = true and are created by this script, so
-- pg_dump keeps only the rows users add (changes to built-in rows are not
-- dumped: add a rule of your own with a lower ordinal instead).
--
CREATE TABLE persona.role (
	code pg_catalog.text PRIMARY KEY
		CONSTRAINT role_code_slug
		CHECK (code OPERATOR(pg_catalog.~) '^[a-z][a-z0-9_]{0,62}$'),
	label pg_catalog.text NOT NULL
		CONSTRAINT role_label_not_blank
		CHECK (pg_catalog.btrim(label, E' \t\n\r\f\x0B') OPERATOR(pg_catalog.<>) ''),
	required boolean NOT NULL DEFAULT false,
	weight real NOT NULL DEFAULT 1
		CONSTRAINT role_weight_range
		CHECK (weight OPERATOR(pg_catalog.>=) 0
			   AND weight OPERATOR(pg_catalog.<) 'Infinity'::real),
	display_order pg_catalog.int4 NOT NULL DEFAULT 1000,
	sfdc_role pg_catalog.text NOT NULL DEFAULT 'Other'
		CONSTRAINT role_sfdc_role_not_blank
		CHECK (pg_catalog.btrim(sfdc_role, E' \t\n\r\f\x0B') OPERATOR(pg_catalog.<>) ''),
	builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE persona.role IS
'catalogue of buying-committee influence roles; users may add rows';
COMMENT ON COLUMN persona.role.code IS 'the role''s code, a slug; what persona.match() returns as role';
COMMENT ON COLUMN persona.role.label IS 'the role''s display name';
COMMENT ON COLUMN persona.role.required IS 'whether a complete buying committee needs someone in this role';
COMMENT ON COLUMN persona.role.weight IS 'how much the role counts on a buying committee (0 or more)';
COMMENT ON COLUMN persona.role.display_order IS 'where the role appears in reports, lowest first';
COMMENT ON COLUMN persona.role.sfdc_role IS 'the Salesforce OpportunityContactRole value the role maps to';
COMMENT ON COLUMN persona.role.builtin IS 'true for the rows the extension creates; pg_dump keeps only the others';

INSERT INTO persona.role (code, label, required, weight, display_order, sfdc_role, builtin) VALUES
	('decision_maker',      'Decision maker',      true,  1.0,  10, 'Decision Maker',    true),
	('economic_buyer',      'Economic buyer',      true,  1.0,  20, 'Economic Buyer',    true),
	('executive_sponsor',   'Executive sponsor',   false, 0.8,  30, 'Executive Sponsor', true),
	('champion',            'Champion',            true,  0.9,  40, 'Influencer',        true),
	('technical_evaluator', 'Technical evaluator', true,  0.7,  50, 'Technical Buyer',   true),
	('business_evaluator',  'Business evaluator',  false, 0.6,  60, 'Evaluator',         true),
	('influencer',          'Influencer',          false, 0.5,  70, 'Influencer',        true),
	('end_user',            'End user',            false, 0.3,  80, 'Business User',     true),
	('gatekeeper',          'Gatekeeper',          false, 0.4,  90, 'Other',             true),
	('blocker',             'Blocker',             false, 0.5, 100, 'Other',             true),
	('other',               'Other',               false, 0.0, 110, 'Other',             true);

SELECT pg_catalog.pg_extension_config_dump('persona.role', 'WHERE NOT builtin');

--
-- Role rules: the first rule (lowest ordinal) whose conditions all hold
-- gives the role.  A condition left NULL always holds; a condition on a
-- value the lead lacks (NULL seniority, unknown employee count) does not.
-- Built-in rules are 100 apart so users can insert their own between them.
--
CREATE TABLE persona.role_rule (
	ordinal pg_catalog.int4 PRIMARY KEY,
	role pg_catalog.text NOT NULL
		REFERENCES persona.role (code) ON UPDATE CASCADE,
	seniorities persona.seniority[]
		CONSTRAINT role_rule_seniorities_no_null CHECK (persona.is_label_list(seniorities)),
	functions persona.job_function[]
		CONSTRAINT role_rule_functions_no_null CHECK (persona.is_label_list(functions)),
	buying_function boolean,
	min_employees pg_catalog.int4
		CONSTRAINT role_rule_min_employees_range CHECK (min_employees OPERATOR(pg_catalog.>=) 0),
	max_employees pg_catalog.int4,
	note pg_catalog.text,
	builtin boolean NOT NULL DEFAULT false,
	CONSTRAINT role_rule_employees_range
		CHECK (max_employees OPERATOR(pg_catalog.>) COALESCE(min_employees, 0))
);
COMMENT ON TABLE persona.role_rule IS
'rules inferring a lead''s influence role from seniority, function, company size and the buying functions; the first rule that holds wins';
COMMENT ON COLUMN persona.role_rule.ordinal IS 'the rule''s place: rules are tried lowest first';
COMMENT ON COLUMN persona.role_rule.role IS 'the role the rule gives (a persona.role code)';
COMMENT ON COLUMN persona.role_rule.seniorities IS 'any-of: the lead''s seniority; NULL: any';
COMMENT ON COLUMN persona.role_rule.functions IS 'any-of: the lead''s primary job function; NULL: any';
COMMENT ON COLUMN persona.role_rule.buying_function IS 'true: the lead''s function is one of the buying functions; false: it is not; NULL: either';
COMMENT ON COLUMN persona.role_rule.min_employees IS 'the rule holds from this many employees on (inclusive); NULL: no lower limit';
COMMENT ON COLUMN persona.role_rule.max_employees IS 'the rule holds below this many employees (exclusive); NULL: no upper limit';
COMMENT ON COLUMN persona.role_rule.note IS 'why the rule exists';
COMMENT ON COLUMN persona.role_rule.builtin IS 'true for the rows the extension creates; pg_dump keeps only the others';

INSERT INTO persona.role_rule (ordinal, role, seniorities, functions, buying_function,
							   min_employees, max_employees, note, builtin) VALUES
	(100, 'gatekeeper', NULL, '{procurement,legal}', NULL, NULL, NULL,
	 'procurement and legal control the contract, not the choice', true),
	(200, 'gatekeeper', NULL, '{administrative}', NULL, NULL, NULL,
	 'assistants and office staff control access to executives', true),
	(300, 'decision_maker', '{cxo,partner,owner}', NULL, NULL, NULL, 50,
	 'at companies under 50 employees any executive or owner decides', true),
	(400, 'economic_buyer', '{vp,cxo,owner}', '{finance}', NULL, NULL, NULL,
	 'finance leaders own the budget', true),
	(500, 'technical_evaluator', NULL, '{it,engineering,data}', false, NULL, NULL,
	 'IT, engineering and data check security, integration and data outside the buying functions', true),
	(600, 'executive_sponsor', '{board}', NULL, NULL, NULL, NULL,
	 'board members sponsor, they do not run the purchase', true),
	(700, 'decision_maker', '{cxo,partner,owner}', NULL, NULL, NULL, NULL,
	 'executives and owners decide', true),
	(800, 'decision_maker', '{vp}', NULL, true, NULL, NULL,
	 'a vice president of a buying function decides', true),
	(900, 'influencer', '{director,head,vp}', NULL, false, NULL, NULL,
	 'leaders of other functions are heard', true),
	(1000, 'champion', '{manager,director,head}', NULL, true, NULL, NULL,
	 'managers and directors of a buying function drive the purchase', true),
	(1100, 'end_user', '{unpaid,training,entry,senior}', NULL, true, NULL, NULL,
	 'individual contributors of a buying function use the product', true),
	(1200, 'influencer', '{entry,senior,manager}', NULL, false, NULL, NULL,
	 'staff of other functions are heard', true),
	(1300, 'other', NULL, NULL, NULL, NULL, NULL,
	 'everyone else', true);

SELECT pg_catalog.pg_extension_config_dump('persona.role_rule', 'WHERE NOT builtin');

--
-- Database-wide settings.  No built-in rows: a missing row means the
-- default, so every row is the user's.
--
CREATE TABLE persona.setting (
	name pg_catalog.text PRIMARY KEY
		CONSTRAINT setting_name_known
		CHECK (name OPERATOR(pg_catalog.=) ANY (ARRAY['buying_functions'])),
	value pg_catalog.jsonb NOT NULL,
	CONSTRAINT setting_buying_functions_valid
		CHECK (name OPERATOR(pg_catalog.<>) 'buying_functions' OR persona.is_function_list(value))
);
COMMENT ON TABLE persona.setting IS
'database-wide settings compiled into each ruleset; a missing row means the default.  buying_functions: a JSON array of persona.job_function labels, the functions that own the purchase of what you sell, used for role inference of profiles whose buying_functions is NULL; default ["sales","operations"] (the functions that buy a CRM tool)';
COMMENT ON COLUMN persona.setting.name IS 'the setting: buying_functions';
COMMENT ON COLUMN persona.setting.value IS 'the setting''s value as JSON';

SELECT pg_catalog.pg_extension_config_dump('persona.setting', '');

--
-- The ruleset type (SPEC section 4, docs/ruleset.md), written in C:
-- src/ruleset*.c.  A ruleset is a value, so everything that takes one is
-- IMMUTABLE.
--
CREATE TYPE persona.ruleset;

CREATE FUNCTION persona.ruleset_in(pg_catalog.cstring)
RETURNS persona.ruleset
AS 'MODULE_PATHNAME', 'persona_ruleset_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION persona.ruleset_in(pg_catalog.cstring) IS
'input function of persona.ruleset: the JSON text form of docs/ruleset.md, validated';

CREATE FUNCTION persona.ruleset_out(persona.ruleset)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'persona_ruleset_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION persona.ruleset_out(persona.ruleset) IS
'output function of persona.ruleset: the canonical one-line JSON text form';

CREATE FUNCTION persona.ruleset_recv(internal)
RETURNS persona.ruleset
AS 'MODULE_PATHNAME', 'persona_ruleset_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION persona.ruleset_recv(internal) IS
'binary input function of persona.ruleset, validated as strictly as the text form';

CREATE FUNCTION persona.ruleset_send(persona.ruleset)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'persona_ruleset_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION persona.ruleset_send(persona.ruleset) IS
'binary output function of persona.ruleset';

CREATE TYPE persona.ruleset (
	INPUT = persona.ruleset_in,
	OUTPUT = persona.ruleset_out,
	RECEIVE = persona.ruleset_recv,
	SEND = persona.ruleset_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended,
	ALIGNMENT = int4
);
COMMENT ON TYPE persona.ruleset IS
'a compiled, immutable snapshot of the persona profiles, the user lexicon, the influence roles and their rules';

CREATE FUNCTION persona.ruleset_eq(persona.ruleset, persona.ruleset)
RETURNS boolean
AS 'MODULE_PATHNAME', 'persona_ruleset_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION persona.ruleset_eq(persona.ruleset, persona.ruleset) IS
'whether two rulesets are the same (implementation of =)';

CREATE FUNCTION persona.ruleset_ne(persona.ruleset, persona.ruleset)
RETURNS boolean
AS 'MODULE_PATHNAME', 'persona_ruleset_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION persona.ruleset_ne(persona.ruleset, persona.ruleset) IS
'whether two rulesets differ (implementation of <>)';

CREATE FUNCTION persona.ruleset_hash(persona.ruleset)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'persona_ruleset_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION persona.ruleset_hash(persona.ruleset) IS
'hash of a ruleset, for hash joins, hash aggregation and hash indexes';

CREATE OPERATOR persona.= (
	LEFTARG = persona.ruleset,
	RIGHTARG = persona.ruleset,
	FUNCTION = persona.ruleset_eq,
	COMMUTATOR = OPERATOR(persona.=),
	NEGATOR = OPERATOR(persona.<>),
	RESTRICT = pg_catalog.eqsel,
	JOIN = pg_catalog.eqjoinsel,
	HASHES
);
COMMENT ON OPERATOR persona.= (persona.ruleset, persona.ruleset) IS 'equal';

CREATE OPERATOR persona.<> (
	LEFTARG = persona.ruleset,
	RIGHTARG = persona.ruleset,
	FUNCTION = persona.ruleset_ne,
	COMMUTATOR = OPERATOR(persona.<>),
	NEGATOR = OPERATOR(persona.=),
	RESTRICT = pg_catalog.neqsel,
	JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR persona.<> (persona.ruleset, persona.ruleset) IS 'not equal';

CREATE OPERATOR CLASS persona.ruleset_hash_ops
	DEFAULT FOR TYPE persona.ruleset USING hash AS
	OPERATOR 1 persona.= ,
	FUNCTION 1 persona.ruleset_hash(persona.ruleset);
COMMENT ON OPERATOR CLASS persona.ruleset_hash_ops USING hash IS
'hash operator class of persona.ruleset';
COMMENT ON OPERATOR FAMILY persona.ruleset_hash_ops USING hash IS
'hash operator family of persona.ruleset';

CREATE FUNCTION persona.ruleset_version(persona.ruleset)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'persona_ruleset_version'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION persona.ruleset_version(persona.ruleset) IS
'the published version number of a ruleset, or NULL for a draft made by persona.compile()';

--
-- Matching (SPEC section 4).  Each function comes twice: with an explicit
-- ruleset, IMMUTABLE (generated columns, indexes, remote shards), and with
-- the active ruleset, STABLE.  Not STRICT: any argument may be NULL.
--
CREATE TYPE persona.match_result AS (
	persona pg_catalog.text,
	score real,
	role pg_catalog.text,
	seniority persona.seniority,
	job_function persona.job_function,
	persona_name pg_catalog.text,
	runner_up pg_catalog.text,
	runner_up_score real,
	ruleset_version pg_catalog.int4
);
COMMENT ON TYPE persona.match_result IS
'the best persona of a lead (NULL when none reaches its min_score), its score, the influence role, seniority and function, the runner-up and the ruleset version';

CREATE FUNCTION persona.match(ruleset persona.ruleset,
	title pg_catalog.text,
	department pg_catalog.text DEFAULT NULL,
	industry pg_catalog.text DEFAULT NULL,
	employees pg_catalog.int4 DEFAULT NULL,
	country pg_catalog.text DEFAULT NULL,
	attrs pg_catalog.jsonb DEFAULT NULL)
RETURNS persona.match_result
AS 'MODULE_PATHNAME', 'persona_match'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION persona.match(persona.ruleset, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, pg_catalog.text, pg_catalog.jsonb) IS
'the best persona and the influence role of a lead under the given ruleset';

-- STABLE: it reads the active ruleset (persona.ruleset_version).
CREATE FUNCTION persona.match(title pg_catalog.text,
	department pg_catalog.text DEFAULT NULL,
	industry pg_catalog.text DEFAULT NULL,
	employees pg_catalog.int4 DEFAULT NULL,
	country pg_catalog.text DEFAULT NULL,
	attrs pg_catalog.jsonb DEFAULT NULL)
RETURNS persona.match_result
AS 'MODULE_PATHNAME', 'persona_match_active'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION persona.match(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, pg_catalog.text, pg_catalog.jsonb) IS
'the best persona and the influence role of a lead under the active ruleset';

CREATE FUNCTION persona.match_all(ruleset persona.ruleset,
	title pg_catalog.text,
	department pg_catalog.text DEFAULT NULL,
	industry pg_catalog.text DEFAULT NULL,
	employees pg_catalog.int4 DEFAULT NULL,
	country pg_catalog.text DEFAULT NULL,
	attrs pg_catalog.jsonb DEFAULT NULL)
RETURNS SETOF persona.match_result
AS 'MODULE_PATHNAME', 'persona_match_all'
LANGUAGE C IMMUTABLE PARALLEL SAFE
ROWS 3;
COMMENT ON FUNCTION persona.match_all(persona.ruleset, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, pg_catalog.text, pg_catalog.jsonb) IS
'every persona a lead reaches the threshold of under the given ruleset, best first';

-- STABLE: it reads the active ruleset.
CREATE FUNCTION persona.match_all(title pg_catalog.text,
	department pg_catalog.text DEFAULT NULL,
	industry pg_catalog.text DEFAULT NULL,
	employees pg_catalog.int4 DEFAULT NULL,
	country pg_catalog.text DEFAULT NULL,
	attrs pg_catalog.jsonb DEFAULT NULL)
RETURNS SETOF persona.match_result
AS 'MODULE_PATHNAME', 'persona_match_all_active'
LANGUAGE C STABLE PARALLEL SAFE
ROWS 3;
COMMENT ON FUNCTION persona.match_all(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, pg_catalog.text, pg_catalog.jsonb) IS
'every persona a lead reaches the threshold of under the active ruleset, best first';

CREATE FUNCTION persona.explain(ruleset persona.ruleset,
	title pg_catalog.text,
	department pg_catalog.text DEFAULT NULL,
	industry pg_catalog.text DEFAULT NULL,
	employees pg_catalog.int4 DEFAULT NULL,
	country pg_catalog.text DEFAULT NULL,
	attrs pg_catalog.jsonb DEFAULT NULL)
RETURNS TABLE (
	persona pg_catalog.text,
	criterion pg_catalog.text,
	setting pg_catalog.text,
	lead_value pg_catalog.text,
	matched boolean,
	weight real,
	quality real,
	contribution real,
	profile_score real,
	reached boolean)
AS 'MODULE_PATHNAME', 'persona_explain'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION persona.explain(persona.ruleset, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, pg_catalog.text, pg_catalog.jsonb) IS
'why a lead gets its persona under the given ruleset: one row per profile and criterion, with its weight, quality and contribution to the score';

-- STABLE: it reads the active ruleset.
CREATE FUNCTION persona.explain(title pg_catalog.text,
	department pg_catalog.text DEFAULT NULL,
	industry pg_catalog.text DEFAULT NULL,
	employees pg_catalog.int4 DEFAULT NULL,
	country pg_catalog.text DEFAULT NULL,
	attrs pg_catalog.jsonb DEFAULT NULL)
RETURNS TABLE (
	persona pg_catalog.text,
	criterion pg_catalog.text,
	setting pg_catalog.text,
	lead_value pg_catalog.text,
	matched boolean,
	weight real,
	quality real,
	contribution real,
	profile_score real,
	reached boolean)
AS 'MODULE_PATHNAME', 'persona_explain_active'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION persona.explain(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, pg_catalog.text, pg_catalog.jsonb) IS
'why a lead gets its persona under the active ruleset: one row per profile and criterion, with its weight, quality and contribution to the score';

CREATE FUNCTION persona.infer_role(ruleset persona.ruleset,
	seniority persona.seniority,
	job_function persona.job_function,
	employees pg_catalog.int4 DEFAULT NULL,
	buying_functions persona.job_function[] DEFAULT NULL)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'persona_infer_role'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION persona.infer_role(persona.ruleset, persona.seniority, persona.job_function, pg_catalog.int4, persona.job_function[]) IS
'the influence role the ruleset''s role rules give a seniority, job function and company size; buying_functions NULL uses the ruleset''s default';

-- STABLE: it reads persona.ruleset_version (cached per backend until the
-- table changes).
CREATE FUNCTION persona.ruleset()
RETURNS persona.ruleset
AS 'MODULE_PATHNAME', 'persona_ruleset_active'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION persona.ruleset() IS
'the active ruleset, or NULL when nothing was published yet';

-- VOLATILE: it tells every backend to drop its cached active ruleset.
CREATE FUNCTION persona.ruleset_version_changed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'persona_ruleset_version_changed'
LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION persona.ruleset_version_changed() IS
'trigger function: makes every backend drop its cached active ruleset when persona.ruleset_version changes';

--
-- Published ruleset versions.  Exactly one row is active (after the first
-- publish); old rows stay so every tag can be traced to the ruleset and the
-- profiles that produced it.
--
CREATE TABLE persona.ruleset_version (
	version pg_catalog.int4 PRIMARY KEY
		CONSTRAINT ruleset_version_positive CHECK (version OPERATOR(pg_catalog.>) 0),
	ruleset persona.ruleset NOT NULL,
	active boolean NOT NULL DEFAULT false,
	published_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(),
	published_by pg_catalog.name NOT NULL DEFAULT CURRENT_USER,
	note pg_catalog.text,
	profiles pg_catalog.jsonb,
	CONSTRAINT ruleset_version_matches
		CHECK (persona.ruleset_version(ruleset) IS NOT NULL
			   AND persona.ruleset_version(ruleset) OPERATOR(pg_catalog.=) version)
);
COMMENT ON TABLE persona.ruleset_version IS
'published ruleset versions; the active one is what persona.match() uses';
COMMENT ON COLUMN persona.ruleset_version.version IS 'the version number, 1, 2, 3 and so on; equal to persona.ruleset_version(ruleset)';
COMMENT ON COLUMN persona.ruleset_version.ruleset IS 'the compiled ruleset';
COMMENT ON COLUMN persona.ruleset_version.active IS 'true for the one version matching uses';
COMMENT ON COLUMN persona.ruleset_version.published_at IS 'when the version was published';
COMMENT ON COLUMN persona.ruleset_version.published_by IS 'who published it';
COMMENT ON COLUMN persona.ruleset_version.note IS 'what changed, in the publisher''s words';
COMMENT ON COLUMN persona.ruleset_version.profiles IS 'the compiled profile rows in full, persona context included, as a JSON array (for tracing)';

CREATE UNIQUE INDEX ruleset_version_one_active
	ON persona.ruleset_version (active) WHERE active;
COMMENT ON INDEX persona.ruleset_version_one_active IS
'at most one version is active';

CREATE TRIGGER ruleset_version_changed
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON persona.ruleset_version
	FOR EACH STATEMENT EXECUTE FUNCTION persona.ruleset_version_changed();
COMMENT ON TRIGGER ruleset_version_changed ON persona.ruleset_version IS
'drops the cached active ruleset of every backend';

SELECT pg_catalog.pg_extension_config_dump('persona.ruleset_version', '');

--
-- Compiling and publishing.  These are PL/pgSQL with search_path pinned to
-- pg_catalog, so the operators in their bodies are the built-in ones;
-- functions and tables are schema-qualified all the same.
--

-- STABLE: it reads the profiles, the lexicon, the roles, the role rules and
-- the settings.
CREATE FUNCTION persona.compile(version pg_catalog.int4 DEFAULT NULL)
RETURNS persona.ruleset
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	bad record;
	doc pg_catalog.json;
BEGIN
	IF compile.version < 1 THEN
		RAISE EXCEPTION 'ruleset version must be positive, not %', compile.version
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Pass NULL for a draft; persona.publish() numbers versions itself.';
	END IF;

	PERFORM FROM persona.profile p WHERE p.active;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'there is no active persona profile to compile'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Insert a row into persona.profile, or set active = true on one.';
	END IF;

	SELECT p.key INTO bad
	FROM persona.profile p
	WHERE p.active
	  AND COALESCE(pg_catalog.cardinality(p.title_keywords), 0) = 0
	  AND COALESCE(pg_catalog.cardinality(p.seniorities), 0) = 0
	  AND COALESCE(pg_catalog.cardinality(p.functions), 0) = 0
	  AND COALESCE(pg_catalog.cardinality(p.industries), 0) = 0
	  AND p.employees IS NULL
	  AND COALESCE(pg_catalog.cardinality(p.countries), 0) = 0
	  AND (p.attributes IS NULL OR p.attributes = '{}'::pg_catalog.jsonb)
	ORDER BY p.key COLLATE "C"
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'persona profile "%" sets no matching criterion', bad.key
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'A profile without criteria would never match a lead.',
				  HINT = pg_catalog.format('Set title_keywords, seniorities, functions, industries, employees, countries or attributes of profile "%s", or set its active to false.', bad.key);
	END IF;

	-- A keyword with no word the classifier reads (punctuation only, a
	-- script other than Latin) could never match.
	SELECT p.key, k.keyword INTO bad
	FROM persona.profile p,
		 pg_catalog.unnest(COALESCE(p.title_keywords, '{}') OPERATOR(pg_catalog.||)
						   COALESCE(p.title_exclude, '{}')) AS k(keyword)
	WHERE p.active
	  AND COALESCE(persona.title_normalize(k.keyword), '') = ''
	ORDER BY p.key COLLATE "C", k.keyword COLLATE "C"
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'keyword "%" of persona profile "%" has no word a title can match', bad.keyword, bad.key
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'Keywords are normalised like titles; this one normalises to nothing.',
				  HINT = pg_catalog.format('Remove the keyword from profile "%s" or write it in letters of a Latin-script language.', bad.key);
	END IF;

	SELECT pg_catalog.min(l.term COLLATE "C") AS first_term,
		   pg_catalog.max(l.term COLLATE "C") AS second_term INTO bad
	FROM persona.lexicon l
	GROUP BY pg_catalog.lower(pg_catalog.btrim(l.term))
	HAVING pg_catalog.count(*) > 1
	ORDER BY 1
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'the lexicon has "%" and "%", the same term in different case', bad.first_term, bad.second_term
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Delete one of the two rows of persona.lexicon.';
	END IF;

	-- docs/ruleset.md, keys in canonical order; an empty list is null.
	doc := pg_catalog.json_build_object(
		'format', 1,
		'version', compile.version,
		'buying_functions', COALESCE(
			(SELECT s.value FROM persona.setting s WHERE s.name = 'buying_functions'),
			'["sales","operations"]'::pg_catalog.jsonb)::pg_catalog.json,
		'profiles', (
			SELECT COALESCE(pg_catalog.json_agg(pg_catalog.json_build_object(
				'key', p.key,
				'name', p.name,
				'priority', p.priority,
				'min_score', p.min_score,
				'match_mode', p.match_mode,
				'title_keywords', NULLIF(p.title_keywords, '{}'),
				'title_exclude', NULLIF(p.title_exclude, '{}'),
				'seniorities', NULLIF(p.seniorities, '{}'),
				'functions', NULLIF(p.functions, '{}'),
				'industries', NULLIF(p.industries, '{}'),
				'employees', p.employees::pg_catalog.text,
				'countries', NULLIF(p.countries, '{}'),
				'attributes', NULLIF(p.attributes, '{}'::pg_catalog.jsonb)::pg_catalog.json,
				'buying_functions', NULLIF(p.buying_functions, '{}'))
				ORDER BY p.key COLLATE "C"), '[]'::pg_catalog.json)
			FROM persona.profile p
			WHERE p.active),
		'lexicon', (
			SELECT COALESCE(pg_catalog.json_agg(pg_catalog.json_build_object(
				'term', l.term,
				'canonical', l.canonical,
				'seniority', l.seniority,
				'job_function', l.job_function,
				'subfunction', l.subfunction)
				ORDER BY l.term COLLATE "C"), '[]'::pg_catalog.json)
			FROM persona.lexicon l),
		'roles', (
			SELECT COALESCE(pg_catalog.json_agg(pg_catalog.json_build_object(
				'code', r.code,
				'label', r.label,
				'required', r.required,
				'weight', r.weight,
				'display_order', r.display_order,
				'sfdc_role', r.sfdc_role)
				ORDER BY r.display_order, r.code COLLATE "C"), '[]'::pg_catalog.json)
			FROM persona.role r),
		'role_rules', (
			SELECT COALESCE(pg_catalog.json_agg(pg_catalog.json_build_object(
				'role', rr.role,
				'seniorities', NULLIF(rr.seniorities, '{}'),
				'functions', NULLIF(rr.functions, '{}'),
				'buying_function', rr.buying_function,
				'min_employees', rr.min_employees,
				'max_employees', rr.max_employees)
				ORDER BY rr.ordinal), '[]'::pg_catalog.json)
			FROM persona.role_rule rr));

	RETURN doc::pg_catalog.text::persona.ruleset;
END
$$;
COMMENT ON FUNCTION persona.compile(pg_catalog.int4) IS
'compiles the active profiles, the user lexicon, the roles, the role rules and the settings into a ruleset; version NULL makes a draft';

-- VOLATILE: it writes persona.ruleset_version.
CREATE FUNCTION persona.publish(note pg_catalog.text DEFAULT NULL)
RETURNS pg_catalog.int4
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	next_version pg_catalog.int4;
	compiled persona.ruleset;
	snapshot pg_catalog.jsonb;
BEGIN
	-- Conflicts with itself: concurrent publishes and activations queue
	-- here, and each then sees the versions the others committed.
	LOCK TABLE persona.ruleset_version IN SHARE ROW EXCLUSIVE MODE;

	SELECT COALESCE(pg_catalog.max(v.version), 0) + 1 INTO next_version
	FROM persona.ruleset_version v;

	-- One statement, one snapshot: the ruleset and the profile snapshot
	-- describe the same rows.
	SELECT persona.compile(next_version),
		   (SELECT pg_catalog.jsonb_agg(pg_catalog.to_jsonb(p.*) ORDER BY p.key COLLATE "C")
			FROM persona.profile p WHERE p.active)
	INTO compiled, snapshot;

	UPDATE persona.ruleset_version v SET active = false WHERE v.active;
	INSERT INTO persona.ruleset_version (version, ruleset, active, note, profiles)
	VALUES (next_version, compiled, true, publish.note, snapshot);
	RETURN next_version;
END
$$;
COMMENT ON FUNCTION persona.publish(pg_catalog.text) IS
'compiles the profiles into the next ruleset version, makes it the active one and returns its number';

-- VOLATILE: it writes persona.ruleset_version.
CREATE FUNCTION persona.activate(version pg_catalog.int4)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF activate.version IS NULL THEN
		RAISE EXCEPTION 'ruleset version must not be NULL'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'SELECT version FROM persona.ruleset_version lists the published versions.';
	END IF;

	LOCK TABLE persona.ruleset_version IN SHARE ROW EXCLUSIVE MODE;

	PERFORM FROM persona.ruleset_version v WHERE v.version = activate.version;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'ruleset version % does not exist', activate.version
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'SELECT version FROM persona.ruleset_version lists the published versions.';
	END IF;

	-- Two statements: the unique index allows one active row at any time.
	UPDATE persona.ruleset_version v SET active = false
	WHERE v.active AND v.version <> activate.version;
	UPDATE persona.ruleset_version v SET active = true
	WHERE v.version = activate.version AND NOT v.active;
END
$$;
COMMENT ON FUNCTION persona.activate(pg_catalog.int4) IS
'makes an already published ruleset version the active one again (a roll-back or roll-forward)';

-- Anyone who may tag rows must read the active ruleset (persona.match(),
-- the tagging trigger); the profiles, roles and settings are what reports
-- show to reps.  Writing stays with the owner and whom it grants to.
GRANT SELECT ON persona.profile, persona.role, persona.role_rule, persona.setting,
	persona.ruleset_version TO PUBLIC;

--
-- Tagging CRM tables (SPEC section 5).
--
-- persona.attach() maps a table's own columns, adds the output columns and
-- installs persona.tag_trigger (C, src/tag_trigger.c).  The mapping lives
-- in persona.attached, which the reports read.
--

CREATE TABLE persona.attached (
	table_name pg_catalog.regclass PRIMARY KEY,
	title_column pg_catalog.name NOT NULL,
	department_column pg_catalog.name,
	industry_column pg_catalog.name,
	employees_column pg_catalog.name,
	country_column pg_catalog.name,
	account_column pg_catalog.name,
	owner_column pg_catalog.name,
	attrs_column pg_catalog.name,
	segment_columns pg_catalog.name[] NOT NULL DEFAULT '{}',
	key_column pg_catalog.name NOT NULL,
	persona_column pg_catalog.name NOT NULL,
	score_column pg_catalog.name NOT NULL,
	role_column pg_catalog.name NOT NULL,
	seniority_column pg_catalog.name NOT NULL,
	function_column pg_catalog.name NOT NULL,
	version_column pg_catalog.name NOT NULL,
	locked_column pg_catalog.name NOT NULL,
	tagged_at_column pg_catalog.name NOT NULL,
	attached_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(),
	attached_by pg_catalog.name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE persona.attached IS
'the CRM tables persona tags, with the columns persona.attach() mapped; the reports read every table listed here';
SELECT pg_catalog.pg_extension_config_dump('persona.attached', '');

CREATE TABLE persona.audit (
	id bigserial PRIMARY KEY,
	table_name pg_catalog.text NOT NULL,
	row_key pg_catalog.text,
	old_persona pg_catalog.text,
	new_persona pg_catalog.text,
	old_role pg_catalog.text,
	new_role pg_catalog.text,
	ruleset_version pg_catalog.int4,
	manual boolean NOT NULL,
	changed_by pg_catalog.name NOT NULL,
	changed_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp()
);
CREATE INDEX audit_row ON persona.audit (table_name, row_key);
COMMENT ON TABLE persona.audit IS
'every change of a tagged row''s persona or role after its first tag: automatic (trigger, retag) or manual (override)';
COMMENT ON COLUMN persona.audit.table_name IS 'the tagged table, schema-qualified (text, so the row outlives the table)';
COMMENT ON COLUMN persona.audit.row_key IS 'the row''s key column, as text';
COMMENT ON COLUMN persona.audit.ruleset_version IS 'the active ruleset version when the change was made';
COMMENT ON COLUMN persona.audit.manual IS 'true for a hand-made override, false for the trigger or persona.retag';
SELECT pg_catalog.pg_extension_config_dump('persona.audit', '');
SELECT pg_catalog.pg_extension_config_dump('persona.audit_id_seq', '');

-- SECURITY DEFINER: reps and managers who change tagged rows need no right
-- on persona.audit itself, so they cannot edit or delete its rows.  The
-- caller is recorded as changed_by (the default is evaluated by the caller).
CREATE FUNCTION persona.audit_record(table_name pg_catalog.text, row_key pg_catalog.text,
	old_persona pg_catalog.text, new_persona pg_catalog.text,
	old_role pg_catalog.text, new_role pg_catalog.text,
	ruleset_version pg_catalog.int4, manual boolean,
	changed_by pg_catalog.name DEFAULT CURRENT_USER)
RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
	INSERT INTO persona.audit (table_name, row_key, old_persona, new_persona,
		old_role, new_role, ruleset_version, manual, changed_by)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
$$;
COMMENT ON FUNCTION persona.audit_record(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, boolean, pg_catalog.name) IS
'writes one audit row; called by persona.tag_trigger';

CREATE FUNCTION persona.tag_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'persona_tag_trigger'
LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION persona.tag_trigger() IS
'row trigger installed by persona.attach(): tags inserted and updated rows with the active ruleset, keeps manual overrides, audits changes';

-- The type of a live column, or NULL.
CREATE FUNCTION persona.column_type(tbl pg_catalog.regclass, col pg_catalog.name)
RETURNS pg_catalog.regtype
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT a.atttypid::pg_catalog.regtype FROM pg_catalog.pg_attribute a
	WHERE a.attrelid OPERATOR(pg_catalog.=) $1 AND a.attname OPERATOR(pg_catalog.=) $2
	  AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped
$$;
COMMENT ON FUNCTION persona.column_type(pg_catalog.regclass, pg_catalog.name) IS
'the type of a column of a table, or NULL when there is no such column (STABLE: reads the catalog)';

-- Raise 42703 or 42804 unless col exists with one of the allowed types.
CREATE FUNCTION persona.check_column(tbl pg_catalog.regclass, col pg_catalog.name,
	role pg_catalog.text, allowed pg_catalog.regtype[])
RETURNS pg_catalog.regtype
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	found pg_catalog.regtype := persona.column_type(tbl, col);
BEGIN
	IF found IS NULL THEN
		RAISE EXCEPTION 'column "%" of table % does not exist', col, tbl
			USING ERRCODE = '42703',
			      HINT = pg_catalog.format('Name the %s column of %s as it is spelled in the table (case matters for quoted names).', role, tbl);
	END IF;
	IF allowed IS NOT NULL AND NOT found OPERATOR(pg_catalog.=) ANY (allowed) THEN
		RAISE EXCEPTION 'column "%" of table % is of type %, which cannot be the % column', col, tbl, found, role
			USING ERRCODE = '42804',
			      HINT = pg_catalog.format('The %s column must be of type %s.', role, pg_catalog.array_to_string(allowed, ' or '));
	END IF;
	RETURN found;
END
$$;
COMMENT ON FUNCTION persona.check_column(pg_catalog.regclass, pg_catalog.name, pg_catalog.text, pg_catalog.regtype[]) IS
'raises 42703 or 42804 unless the column exists with an allowed type (STABLE: reads the catalog)';

CREATE FUNCTION persona.attach(tbl pg_catalog.regclass,
	title pg_catalog.name,
	department pg_catalog.name DEFAULT NULL,
	industry pg_catalog.name DEFAULT NULL,
	employees pg_catalog.name DEFAULT NULL,
	country pg_catalog.name DEFAULT NULL,
	account pg_catalog.name DEFAULT NULL,
	owner pg_catalog.name DEFAULT NULL,
	attrs pg_catalog.name DEFAULT NULL,
	segments pg_catalog.name[] DEFAULT NULL,
	key pg_catalog.name DEFAULT NULL,
	output_columns pg_catalog.jsonb DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	text_types pg_catalog.regtype[] := '{text,varchar,bpchar}';
	outputs pg_catalog.jsonb := '{"persona": "persona", "score": "persona_score",
		"role": "persona_role", "seniority": "persona_seniority",
		"job_function": "persona_function", "ruleset_version": "persona_ruleset_version",
		"locked": "persona_locked", "tagged_at": "persona_tagged_at"}';
	output_types pg_catalog.jsonb := '{"persona": "text", "score": "real", "role": "text",
		"seniority": "persona.seniority", "job_function": "persona.job_function",
		"ruleset_version": "integer", "locked": "boolean",
		"tagged_at": "timestamp with time zone"}';
	out_key pg_catalog.text;
	out_col pg_catalog.name;
	out_type pg_catalog.regtype;
	seg pg_catalog.name;
	kind "char";
	watched pg_catalog.text;
BEGIN
	IF tbl IS NULL OR title IS NULL THEN
		RAISE EXCEPTION 'the table and its title column are required' USING ERRCODE = '22023',
			HINT = 'Call persona.attach(''my_table'', title => ''title_column'', ...).';
	END IF;
	IF EXISTS (SELECT FROM pg_catalog.pg_class c
			   WHERE c.oid OPERATOR(pg_catalog.=) tbl
			     AND c.relnamespace OPERATOR(pg_catalog.=) 'persona'::pg_catalog.regnamespace) THEN
		RAISE EXCEPTION '% belongs to persona and cannot be attached', tbl USING ERRCODE = '42809',
			HINT = 'Attach your CRM tables.';
	END IF;
	IF EXISTS (SELECT FROM persona.attached a WHERE a.table_name OPERATOR(pg_catalog.=) tbl) THEN
		RAISE EXCEPTION 'table % is already attached', tbl USING ERRCODE = '42710',
			HINT = 'Run persona.detach() first to change the mapping.';
	END IF;
	SELECT c.relkind INTO kind FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) tbl;
	IF kind NOT IN ('r', 'p') THEN
		RAISE EXCEPTION '% is not a table', tbl USING ERRCODE = '42809',
			HINT = 'Attach the table a view reads from.';
	END IF;

	PERFORM persona.check_column(tbl, title, 'title', text_types);
	IF department IS NOT NULL THEN PERFORM persona.check_column(tbl, department, 'department', text_types); END IF;
	IF industry IS NOT NULL THEN PERFORM persona.check_column(tbl, industry, 'industry', text_types); END IF;
	IF employees IS NOT NULL THEN PERFORM persona.check_column(tbl, employees, 'employees', '{int2,int4,int8}'); END IF;
	IF country IS NOT NULL THEN PERFORM persona.check_column(tbl, country, 'country', text_types); END IF;
	IF attrs IS NOT NULL THEN PERFORM persona.check_column(tbl, attrs, 'attrs', '{jsonb}'); END IF;
	IF account IS NOT NULL THEN PERFORM persona.check_column(tbl, account, 'account', NULL); END IF;
	IF owner IS NOT NULL THEN PERFORM persona.check_column(tbl, owner, 'owner', NULL); END IF;
	FOREACH seg IN ARRAY COALESCE(segments, '{}') LOOP
		PERFORM persona.check_column(tbl, seg, 'segment', NULL);
	END LOOP;

	-- The row key: named, or the table's one-column primary key.
	IF key IS NULL THEN
		SELECT a.attname INTO key
		FROM pg_catalog.pg_index i
		JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) i.indrelid
			AND a.attnum OPERATOR(pg_catalog.=) i.indkey[0]
		WHERE i.indrelid OPERATOR(pg_catalog.=) tbl AND i.indisprimary
		  AND i.indnatts OPERATOR(pg_catalog.=) 1;
		IF key IS NULL THEN
			RAISE EXCEPTION 'table % has no one-column primary key', tbl USING ERRCODE = '42P10',
				HINT = 'Name a unique column with key => ''column'' (audit rows and overrides find rows by it).';
		END IF;
	END IF;
	PERFORM persona.check_column(tbl, key, 'key', NULL);

	-- Output columns: the caller's names over the defaults; add what is missing.
	IF output_columns IS NOT NULL THEN
		IF pg_catalog.jsonb_typeof(output_columns) OPERATOR(pg_catalog.<>) 'object' THEN
			RAISE EXCEPTION 'output_columns must be a JSON object' USING ERRCODE = '22023',
				HINT = 'For example ''{"persona": "persona__c", "role": "buying_role__c"}''.';
		END IF;
		FOR out_key IN SELECT pg_catalog.jsonb_object_keys(output_columns) LOOP
			IF pg_catalog.jsonb_typeof(output_columns OPERATOR(pg_catalog.->) out_key) OPERATOR(pg_catalog.<>) 'string' THEN
				RAISE EXCEPTION 'output column "%" must be named by a string', out_key USING ERRCODE = '22023',
					HINT = 'For example ''{"persona": "persona__c"}''.';
			END IF;
			IF NOT outputs ? out_key THEN
				RAISE EXCEPTION 'unknown output column "%"', out_key USING ERRCODE = '22023',
					HINT = 'The output columns are persona, score, role, seniority, job_function, ruleset_version, locked and tagged_at.';
			END IF;
		END LOOP;
		outputs := outputs OPERATOR(pg_catalog.||) output_columns;
	END IF;
	-- Each output needs a column of its own, apart from the inputs.
	IF (SELECT pg_catalog.count(DISTINCT e.value) FROM pg_catalog.jsonb_each_text(outputs) e)
	   OPERATOR(pg_catalog.<>) 8
	   OR EXISTS (SELECT FROM pg_catalog.jsonb_each_text(outputs) e
				  WHERE e.value OPERATOR(pg_catalog.=) ANY (ARRAY[title, department, industry, employees,
					  country, account, owner, attrs]::pg_catalog.text[])) THEN
		RAISE EXCEPTION 'the output columns must be eight distinct columns that are not mapped as inputs'
			USING ERRCODE = '42701',
			HINT = 'Name different columns in output_columns.';
	END IF;
	FOR out_key IN SELECT k FROM pg_catalog.unnest(ARRAY['persona', 'score', 'role', 'seniority',
			'job_function', 'ruleset_version', 'locked', 'tagged_at']) k LOOP
		out_col := outputs OPERATOR(pg_catalog.->>) out_key;
		out_type := (output_types OPERATOR(pg_catalog.->>) out_key)::pg_catalog.regtype;
		IF persona.column_type(tbl, out_col) IS NULL THEN
			EXECUTE pg_catalog.format('ALTER TABLE %s ADD COLUMN %I %s%s', tbl, out_col, out_type,
				CASE WHEN out_key OPERATOR(pg_catalog.=) 'locked' THEN ' NOT NULL DEFAULT false' ELSE '' END);
		ELSE
			PERFORM persona.check_column(tbl, out_col, out_key, ARRAY[out_type]);
		END IF;
	END LOOP;

	INSERT INTO persona.attached (table_name, title_column, department_column,
		industry_column, employees_column, country_column, account_column,
		owner_column, attrs_column, segment_columns, key_column, persona_column,
		score_column, role_column, seniority_column, function_column,
		version_column, locked_column, tagged_at_column)
	VALUES (tbl, title, department, industry, employees, country, account, owner,
		attrs, COALESCE(segments, '{}'), key,
		outputs OPERATOR(pg_catalog.->>) 'persona', outputs OPERATOR(pg_catalog.->>) 'score',
		outputs OPERATOR(pg_catalog.->>) 'role', outputs OPERATOR(pg_catalog.->>) 'seniority',
		outputs OPERATOR(pg_catalog.->>) 'job_function', outputs OPERATOR(pg_catalog.->>) 'ruleset_version',
		outputs OPERATOR(pg_catalog.->>) 'locked', outputs OPERATOR(pg_catalog.->>) 'tagged_at');

	-- Fire on the mapped inputs, and on the columns a hand override or an
	-- unlock changes.  The argument order is TagArg in src/tag_trigger.c.
	SELECT pg_catalog.string_agg(pg_catalog.quote_ident(c), ', ') INTO watched
	FROM pg_catalog.unnest(ARRAY[title, department, industry, employees, country, attrs,
		(outputs OPERATOR(pg_catalog.->>) 'persona')::pg_catalog.name,
		(outputs OPERATOR(pg_catalog.->>) 'role')::pg_catalog.name,
		(outputs OPERATOR(pg_catalog.->>) 'locked')::pg_catalog.name]) c
	WHERE c IS NOT NULL;
	EXECUTE pg_catalog.format(
		'CREATE TRIGGER persona_tag BEFORE INSERT OR UPDATE OF %s ON %s FOR EACH ROW '
		'EXECUTE FUNCTION persona.tag_trigger(%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L)',
		watched, tbl, title, COALESCE(department, ''), COALESCE(industry, ''),
		COALESCE(employees, ''), COALESCE(country, ''),
		COALESCE(attrs, ''), key,
		outputs OPERATOR(pg_catalog.->>) 'persona', outputs OPERATOR(pg_catalog.->>) 'score',
		outputs OPERATOR(pg_catalog.->>) 'role', outputs OPERATOR(pg_catalog.->>) 'seniority',
		outputs OPERATOR(pg_catalog.->>) 'job_function', outputs OPERATOR(pg_catalog.->>) 'ruleset_version',
		outputs OPERATOR(pg_catalog.->>) 'locked', outputs OPERATOR(pg_catalog.->>) 'tagged_at');
END
$$;
COMMENT ON FUNCTION persona.attach(pg_catalog.regclass, pg_catalog.name, pg_catalog.name, pg_catalog.name, pg_catalog.name, pg_catalog.name, pg_catalog.name, pg_catalog.name, pg_catalog.name, pg_catalog.name[], pg_catalog.name, pg_catalog.jsonb) IS
'maps a CRM table''s columns, adds the output columns and installs the tagging trigger; rows are tagged on INSERT and on UPDATE of a mapped column';

CREATE FUNCTION persona.detach(tbl pg_catalog.regclass)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	DELETE FROM persona.attached a WHERE a.table_name OPERATOR(pg_catalog.=) tbl;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'table % is not attached', tbl USING ERRCODE = '42704',
			HINT = 'SELECT table_name FROM persona.attached lists the attached tables.';
	END IF;
	EXECUTE pg_catalog.format('DROP TRIGGER IF EXISTS persona_tag ON %s', tbl);
END
$$;
COMMENT ON FUNCTION persona.detach(pg_catalog.regclass) IS
'removes the tagging trigger and the mapping; the tags already in the table stay';

-- The attachment of tbl, or 42704.
CREATE FUNCTION persona.attachment(tbl pg_catalog.regclass)
RETURNS persona.attached
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	reg persona.attached;
BEGIN
	SELECT * INTO reg FROM persona.attached a WHERE a.table_name OPERATOR(pg_catalog.=) tbl;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'table % is not attached', tbl USING ERRCODE = '42704',
			HINT = 'Run persona.attach() first.';
	END IF;
	RETURN reg;
END
$$;
COMMENT ON FUNCTION persona.attachment(pg_catalog.regclass) IS
'the mapping of an attached table; 42704 when it is not attached (STABLE: reads persona.attached)';

-- SQL for persona.match(<ruleset>, <the row's mapped columns>), for the
-- functions below that run it over a whole table.
CREATE FUNCTION persona.match_call(reg persona.attached, ruleset_sql pg_catalog.text,
	row_alias pg_catalog.text DEFAULT 't')
RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT pg_catalog.format(
		'persona.match(%s, %s.%I, department => %s, industry => %s, employees => %s, country => %s, attrs => %s)',
		ruleset_sql, row_alias, reg.title_column,
		CASE WHEN reg.department_column IS NULL THEN 'NULL' ELSE pg_catalog.format('%s.%I::pg_catalog.text', row_alias, reg.department_column) END,
		CASE WHEN reg.industry_column IS NULL THEN 'NULL' ELSE pg_catalog.format('%s.%I::pg_catalog.text', row_alias, reg.industry_column) END,
		CASE WHEN reg.employees_column IS NULL THEN 'NULL'
		     ELSE pg_catalog.format('LEAST(GREATEST(%s.%I::pg_catalog.int8, -2147483648), 2147483647)::pg_catalog.int4', row_alias, reg.employees_column) END,
		CASE WHEN reg.country_column IS NULL THEN 'NULL' ELSE pg_catalog.format('%s.%I::pg_catalog.text', row_alias, reg.country_column) END,
		CASE WHEN reg.attrs_column IS NULL THEN 'NULL' ELSE pg_catalog.format('%s.%I', row_alias, reg.attrs_column) END)
$$;
COMMENT ON FUNCTION persona.match_call(persona.attached, pg_catalog.text, pg_catalog.text) IS
'the SQL of a persona.match() call over the mapped columns of an attached table';

CREATE FUNCTION persona.preview(tbl pg_catalog.regclass)
RETURNS TABLE (current_persona pg_catalog.text, new_persona pg_catalog.text, rows pg_catalog.int8)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	reg persona.attached := persona.attachment(tbl);
BEGIN
	RETURN QUERY EXECUTE pg_catalog.format(
		'SELECT c, n, pg_catalog.count(*) FROM (SELECT t.%I AS c, '
		'CASE WHEN t.%I THEN t.%I ELSE (%s).persona END AS n FROM %s t) s '
		'GROUP BY c, n ORDER BY pg_catalog.count(*) DESC, c NULLS FIRST, n NULLS FIRST',
		reg.persona_column, reg.locked_column, reg.persona_column,
		persona.match_call(reg, '$1'), tbl)
	USING persona.compile();
END
$$;
COMMENT ON FUNCTION persona.preview(pg_catalog.regclass) IS
'before persona.publish(): how the draft profiles would change the persona of an attached table, as rows per (current, new) pair; writes nothing (STABLE: reads the profiles and the table)';

CREATE FUNCTION persona.override(tbl pg_catalog.regclass, row_key pg_catalog.text,
	persona pg_catalog.text DEFAULT NULL, role pg_catalog.text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	reg persona.attached := persona.attachment(tbl);
	n pg_catalog.int8;
BEGIN
	IF persona IS NULL AND role IS NULL THEN
		RAISE EXCEPTION 'an override sets a persona, a role or both' USING ERRCODE = '22023',
			HINT = 'persona.override(''leads'', ''42'', persona => ''revops_leader'').';
	END IF;
	IF persona IS NOT NULL AND NOT EXISTS (SELECT FROM persona.profile p WHERE p.key OPERATOR(pg_catalog.=) persona) THEN
		RAISE EXCEPTION 'unknown persona "%"', persona USING ERRCODE = '22023',
			HINT = 'SELECT key FROM persona.profile lists the personas.';
	END IF;
	IF role IS NOT NULL AND NOT EXISTS (SELECT FROM persona.role r WHERE r.code OPERATOR(pg_catalog.=) role) THEN
		RAISE EXCEPTION 'unknown role "%"', role USING ERRCODE = '22023',
			HINT = 'SELECT code FROM persona.role lists the roles.';
	END IF;
	-- The trigger sees the hand-made change, locks the row and audits it.
	EXECUTE pg_catalog.format('UPDATE %s SET %I = COALESCE($1, %I), %I = COALESCE($2, %I) '
		'WHERE %I::pg_catalog.text OPERATOR(pg_catalog.=) $3',
		tbl, reg.persona_column, reg.persona_column, reg.role_column, reg.role_column, reg.key_column)
	USING persona, role, row_key;
	GET DIAGNOSTICS n = ROW_COUNT;
	IF n OPERATOR(pg_catalog.=) 0 THEN
		RAISE EXCEPTION 'no row of % has % = %', tbl, reg.key_column, row_key USING ERRCODE = '22023',
			HINT = 'Pass the row''s key column value as text.';
	END IF;
END
$$;
COMMENT ON FUNCTION persona.override(pg_catalog.regclass, pg_catalog.text, pg_catalog.text, pg_catalog.text) IS
'sets a row''s persona and/or role by hand and locks it: triggers and retags leave it alone; the change is audited as manual';

CREATE FUNCTION persona.release(tbl pg_catalog.regclass, row_key pg_catalog.text)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	reg persona.attached := persona.attachment(tbl);
	n pg_catalog.int8;
BEGIN
	-- Unlocking fires the trigger, which tags the row by the rules again.
	EXECUTE pg_catalog.format('UPDATE %s SET %I = false WHERE %I::pg_catalog.text OPERATOR(pg_catalog.=) $1',
		tbl, reg.locked_column, reg.key_column)
	USING row_key;
	GET DIAGNOSTICS n = ROW_COUNT;
	IF n OPERATOR(pg_catalog.=) 0 THEN
		RAISE EXCEPTION 'no row of % has % = %', tbl, reg.key_column, row_key USING ERRCODE = '22023',
			HINT = 'Pass the row''s key column value as text.';
	END IF;
END
$$;
COMMENT ON FUNCTION persona.release(pg_catalog.regclass, pg_catalog.text) IS
'removes a manual override: the row is tagged by the rules again';

--
-- Re-tagging in batches.
--
CREATE TABLE persona.retag_progress (
	table_name pg_catalog.regclass NOT NULL,
	all_rows boolean NOT NULL,
	target_version pg_catalog.int4 NOT NULL,
	started_at pg_catalog.timestamptz NOT NULL,
	updated_at pg_catalog.timestamptz NOT NULL,
	finished_at pg_catalog.timestamptz,
	last_key pg_catalog.text,
	rows_done pg_catalog.int8 NOT NULL DEFAULT 0,
	rows_total pg_catalog.int8 NOT NULL,
	started_by pg_catalog.name NOT NULL DEFAULT CURRENT_USER
);
CREATE UNIQUE INDEX retag_progress_running ON persona.retag_progress (table_name)
	WHERE finished_at IS NULL;
COMMENT ON TABLE persona.retag_progress IS
'one row per persona.retag run; the unfinished one is resumed by the next call (operational state, not dumped)';

CREATE VIEW persona.retag_status WITH (security_invoker = true) AS
SELECT p.table_name, p.all_rows, p.target_version, p.started_by, p.started_at, p.updated_at,
	p.finished_at, p.rows_done, p.rows_total,
	pg_catalog.round(100.0 * p.rows_done / GREATEST(p.rows_total, 1), 1) AS percent_done,
	pg_catalog.round(p.rows_done / GREATEST(EXTRACT(epoch FROM p.updated_at OPERATOR(pg_catalog.-) p.started_at), 0.001)) AS rows_per_second,
	CASE WHEN p.finished_at IS NOT NULL THEN 'finished'
	     WHEN p.updated_at OPERATOR(pg_catalog.<) (pg_catalog.now() OPERATOR(pg_catalog.-) interval '5 minutes') THEN 'stopped'
	     ELSE 'running' END AS state
FROM persona.retag_progress p;
COMMENT ON VIEW persona.retag_status IS
'progress of persona.retag runs, readable from another session while one runs (each batch commits)';

CREATE PROCEDURE persona.retag(tbl pg_catalog.regclass, all_rows boolean DEFAULT false,
	batch_size pg_catalog.int4 DEFAULT 10000)
LANGUAGE plpgsql
-- No SET clause: a procedure with one cannot COMMIT.  Every name in here
-- is schema-qualified instead.
AS $$
DECLARE
	reg persona.attached := persona.attachment(tbl);
	target pg_catalog.int4 := persona.ruleset_version(persona.ruleset());
	key_type pg_catalog.text;
	progress persona.retag_progress;
	stale pg_catalog.text;
	upper_key pg_catalog.text;
	n pg_catalog.int8;
	mine pg_catalog.int8 := 0;
	elapsed pg_catalog.float8;
	rate pg_catalog.float8;
BEGIN
	IF target IS NULL THEN
		RAISE EXCEPTION 'no persona ruleset has been published' USING ERRCODE = '55000',
			HINT = 'Run SELECT persona.publish() first.';
	END IF;
	IF retag.all_rows IS NULL THEN
		RAISE EXCEPTION 'all_rows must be true or false' USING ERRCODE = '22023';
	END IF;
	IF batch_size IS NULL OR batch_size OPERATOR(pg_catalog.<) 1 THEN
		RAISE EXCEPTION 'batch_size must be at least 1, not %', batch_size USING ERRCODE = '22023';
	END IF;
	key_type := pg_catalog.format_type(persona.column_type(tbl, reg.key_column), NULL);

	-- An unfinished run for another ruleset or mode is over: start afresh.
	UPDATE persona.retag_progress p SET finished_at = pg_catalog.clock_timestamp()
	WHERE p.table_name OPERATOR(pg_catalog.=) tbl AND p.finished_at IS NULL
	  AND (p.target_version OPERATOR(pg_catalog.<>) target
	       OR p.all_rows OPERATOR(pg_catalog.<>) retag.all_rows);

	-- Join the unfinished run of the same kind, or start one.  A second
	-- retag of the same table at the same time joins the first: they take
	-- turns at batches (the progress row is their lock) and share the work.
	INSERT INTO persona.retag_progress (table_name, all_rows, target_version, started_at,
		updated_at, rows_total)
	VALUES (tbl, retag.all_rows, target, pg_catalog.clock_timestamp(), pg_catalog.clock_timestamp(), -1)
	ON CONFLICT (table_name) WHERE finished_at IS NULL DO NOTHING;
	SELECT * INTO progress FROM persona.retag_progress p
	WHERE p.table_name OPERATOR(pg_catalog.=) tbl AND p.finished_at IS NULL FOR UPDATE;

	-- A row needs work when an older ruleset tagged it (or, for all_rows,
	-- when it was tagged before the run began), and nobody locked it.
	stale := pg_catalog.format('NOT t.%I AND (t.%I IS NULL OR t.%I OPERATOR(pg_catalog.<>) %s%s)',
		reg.locked_column, reg.version_column, reg.version_column, target,
		CASE WHEN retag.all_rows THEN pg_catalog.format(' OR t.%I OPERATOR(pg_catalog.<) $3', reg.tagged_at_column) ELSE '' END);

	IF progress.rows_total OPERATOR(pg_catalog.<) 0 THEN
		EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM %s t WHERE %s', tbl,
			pg_catalog.replace(stale, '$3', '$1'))
		INTO n USING progress.started_at;
		UPDATE persona.retag_progress p SET rows_total = n
		WHERE p.table_name OPERATOR(pg_catalog.=) tbl AND p.finished_at IS NULL;
		RAISE NOTICE 'retag %: % rows to tag with ruleset version %', tbl, n, target;
	ELSE
		RAISE NOTICE 'retag %: resuming after % of % rows', tbl, progress.rows_done, progress.rows_total;
	END IF;
	COMMIT;

	LOOP
		-- Take the progress row (waiting while another retag runs a batch)
		-- and read where the last batch, ours or theirs, stopped.
		SELECT * INTO progress FROM persona.retag_progress p
		WHERE p.table_name OPERATOR(pg_catalog.=) tbl AND p.finished_at IS NULL FOR UPDATE;
		EXIT WHEN NOT FOUND;

		-- The next batch is a range of the key, found through its index.
		EXECUTE pg_catalog.format('SELECT pg_catalog.max(k)::pg_catalog.text FROM (SELECT t.%I AS k FROM %s t '
			'WHERE $1 IS NULL OR t.%I OPERATOR(pg_catalog.>) $1::%s ORDER BY t.%I LIMIT $2) s',
			reg.key_column, tbl, reg.key_column, key_type, reg.key_column)
		INTO upper_key USING progress.last_key, batch_size;
		IF upper_key IS NULL THEN
			UPDATE persona.retag_progress p SET finished_at = pg_catalog.clock_timestamp()
			WHERE p.table_name OPERATOR(pg_catalog.=) tbl AND p.finished_at IS NULL;
			COMMIT;
			EXIT;
		END IF;

		-- Setting the title to itself fires the trigger, which tags and audits.
		EXECUTE pg_catalog.format('UPDATE %s t SET %I = t.%I WHERE ($1 IS NULL OR t.%I OPERATOR(pg_catalog.>) $1::%s) '
			'AND t.%I OPERATOR(pg_catalog.<=) $2::%s AND (%s)',
			tbl, reg.title_column, reg.title_column, reg.key_column, key_type,
			reg.key_column, key_type, stale)
		USING progress.last_key, upper_key, progress.started_at;
		GET DIAGNOSTICS n = ROW_COUNT;
		mine := mine OPERATOR(pg_catalog.+) n;

		UPDATE persona.retag_progress p
		SET last_key = upper_key, rows_done = p.rows_done OPERATOR(pg_catalog.+) n,
		    updated_at = pg_catalog.clock_timestamp()
		WHERE p.table_name OPERATOR(pg_catalog.=) tbl AND p.finished_at IS NULL
		RETURNING * INTO progress;
		COMMIT;

		elapsed := EXTRACT(epoch FROM progress.updated_at OPERATOR(pg_catalog.-) progress.started_at);
		rate := progress.rows_done OPERATOR(pg_catalog./) GREATEST(elapsed, 0.001);
		RAISE NOTICE 'retag %: % of % rows (% %%), % rows/s, about % s left', tbl,
			progress.rows_done, progress.rows_total,
			pg_catalog.round(100.0 OPERATOR(pg_catalog.*) progress.rows_done OPERATOR(pg_catalog./) GREATEST(progress.rows_total, 1), 1),
			pg_catalog.round(rate::pg_catalog.numeric),
			pg_catalog.round((GREATEST(progress.rows_total OPERATOR(pg_catalog.-) progress.rows_done, 0) OPERATOR(pg_catalog./) GREATEST(rate, 0.001))::pg_catalog.numeric, 1);
	END LOOP;
	RAISE NOTICE 'retag %: done; this call tagged % rows with ruleset version %', tbl, mine, target;
END
$$;
COMMENT ON PROCEDURE persona.retag(pg_catalog.regclass, boolean, pg_catalog.int4) IS
're-tags the rows an older ruleset tagged (or all rows) in batches with a COMMIT between them; prints progress, shows it in persona.retag_status, and resumes where a cancelled run stopped';

--
-- persona.tagged_rows: every attached table's rows in one shape, the base
-- of the reports.  A view cannot name a changing list of tables, and no
-- member of the extension may depend on a user's table (DROP TABLE ...
-- CASCADE would follow the dependency to the extension and drop it), so
-- the view reads a set-returning function that builds the query from
-- persona.attached when it runs.  The function is SECURITY INVOKER and the
-- view security_invoker: row-level security on the CRM tables applies to
-- whoever reads it.
--

-- The query over every attached table that still exists.  STABLE: it
-- reads persona.attached and the catalog.  Every name comes from
-- persona.attached, where attach() checked it, and is quoted with %I.
CREATE FUNCTION persona.tagged_rows_query()
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	reg persona.attached;
	parts pg_catalog.text[] := '{}';
	segs pg_catalog.text;
BEGIN
	FOR reg IN SELECT a.* FROM persona.attached a
			   WHERE EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) a.table_name)
			   ORDER BY a.table_name::pg_catalog.text LOOP
		SELECT COALESCE('pg_catalog.jsonb_build_object(' OPERATOR(pg_catalog.||)
			pg_catalog.string_agg(pg_catalog.format('%L, t.%I', s, s), ', ') OPERATOR(pg_catalog.||) ')',
			'''{}''::pg_catalog.jsonb')
		INTO segs FROM pg_catalog.unnest(reg.segment_columns) s;
		parts := parts OPERATOR(pg_catalog.||) pg_catalog.format(
			'SELECT %L::pg_catalog.regclass, t.%I::pg_catalog.text, t.%I::pg_catalog.text, %s, %s, %s, %s, %s, %s, %s, %s, '
			't.%I, t.%I, t.%I, t.%I, t.%I, t.%I, t.%I, t.%I FROM %s t',
			reg.table_name, reg.key_column, reg.title_column,
			CASE WHEN reg.department_column IS NULL THEN 'NULL::pg_catalog.text' ELSE pg_catalog.format('t.%I::pg_catalog.text', reg.department_column) END,
			CASE WHEN reg.industry_column IS NULL THEN 'NULL::pg_catalog.text' ELSE pg_catalog.format('t.%I::pg_catalog.text', reg.industry_column) END,
			CASE WHEN reg.employees_column IS NULL THEN 'NULL::pg_catalog.int8' ELSE pg_catalog.format('t.%I::pg_catalog.int8', reg.employees_column) END,
			CASE WHEN reg.country_column IS NULL THEN 'NULL::pg_catalog.text' ELSE pg_catalog.format('t.%I::pg_catalog.text', reg.country_column) END,
			CASE WHEN reg.account_column IS NULL THEN 'NULL::pg_catalog.text' ELSE pg_catalog.format('t.%I::pg_catalog.text', reg.account_column) END,
			CASE WHEN reg.owner_column IS NULL THEN 'NULL::pg_catalog.text' ELSE pg_catalog.format('t.%I::pg_catalog.text', reg.owner_column) END,
			CASE WHEN reg.attrs_column IS NULL THEN 'NULL::pg_catalog.jsonb' ELSE pg_catalog.format('t.%I', reg.attrs_column) END,
			segs,
			reg.persona_column, reg.score_column, reg.role_column, reg.seniority_column,
			reg.function_column, reg.version_column, reg.locked_column, reg.tagged_at_column,
			reg.table_name);
	END LOOP;
	IF pg_catalog.cardinality(parts) OPERATOR(pg_catalog.=) 0 THEN
		RETURN NULL;
	END IF;
	RETURN pg_catalog.array_to_string(parts, ' UNION ALL ');
END
$$;
COMMENT ON FUNCTION persona.tagged_rows_query() IS
'the SQL that reads every attached table in the shape of persona.tagged_rows (STABLE: reads persona.attached)';

-- STABLE: it reads the attached tables.  PARALLEL RESTRICTED: it runs
-- dynamic SQL.  SECURITY INVOKER, so the caller's rights and policies apply.
CREATE FUNCTION persona.scan_tagged_rows()
RETURNS TABLE (table_name pg_catalog.regclass, row_key pg_catalog.text,
	title pg_catalog.text, department pg_catalog.text, industry pg_catalog.text,
	employees pg_catalog.int8, country pg_catalog.text, account pg_catalog.text,
	owner pg_catalog.text, attrs pg_catalog.jsonb, segments pg_catalog.jsonb,
	persona pg_catalog.text, score pg_catalog.float4, role pg_catalog.text,
	seniority persona.seniority, job_function persona.job_function,
	ruleset_version pg_catalog.int4, locked boolean, tagged_at pg_catalog.timestamptz)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	query pg_catalog.text := persona.tagged_rows_query();
BEGIN
	IF query IS NOT NULL THEN
		RETURN QUERY EXECUTE query;
	END IF;
END
$$;
COMMENT ON FUNCTION persona.scan_tagged_rows() IS
'the rows of every attached table in one shape; read it through the view persona.tagged_rows';

CREATE VIEW persona.tagged_rows WITH (security_invoker = true) AS
SELECT * FROM persona.scan_tagged_rows();
COMMENT ON VIEW persona.tagged_rows IS
'the rows of every attached table in one shape (mapped columns, segments as jsonb, tags): the base of the reports';

-- A dropped table is forgotten by persona: its attachment, routing and
-- opportunity mapping go with it (the event trigger is created at the end
-- of this script, once those tables exist).  SECURITY DEFINER: whoever
-- drops a table may not write persona's tables.
CREATE FUNCTION persona.forget_dropped_tables()
RETURNS event_trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	dropped pg_catalog.oid[];
BEGIN
	SELECT pg_catalog.array_agg(d.objid) INTO dropped
	FROM pg_catalog.pg_event_trigger_dropped_objects() d
	WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
	  AND d.objsubid OPERATOR(pg_catalog.=) 0;
	IF dropped IS NULL THEN
		RETURN;
	END IF;
	DELETE FROM persona.routing_target r
	WHERE r.table_name::pg_catalog.oid OPERATOR(pg_catalog.=) ANY (dropped);
	DELETE FROM persona.opportunity_source o
	WHERE o.table_name::pg_catalog.oid OPERATOR(pg_catalog.=) ANY (dropped);
	DELETE FROM persona.attached a
	WHERE a.table_name::pg_catalog.oid OPERATOR(pg_catalog.=) ANY (dropped);
END
$$;
COMMENT ON FUNCTION persona.forget_dropped_tables() IS
'event trigger function: forgets the attachment, routing and opportunity mapping of dropped tables';

--
-- Reports (SPEC section 6, docs/reports.md).
--
-- Five views over persona.tagged_rows, so they cover every attached table
-- and, being security_invoker, apply the row-level security of the CRM
-- tables to whoever reads them: persona.segments, persona.inspection,
-- persona.account_coverage, persona.owner_mix and persona.call_prep.  Then
-- what makes them operational: report settings, an optional opportunity
-- table for pipeline at risk, routing rules (and a trigger that writes the
-- route into a column), content recommendations, materialized snapshots
-- with a refresh function, and an HTML report.
--

--
-- Report settings.  Like persona.setting: a missing row means the default,
-- so every row is the user's.
--
CREATE TABLE persona.report_setting (
	name pg_catalog.text PRIMARY KEY
		CONSTRAINT report_setting_name_known
		CHECK (name OPERATOR(pg_catalog.=) ANY (ARRAY['low_score', 'runner_up_margin', 'lifecycle_segment'])),
	value pg_catalog.jsonb NOT NULL,
	CONSTRAINT report_setting_value_valid CHECK (CASE
		WHEN name OPERATOR(pg_catalog.=) 'lifecycle_segment' THEN pg_catalog.jsonb_typeof(value) OPERATOR(pg_catalog.=) 'string'
		ELSE pg_catalog.jsonb_typeof(value) OPERATOR(pg_catalog.=) 'number'
			AND value::pg_catalog.text::pg_catalog.numeric OPERATOR(pg_catalog.>=) 0
			AND value::pg_catalog.text::pg_catalog.numeric OPERATOR(pg_catalog.<=) 1 END)
);
COMMENT ON TABLE persona.report_setting IS
'settings of the reports; a missing row means the default.  low_score (number 0..1, default 0.6): persona.inspection flags tags scoring below it.  runner_up_margin (number 0..1, default 0.05): persona.inspection flags leads whose runner-up persona scores within this margin of the best.  lifecycle_segment (string, default "lifecycle_stage"): the segment column (persona.attach(segments => ...)) whose value picks content in persona.call_prep';
COMMENT ON COLUMN persona.report_setting.name IS 'the setting: low_score, runner_up_margin or lifecycle_segment';
COMMENT ON COLUMN persona.report_setting.value IS 'the setting''s value as JSON: a number from 0 to 1, or for lifecycle_segment a string';
SELECT pg_catalog.pg_extension_config_dump('persona.report_setting', '');

-- STABLE: it reads persona.report_setting.
CREATE FUNCTION persona.report_setting(setting pg_catalog.text)
RETURNS pg_catalog.jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT COALESCE(
		(SELECT s.value FROM persona.report_setting s WHERE s.name OPERATOR(pg_catalog.=) setting),
		CASE WHEN setting OPERATOR(pg_catalog.=) 'low_score' THEN '0.6'::pg_catalog.jsonb
		     WHEN setting OPERATOR(pg_catalog.=) 'runner_up_margin' THEN '0.05'::pg_catalog.jsonb
		     WHEN setting OPERATOR(pg_catalog.=) 'lifecycle_segment' THEN '"lifecycle_stage"'::pg_catalog.jsonb END);
END;
COMMENT ON FUNCTION persona.report_setting(pg_catalog.text) IS
'the value of a report setting, or its default when persona.report_setting has no row for it (STABLE: reads the table)';

-- Readers of the reports read what they are built on.  Every view is
-- security_invoker: granting it grants no row of a CRM table.
GRANT SELECT ON persona.report_setting, persona.tagged_rows TO PUBLIC;

--
-- Open pipeline per account, from opportunity tables mapped with
-- persona.map_opportunities().  Like persona.tagged_rows, the view reads a
-- function that builds its query when it runs, and is security_invoker.
--
CREATE TABLE persona.opportunity_source (
	table_name pg_catalog.regclass PRIMARY KEY,
	account_column pg_catalog.name NOT NULL,
	amount_column pg_catalog.name NOT NULL,
	stage_column pg_catalog.name,
	closed_stages pg_catalog.text[] NOT NULL DEFAULT '{}',
	open_column pg_catalog.name,
	mapped_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(),
	mapped_by pg_catalog.name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE persona.opportunity_source IS
'opportunity tables whose open amounts persona.account_coverage reports per account; written by persona.map_opportunities()';
COMMENT ON COLUMN persona.opportunity_source.table_name IS 'the opportunity table';
COMMENT ON COLUMN persona.opportunity_source.account_column IS 'its column holding the account, compared as text with the account column of the attached tables';
COMMENT ON COLUMN persona.opportunity_source.amount_column IS 'its numeric column holding the amount';
COMMENT ON COLUMN persona.opportunity_source.stage_column IS 'its column holding the stage, or NULL';
COMMENT ON COLUMN persona.opportunity_source.closed_stages IS 'the stages (lower case) of closed opportunities: the others are open';
COMMENT ON COLUMN persona.opportunity_source.open_column IS 'its boolean column that is true for open opportunities, or NULL';
COMMENT ON COLUMN persona.opportunity_source.mapped_at IS 'when the table was mapped';
COMMENT ON COLUMN persona.opportunity_source.mapped_by IS 'who mapped it';
SELECT pg_catalog.pg_extension_config_dump('persona.opportunity_source', '');
GRANT SELECT ON persona.opportunity_source TO PUBLIC;

-- STABLE: it reads the mapped tables.  PARALLEL RESTRICTED: dynamic SQL.
-- Built when it runs, for the reason persona.scan_tagged_rows is.  Every
-- name comes from persona.opportunity_source, checked by
-- map_opportunities(), and is quoted with %I; stages with %L.
CREATE FUNCTION persona.scan_open_pipeline()
RETURNS TABLE (account pg_catalog.text, open_opportunities pg_catalog.int8,
	open_amount pg_catalog.numeric)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	src persona.opportunity_source;
	parts pg_catalog.text[] := '{}';
	body pg_catalog.text;
BEGIN
	FOR src IN SELECT o.* FROM persona.opportunity_source o
			   WHERE EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) o.table_name)
			   ORDER BY o.table_name::pg_catalog.text LOOP
		parts := parts OPERATOR(pg_catalog.||) pg_catalog.format(
			'SELECT o.%I::pg_catalog.text AS account, o.%I::pg_catalog.numeric AS amount FROM %s o WHERE o.%I IS NOT NULL%s%s',
			src.account_column, src.amount_column, src.table_name, src.account_column,
			CASE WHEN src.open_column IS NULL THEN ''
			     ELSE pg_catalog.format(' AND o.%I', src.open_column) END,
			CASE WHEN src.stage_column IS NULL OR pg_catalog.cardinality(src.closed_stages) OPERATOR(pg_catalog.=) 0 THEN ''
			     ELSE pg_catalog.format(' AND COALESCE(pg_catalog.lower(o.%I::pg_catalog.text) OPERATOR(pg_catalog.<>) ALL (%L::pg_catalog.text[]), true)',
					src.stage_column, src.closed_stages) END);
	END LOOP;
	IF pg_catalog.cardinality(parts) OPERATOR(pg_catalog.=) 0 THEN
		RETURN;
	ELSE
		body := 'SELECT s.account, pg_catalog.count(*), COALESCE(pg_catalog.sum(s.amount), 0) FROM ('
			OPERATOR(pg_catalog.||) pg_catalog.array_to_string(parts, ' UNION ALL ')
			OPERATOR(pg_catalog.||) ') s GROUP BY s.account';
	END IF;
	RETURN QUERY EXECUTE body;
END
$$;
COMMENT ON FUNCTION persona.scan_open_pipeline() IS
'open opportunities and their amount per account over every mapped opportunity table; read it through persona.open_pipeline';

CREATE VIEW persona.open_pipeline WITH (security_invoker = true) AS
SELECT * FROM persona.scan_open_pipeline();
COMMENT ON VIEW persona.open_pipeline IS
'open opportunities and their amount per account, over every table mapped with persona.map_opportunities()';
COMMENT ON COLUMN persona.open_pipeline.account IS 'the account, as text';
COMMENT ON COLUMN persona.open_pipeline.open_opportunities IS 'number of open opportunities of the account';
COMMENT ON COLUMN persona.open_pipeline.open_amount IS 'sum of their amounts (NULL amounts count as 0)';
GRANT SELECT ON persona.open_pipeline TO PUBLIC;

-- VOLATILE: it writes persona.opportunity_source.
CREATE FUNCTION persona.map_opportunities(tbl pg_catalog.regclass,
	account pg_catalog.name,
	amount pg_catalog.name,
	stage pg_catalog.name DEFAULT NULL,
	closed_stages pg_catalog.text[] DEFAULT '{closed won,closed lost,closed_won,closed_lost,won,lost}',
	open pg_catalog.name DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	kind "char";
BEGIN
	IF account IS NULL OR amount IS NULL THEN
		RAISE EXCEPTION 'the account and amount columns are required' USING ERRCODE = '22023',
			HINT = 'Call persona.map_opportunities(''opportunities'', account => ''account_id'', amount => ''amount'', stage => ''stage'').';
	END IF;
	SELECT c.relkind INTO kind FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) tbl;
	IF kind NOT IN ('r', 'p', 'v', 'm', 'f') THEN
		RAISE EXCEPTION '% is not a table or view', tbl USING ERRCODE = '42809';
	END IF;
	PERFORM persona.check_column(tbl, account, 'account', NULL);
	PERFORM persona.check_column(tbl, amount, 'amount', '{int2,int4,int8,numeric,float4,float8,money}');
	IF stage IS NOT NULL THEN PERFORM persona.check_column(tbl, stage, 'stage', NULL); END IF;
	IF open IS NOT NULL THEN PERFORM persona.check_column(tbl, open, 'open', '{bool}'); END IF;
	IF closed_stages IS NULL OR NOT persona.is_text_list(closed_stages) THEN
		RAISE EXCEPTION 'closed_stages must be a list of stage names without NULL or blank elements'
			USING ERRCODE = '22023', HINT = 'Pass ''{}'' when every row is open or the open column decides.';
	END IF;
	DELETE FROM persona.opportunity_source o WHERE o.table_name OPERATOR(pg_catalog.=) tbl;
	INSERT INTO persona.opportunity_source (table_name, account_column, amount_column,
		stage_column, closed_stages, open_column)
	VALUES (tbl, account, amount, stage,
		ARRAY(SELECT pg_catalog.lower(pg_catalog.btrim(s)) FROM pg_catalog.unnest(closed_stages) s), open);
END
$$;
COMMENT ON FUNCTION persona.map_opportunities(pg_catalog.regclass, pg_catalog.name, pg_catalog.name, pg_catalog.name, pg_catalog.text[], pg_catalog.name) IS
'maps an opportunity table (account, amount, and a stage column with the closed stages or a boolean open column) so persona.account_coverage reports open pipeline and pipeline at risk; mapping a table again replaces its mapping';

-- VOLATILE: it writes persona.opportunity_source.
CREATE FUNCTION persona.unmap_opportunities(tbl pg_catalog.regclass)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	DELETE FROM persona.opportunity_source o WHERE o.table_name OPERATOR(pg_catalog.=) tbl;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'table % is not mapped as an opportunity table', tbl USING ERRCODE = '42704',
			HINT = 'SELECT table_name FROM persona.opportunity_source lists the mapped tables.';
	END IF;
END
$$;
COMMENT ON FUNCTION persona.unmap_opportunities(pg_catalog.regclass) IS
'forgets an opportunity table mapped with persona.map_opportunities()';

--
-- Routing rules: persona, role and segment values -> a queue or an owner.
-- The rule with the highest priority that holds wins (ties: rule name).
--
CREATE FUNCTION persona.is_segment_condition(doc pg_catalog.jsonb)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
	WHEN pg_catalog.jsonb_typeof(doc) OPERATOR(pg_catalog.<>) 'object' THEN false
	ELSE NOT EXISTS (
		SELECT FROM pg_catalog.jsonb_each(doc) AS e(key, value)
		WHERE pg_catalog.btrim(e.key) OPERATOR(pg_catalog.=) ''
		   OR CASE WHEN pg_catalog.jsonb_typeof(e.value) OPERATOR(pg_catalog.=) 'array'
		           THEN pg_catalog.jsonb_array_length(e.value) OPERATOR(pg_catalog.=) 0
		                OR EXISTS (SELECT FROM pg_catalog.jsonb_array_elements(e.value) AS a(item)
		                           WHERE pg_catalog.jsonb_typeof(a.item) OPERATOR(pg_catalog.<>)
		                                 ALL (ARRAY['string', 'number', 'boolean']))
		           ELSE pg_catalog.jsonb_typeof(e.value) OPERATOR(pg_catalog.<>)
		                ALL (ARRAY['string', 'number', 'boolean']) END)
END;
COMMENT ON FUNCTION persona.is_segment_condition(pg_catalog.jsonb) IS
'true when a jsonb value is an object mapping segment columns to a value or a non-empty array of values; used by CHECK constraints';

CREATE FUNCTION persona.segments_match(segments pg_catalog.jsonb, condition pg_catalog.jsonb)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN condition IS NULL OR NOT EXISTS (
	SELECT FROM pg_catalog.jsonb_each(condition) AS e(key, value)
	WHERE NOT COALESCE(CASE WHEN pg_catalog.jsonb_typeof(e.value) OPERATOR(pg_catalog.=) 'array'
		THEN e.value OPERATOR(pg_catalog.@>) pg_catalog.jsonb_build_array(segments OPERATOR(pg_catalog.->) e.key)
		ELSE (segments OPERATOR(pg_catalog.->) e.key) OPERATOR(pg_catalog.=) e.value END, false));
COMMENT ON FUNCTION persona.segments_match(pg_catalog.jsonb, pg_catalog.jsonb) IS
'whether a lead''s segment values meet a condition: every key of the condition equals the lead''s value, or lists it when it is an array; a NULL condition always holds';

CREATE TABLE persona.routing_rule (
	rule pg_catalog.text PRIMARY KEY
		CONSTRAINT routing_rule_slug
		CHECK (rule OPERATOR(pg_catalog.~) '^[a-z][a-z0-9_]{0,62}$'),
	priority pg_catalog.int4 NOT NULL DEFAULT 0,
	persona pg_catalog.text,
	role pg_catalog.text REFERENCES persona.role (code) ON UPDATE CASCADE,
	segments pg_catalog.jsonb
		CONSTRAINT routing_rule_segments_valid CHECK (persona.is_segment_condition(segments)),
	queue pg_catalog.text
		CONSTRAINT routing_rule_queue_not_blank
		CHECK (pg_catalog.btrim(queue) OPERATOR(pg_catalog.<>) ''),
	owner pg_catalog.text
		CONSTRAINT routing_rule_owner_not_blank
		CHECK (pg_catalog.btrim(owner) OPERATOR(pg_catalog.<>) ''),
	active boolean NOT NULL DEFAULT true,
	note pg_catalog.text,
	CONSTRAINT routing_rule_one_target
		CHECK (pg_catalog.num_nonnulls(queue, owner) OPERATOR(pg_catalog.=) 1)
);
COMMENT ON TABLE persona.routing_rule IS
'lead routing: a lead whose persona, role and segment values meet a rule goes to the rule''s queue or owner; the active rule with the highest priority wins, ties by rule name';
COMMENT ON COLUMN persona.routing_rule.rule IS 'the rule''s name, a slug';
COMMENT ON COLUMN persona.routing_rule.priority IS 'higher first';
COMMENT ON COLUMN persona.routing_rule.persona IS 'the lead''s persona (a profile key); NULL: any, including untagged';
COMMENT ON COLUMN persona.routing_rule.role IS 'the lead''s influence role (a persona.role code); NULL: any';
COMMENT ON COLUMN persona.routing_rule.segments IS 'segment values the lead must have, e.g. {"lifecycle_stage": ["mql", "sql"], "lead_source": "event"}; NULL: any';
COMMENT ON COLUMN persona.routing_rule.queue IS 'the queue the lead goes to (set this or owner)';
COMMENT ON COLUMN persona.routing_rule.owner IS 'the owner the lead goes to, as the owner column''s value in text (set this or queue)';
COMMENT ON COLUMN persona.routing_rule.active IS 'false keeps the rule from routing';
COMMENT ON COLUMN persona.routing_rule.note IS 'why the rule exists';
SELECT pg_catalog.pg_extension_config_dump('persona.routing_rule', '');
GRANT SELECT ON persona.routing_rule TO PUBLIC;

-- STABLE: it reads persona.routing_rule.  Not STRICT, so the planner can
-- inline it into the views.
CREATE FUNCTION persona.route(persona pg_catalog.text, role pg_catalog.text,
	segments pg_catalog.jsonb DEFAULT NULL)
RETURNS TABLE (rule pg_catalog.text, queue pg_catalog.text, owner pg_catalog.text)
LANGUAGE sql STABLE PARALLEL SAFE
ROWS 1
BEGIN ATOMIC
	SELECT r.rule, r.queue, r.owner
	FROM persona.routing_rule r
	WHERE r.active
	  AND (r.persona IS NULL OR r.persona OPERATOR(pg_catalog.=) route.persona)
	  AND (r.role IS NULL OR r.role OPERATOR(pg_catalog.=) route.role)
	  AND persona.segments_match(COALESCE(route.segments, '{}'::pg_catalog.jsonb), r.segments)
	ORDER BY r.priority DESC, r.rule COLLATE "C"
	LIMIT 1;
END;
COMMENT ON FUNCTION persona.route(pg_catalog.text, pg_catalog.text, pg_catalog.jsonb) IS
'the routing rule that wins for a persona, role and segment values, with its queue or owner; no row when none holds (STABLE: reads persona.routing_rule)';

-- Tables whose rows get their route written into a column by a trigger.
CREATE TABLE persona.routing_target (
	table_name pg_catalog.regclass PRIMARY KEY,
	route_column pg_catalog.name NOT NULL,
	only_if_null boolean NOT NULL,
	enabled_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(),
	enabled_by pg_catalog.name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE persona.routing_target IS
'attached tables whose rows get their route written into a column by the persona_tag_route trigger (persona.apply_routing)';
COMMENT ON COLUMN persona.routing_target.table_name IS 'the attached table';
COMMENT ON COLUMN persona.routing_target.route_column IS 'the column that receives the winning rule''s owner, or else its queue';
COMMENT ON COLUMN persona.routing_target.only_if_null IS 'true: write only into rows whose route column is NULL (an owner column a rep may have set)';
COMMENT ON COLUMN persona.routing_target.enabled_at IS 'when routing was enabled';
COMMENT ON COLUMN persona.routing_target.enabled_by IS 'who enabled it';
SELECT pg_catalog.pg_extension_config_dump('persona.routing_target', '');
GRANT SELECT ON persona.routing_target TO PUBLIC;

-- The trigger persona.apply_routing() installs.  Its name sorts after
-- persona_tag, so it fires after the tag is set and sees it.  Arguments:
-- route column, only_if_null, persona column, role column, segment columns.
-- VOLATILE: it changes the row being written.
CREATE FUNCTION persona.route_trigger()
RETURNS trigger
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r pg_catalog.jsonb := pg_catalog.to_jsonb(NEW);
	segs pg_catalog.jsonb := '{}';
	target pg_catalog.text;
	i pg_catalog.int4;
BEGIN
	IF TG_ARGV[1]::boolean AND (r OPERATOR(pg_catalog.->>) TG_ARGV[0]) IS NOT NULL THEN
		RETURN NEW;
	END IF;
	FOR i IN 4 .. TG_NARGS - 1 LOOP
		segs := segs OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object(TG_ARGV[i], r OPERATOR(pg_catalog.->) TG_ARGV[i]);
	END LOOP;
	SELECT COALESCE(x.owner, x.queue) INTO target
	FROM persona.route(r OPERATOR(pg_catalog.->>) TG_ARGV[2], r OPERATOR(pg_catalog.->>) TG_ARGV[3], segs) x;
	-- No rule holds: leave the column as it is.
	IF target IS NULL OR target IS NOT DISTINCT FROM (r OPERATOR(pg_catalog.->>) TG_ARGV[0]) THEN
		RETURN NEW;
	END IF;
	RETURN pg_catalog.jsonb_populate_record(NEW, pg_catalog.jsonb_build_object(TG_ARGV[0], target));
END
$$;
COMMENT ON FUNCTION persona.route_trigger() IS
'row trigger installed by persona.apply_routing(): writes the winning routing rule''s owner or queue into the route column';

-- VOLATILE: it creates a trigger and writes persona.routing_target.
CREATE FUNCTION persona.apply_routing(tbl pg_catalog.regclass, into_column pg_catalog.name,
	only_if_null boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	reg persona.attached := persona.attachment(tbl);
	args pg_catalog.text;
	watched pg_catalog.text;
BEGIN
	IF into_column IS NULL OR only_if_null IS NULL THEN
		RAISE EXCEPTION 'the route column and only_if_null must not be NULL' USING ERRCODE = '22023',
			HINT = 'persona.apply_routing(''leads'', ''queue'').';
	END IF;
	PERFORM persona.check_column(tbl, into_column, 'route', NULL);
	IF into_column OPERATOR(pg_catalog.=) ANY (ARRAY[reg.title_column, reg.persona_column, reg.role_column,
			reg.score_column, reg.seniority_column, reg.function_column, reg.version_column,
			reg.locked_column, reg.tagged_at_column, reg.key_column]) THEN
		RAISE EXCEPTION 'column "%" of table % is mapped by persona.attach() and cannot receive routes', into_column, tbl
			USING ERRCODE = '22023', HINT = 'Route into a column of its own, such as a queue or owner column.';
	END IF;
	SELECT pg_catalog.string_agg(pg_catalog.quote_literal(a), ', ' ORDER BY o) INTO args
	FROM pg_catalog.unnest(ARRAY[into_column::pg_catalog.text, only_if_null::pg_catalog.text,
		reg.persona_column::pg_catalog.text, reg.role_column::pg_catalog.text]
		OPERATOR(pg_catalog.||) reg.segment_columns::pg_catalog.text[]) WITH ORDINALITY AS u(a, o);
	-- Fire when the tag or a segment value can change, not when someone
	-- edits the route column alone.
	SELECT pg_catalog.string_agg(DISTINCT pg_catalog.quote_ident(c), ', ') INTO watched
	FROM pg_catalog.unnest(ARRAY[reg.title_column, reg.department_column, reg.industry_column,
		reg.employees_column, reg.country_column, reg.attrs_column, reg.persona_column,
		reg.role_column, reg.locked_column] OPERATOR(pg_catalog.||) reg.segment_columns) c
	WHERE c IS NOT NULL;
	EXECUTE pg_catalog.format('DROP TRIGGER IF EXISTS persona_tag_route ON %s', tbl);
	EXECUTE pg_catalog.format('CREATE TRIGGER persona_tag_route BEFORE INSERT OR UPDATE OF %s ON %s '
		'FOR EACH ROW EXECUTE FUNCTION persona.route_trigger(%s)', watched, tbl, args);
	DELETE FROM persona.routing_target r WHERE r.table_name OPERATOR(pg_catalog.=) tbl;
	INSERT INTO persona.routing_target (table_name, route_column, only_if_null)
	VALUES (tbl, into_column, only_if_null);
END
$$;
COMMENT ON FUNCTION persona.apply_routing(pg_catalog.regclass, pg_catalog.name, boolean) IS
'installs a trigger on an attached table that writes the route (the winning rule''s owner, or else its queue) into a column when a row is inserted or its tag or segment values are updated; rows no rule routes keep their value, and so do hand edits of the column until the row''s tag changes';

-- VOLATILE: it drops a trigger and writes persona.routing_target.
CREATE FUNCTION persona.stop_routing(tbl pg_catalog.regclass)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	DELETE FROM persona.routing_target r WHERE r.table_name OPERATOR(pg_catalog.=) tbl;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'table % is not routed', tbl USING ERRCODE = '42704',
			HINT = 'SELECT table_name FROM persona.routing_target lists the routed tables.';
	END IF;
	EXECUTE pg_catalog.format('DROP TRIGGER IF EXISTS persona_tag_route ON %s', tbl);
END
$$;
COMMENT ON FUNCTION persona.stop_routing(pg_catalog.regclass) IS
'removes the routing trigger of a table; the routes already written stay';

-- Detaching a table ends its routing: the trigger's arguments come from
-- the mapping that is going away.  VOLATILE: it drops a trigger.
CREATE FUNCTION persona.attached_removed()
RETURNS trigger
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT FROM persona.routing_target r WHERE r.table_name OPERATOR(pg_catalog.=) OLD.table_name) THEN
		PERFORM persona.stop_routing(OLD.table_name);
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION persona.attached_removed() IS
'trigger function: ends the routing of a table that persona.detach() removes';

CREATE TRIGGER attached_removed
AFTER DELETE ON persona.attached
FOR EACH ROW EXECUTE FUNCTION persona.attached_removed();
COMMENT ON TRIGGER attached_removed ON persona.attached IS
'ends the routing of a detached table';

--
-- Content recommendations: persona x lifecycle stage -> assets.
--
CREATE TABLE persona.content (
	id pg_catalog.text PRIMARY KEY
		CONSTRAINT content_id_slug
		CHECK (id OPERATOR(pg_catalog.~) '^[a-z][a-z0-9_]{0,62}$'),
	title pg_catalog.text NOT NULL
		CONSTRAINT content_title_not_blank
		CHECK (pg_catalog.btrim(title) OPERATOR(pg_catalog.<>) ''),
	url pg_catalog.text,
	kind pg_catalog.text,
	personas pg_catalog.text[]
		CONSTRAINT content_personas_not_blank CHECK (persona.is_text_list(personas)),
	lifecycle_stages pg_catalog.text[]
		CONSTRAINT content_lifecycle_stages_not_blank CHECK (persona.is_text_list(lifecycle_stages)),
	priority pg_catalog.int4 NOT NULL DEFAULT 0,
	active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE persona.content IS
'content recommendations: an asset (case study, one-pager, talk track) for some personas at some lifecycle stages; persona.call_prep lists the ones that fit each lead';
COMMENT ON COLUMN persona.content.id IS 'the asset''s code, a slug';
COMMENT ON COLUMN persona.content.title IS 'the asset''s title, as reps see it';
COMMENT ON COLUMN persona.content.url IS 'where the asset is';
COMMENT ON COLUMN persona.content.kind IS 'what it is: case_study, one_pager, talk_track, webinar, ...';
COMMENT ON COLUMN persona.content.personas IS 'any-of: the personas (profile keys) it is for; NULL or empty: every tagged lead';
COMMENT ON COLUMN persona.content.lifecycle_stages IS 'any-of: the lifecycle stages it is for (values of the lifecycle_segment column); NULL or empty: every stage';
COMMENT ON COLUMN persona.content.priority IS 'higher first in the recommendations';
COMMENT ON COLUMN persona.content.active IS 'false hides the asset';
SELECT pg_catalog.pg_extension_config_dump('persona.content', '');
GRANT SELECT ON persona.content TO PUBLIC;

--
-- persona.segments
--
CREATE VIEW persona.segments WITH (security_invoker = true) AS
SELECT s.segment, s.segment_value, g.persona,
	CASE WHEN g.persona IS NULL THEN 'Untagged' ELSE COALESCE(pg_catalog.min(p.name), g.persona) END AS persona_name,
	g.seniority, g.job_function,
	pg_catalog.sum(g.n)::pg_catalog.int8 AS leads,
	pg_catalog.round(pg_catalog.sum(g.n)
		OPERATOR(pg_catalog./) pg_catalog.sum(pg_catalog.sum(g.n)) OVER (PARTITION BY s.segment, s.segment_value), 4) AS share,
	pg_catalog.round((pg_catalog.sum(g.score_sum) OPERATOR(pg_catalog./) NULLIF(pg_catalog.sum(g.scored), 0))::pg_catalog.numeric, 3) AS avg_score
FROM (
	-- Leads with the same tags and segment values first: the segment
	-- values are then taken apart once per group, not once per lead.
	SELECT t.persona, t.seniority, t.job_function, t.segments,
		pg_catalog.count(*) AS n,
		pg_catalog.sum(t.score::pg_catalog.float8) FILTER (WHERE t.persona IS NOT NULL) AS score_sum,
		pg_catalog.count(t.score) FILTER (WHERE t.persona IS NOT NULL) AS scored
	FROM persona.tagged_rows t
	GROUP BY t.persona, t.seniority, t.job_function, t.segments) AS g
CROSS JOIN LATERAL (
	SELECT NULL::pg_catalog.text, NULL::pg_catalog.text
	UNION ALL
	SELECT e.key, e.value OPERATOR(pg_catalog.#>>) '{}'::pg_catalog.text[]
	FROM pg_catalog.jsonb_each(g.segments) AS e(key, value)) AS s(segment, segment_value)
LEFT JOIN persona.profile p ON p.key OPERATOR(pg_catalog.=) g.persona
GROUP BY s.segment, s.segment_value, g.persona, g.seniority, g.job_function;
COMMENT ON VIEW persona.segments IS
'leads per persona x seniority x job function, over every attached table: once over all leads (segment NULL), and once per value of each segment column mapped at attach time (segment = the column, segment_value = its value)';
COMMENT ON COLUMN persona.segments.segment IS 'the segment column (e.g. lifecycle_stage), or NULL for the rows over all leads';
COMMENT ON COLUMN persona.segments.segment_value IS 'the segment column''s value as text; NULL where the lead has none (or on the rows over all leads)';
COMMENT ON COLUMN persona.segments.persona IS 'the persona (profile key); NULL: untagged';
COMMENT ON COLUMN persona.segments.persona_name IS 'the persona''s name; Untagged for untagged leads';
COMMENT ON COLUMN persona.segments.seniority IS 'the seniority; NULL: unknown';
COMMENT ON COLUMN persona.segments.job_function IS 'the job function; NULL: unknown';
COMMENT ON COLUMN persona.segments.leads IS 'number of leads';
COMMENT ON COLUMN persona.segments.share IS 'leads as a share (0..1) of all leads of the same segment value (of all leads for segment NULL)';
COMMENT ON COLUMN persona.segments.avg_score IS 'average match score (0..1) of the tagged leads; NULL for untagged ones';

--
-- persona.inspection
--
CREATE VIEW persona.inspection WITH (security_invoker = true) AS
SELECT t.table_name, t.row_key, i.reason,
	-- The sentence is built only for the rows returned, and only when asked for.
	CASE
	WHEN i.reason OPERATOR(pg_catalog.=) 'missing_title' THEN
		CASE WHEN t.title IS NULL THEN 'No job title: nothing to classify. Add the title to tag the lead.'
		     ELSE pg_catalog.format('The title "%s" has no word to classify. Correct the title to tag the lead.', t.title) END
	WHEN i.reason OPERATOR(pg_catalog.=) 'untagged' THEN
		pg_catalog.format('No persona fits "%s" (seniority %s, function %s). Extend a profile or set the persona by hand.',
			t.title, COALESCE(t.seniority::pg_catalog.text, 'unknown'), COALESCE(t.job_function::pg_catalog.text, 'unknown'))
	WHEN i.reason OPERATOR(pg_catalog.=) 'low_score' THEN
		pg_catalog.format('Tagged %s with a weak score of %s (below %s). Check that "%s" is this persona.',
			t.persona, pg_catalog.round(t.score::pg_catalog.numeric, 2), t.low_score, t.title)
	WHEN i.reason OPERATOR(pg_catalog.=) 'close_runner_up' THEN
		pg_catalog.format('%s (%s) and %s (%s) fit "%s" almost equally. Confirm the persona or tell the profiles apart.',
			(t.r).persona, pg_catalog.round((t.r).score::pg_catalog.numeric, 2),
			(t.r).runner_up, pg_catalog.round((t.r).runner_up_score::pg_catalog.numeric, 2), t.title)
	WHEN i.reason OPERATOR(pg_catalog.=) 'stale_ruleset' THEN
		CASE WHEN t.ruleset_version IS NULL
		     THEN pg_catalog.format('Never tagged (the row came before persona.attach() or the first publish). Run CALL persona.retag(%L).', t.table_name::pg_catalog.text)
		     ELSE pg_catalog.format('Tagged by ruleset version %s; version %s is active. Run CALL persona.retag(%L).',
				t.ruleset_version, t.active_version, t.table_name::pg_catalog.text) END
	ELSE
		pg_catalog.format('Set by hand to %s / %s; the rules say %s / %s. Keep the override or release it with persona.release().',
			COALESCE(t.persona, 'no persona'), COALESCE(t.role, 'no role'),
			COALESCE((t.r).persona, 'no persona'), COALESCE((t.r).role, 'no role'))
	END AS detail,
	t.title, t.account, t.owner,
	t.persona, t.score, t.role, t.ruleset_version, t.locked, t.tagged_at,
	(t.r).persona AS rules_persona, (t.r).score AS rules_score, (t.r).role AS rules_role,
	(t.r).runner_up AS runner_up, (t.r).runner_up_score AS runner_up_score
FROM (
	-- The rules' answer for the row, computed once (OFFSET 0 keeps the
	-- subquery from being flattened into one call per use); the settings
	-- are scalar subqueries, evaluated once per query.
	SELECT t.*,
		CASE WHEN (SELECT persona.ruleset_version(persona.ruleset())) IS NOT NULL THEN persona.match(t.title,
			department => t.department, industry => t.industry,
			employees => LEAST(GREATEST(t.employees, -2147483648), 2147483647)::pg_catalog.int4,
			country => t.country, attrs => t.attrs) END AS r,
		t.title IS NULL OR persona.title_normalize(t.title) OPERATOR(pg_catalog.=) '' AS missing_title,
		(SELECT persona.ruleset_version(persona.ruleset())) AS active_version,
		(SELECT (persona.report_setting('low_score') OPERATOR(pg_catalog.#>>) '{}'::pg_catalog.text[])::real) AS low_score,
		(SELECT (persona.report_setting('runner_up_margin') OPERATOR(pg_catalog.#>>) '{}'::pg_catalog.text[])::real) AS margin
	FROM persona.tagged_rows t
	OFFSET 0) AS t
-- Two unnested arrays, not a lateral VALUES list: a VALUES list compiles
-- its expressions again for every row.
CROSS JOIN LATERAL ROWS FROM (
	pg_catalog.unnest(ARRAY['missing_title', 'untagged', 'low_score', 'close_runner_up',
		'stale_ruleset', 'override_disagrees']),
	pg_catalog.unnest(ARRAY[
		-- missing_title
		t.missing_title,
		-- untagged: the rules ran and found nothing
		NOT t.missing_title AND t.persona IS NULL AND t.ruleset_version IS NOT NULL AND NOT t.locked,
		-- low_score
		t.persona IS NOT NULL AND NOT t.locked AND t.score OPERATOR(pg_catalog.<) t.low_score,
		-- close_runner_up, under the active ruleset
		NOT t.locked AND (t.r).persona IS NOT NULL AND (t.r).runner_up IS NOT NULL
			AND ((t.r).score OPERATOR(pg_catalog.-) (t.r).runner_up_score) OPERATOR(pg_catalog.<=) t.margin,
		-- stale_ruleset: an older version, or never tagged
		NOT t.locked AND t.active_version IS NOT NULL
			AND t.ruleset_version IS DISTINCT FROM t.active_version,
		-- override_disagrees
		t.locked AND t.active_version IS NOT NULL
			AND (t.persona IS DISTINCT FROM (t.r).persona OR t.role IS DISTINCT FROM (t.r).role)])
	) AS i(reason, flagged)
WHERE i.flagged;
COMMENT ON VIEW persona.inspection IS
'one row per lead and thing a manager should look at, over every attached table: reason is missing_title, untagged, low_score (score below the low_score setting), close_runner_up (runner-up within runner_up_margin of the best under the active ruleset), stale_ruleset (tagged by an older ruleset or never) or override_disagrees (a hand-set persona or role the rules would not give); detail says it in a sentence';
COMMENT ON COLUMN persona.inspection.table_name IS 'the attached table';
COMMENT ON COLUMN persona.inspection.row_key IS 'the row''s key column, as text';
COMMENT ON COLUMN persona.inspection.reason IS 'missing_title, untagged, low_score, close_runner_up, stale_ruleset or override_disagrees';
COMMENT ON COLUMN persona.inspection.detail IS 'the reason in a sentence, with what to do';
COMMENT ON COLUMN persona.inspection.title IS 'the lead''s job title';
COMMENT ON COLUMN persona.inspection.account IS 'the lead''s account, as text';
COMMENT ON COLUMN persona.inspection.owner IS 'the lead''s owner, as text';
COMMENT ON COLUMN persona.inspection.persona IS 'the persona the row carries';
COMMENT ON COLUMN persona.inspection.score IS 'the score the row carries';
COMMENT ON COLUMN persona.inspection.role IS 'the influence role the row carries';
COMMENT ON COLUMN persona.inspection.ruleset_version IS 'the ruleset version that tagged the row; NULL: never tagged';
COMMENT ON COLUMN persona.inspection.locked IS 'true when the tag was set by hand (an override)';
COMMENT ON COLUMN persona.inspection.tagged_at IS 'when the row was last tagged';
COMMENT ON COLUMN persona.inspection.rules_persona IS 'the persona the active ruleset gives the row now';
COMMENT ON COLUMN persona.inspection.rules_score IS 'its score';
COMMENT ON COLUMN persona.inspection.rules_role IS 'the role the active ruleset gives the row now';
COMMENT ON COLUMN persona.inspection.runner_up IS 'the second-best persona under the active ruleset';
COMMENT ON COLUMN persona.inspection.runner_up_score IS 'its score';

--
-- persona.account_coverage
--
CREATE VIEW persona.account_coverage WITH (security_invoker = true) AS
SELECT a.account, a.contacts, a.tagged,
	a.decision_makers, a.economic_buyers, a.executive_sponsors, a.champions,
	a.technical_evaluators, a.business_evaluators, a.influencers, a.end_users,
	a.gatekeepers, a.blockers,
	c.roles_present,
	c.required_roles_filled, c.required_roles,
	c.completeness,
	c.missing_roles, c.missing_role_labels,
	a.decision_makers OPERATOR(pg_catalog.>) 0 AS has_decision_maker,
	a.contacts OPERATOR(pg_catalog.=) 1 AS single_threaded,
	a.owner, a.industry, a.country, a.employees,
	CASE WHEN a.employees IS NULL THEN 'unknown'
	     WHEN a.employees OPERATOR(pg_catalog.<) 50 THEN '1-49'
	     WHEN a.employees OPERATOR(pg_catalog.<) 250 THEN '50-249'
	     WHEN a.employees OPERATOR(pg_catalog.<) 1000 THEN '250-999'
	     ELSE '1000+' END AS size_band,
	COALESCE(o.open_opportunities, 0) AS open_opportunities,
	COALESCE(o.open_amount, 0) AS open_pipeline,
	CASE WHEN a.decision_makers OPERATOR(pg_catalog.=) 0 THEN COALESCE(o.open_amount, 0) ELSE 0 END AS pipeline_at_risk
FROM (
	SELECT t.account,
		pg_catalog.count(*) AS contacts,
		pg_catalog.count(t.persona) AS tagged,
		pg_catalog.count(*) FILTER (WHERE t.role OPERATOR(pg_catalog.=) 'decision_maker') AS decision_makers,
		pg_catalog.count(*) FILTER (WHERE t.role OPERATOR(pg_catalog.=) 'economic_buyer') AS economic_buyers,
		pg_catalog.count(*) FILTER (WHERE t.role OPERATOR(pg_catalog.=) 'executive_sponsor') AS executive_sponsors,
		pg_catalog.count(*) FILTER (WHERE t.role OPERATOR(pg_catalog.=) 'champion') AS champions,
		pg_catalog.count(*) FILTER (WHERE t.role OPERATOR(pg_catalog.=) 'technical_evaluator') AS technical_evaluators,
		pg_catalog.count(*) FILTER (WHERE t.role OPERATOR(pg_catalog.=) 'business_evaluator') AS business_evaluators,
		pg_catalog.count(*) FILTER (WHERE t.role OPERATOR(pg_catalog.=) 'influencer') AS influencers,
		pg_catalog.count(*) FILTER (WHERE t.role OPERATOR(pg_catalog.=) 'end_user') AS end_users,
		pg_catalog.count(*) FILTER (WHERE t.role OPERATOR(pg_catalog.=) 'gatekeeper') AS gatekeepers,
		pg_catalog.count(*) FILTER (WHERE t.role OPERATOR(pg_catalog.=) 'blocker') AS blockers,
		pg_catalog.array_agg(DISTINCT t.role) FILTER (WHERE t.role IS NOT NULL) AS roles,
		pg_catalog.mode() WITHIN GROUP (ORDER BY t.owner) AS owner,
		pg_catalog.mode() WITHIN GROUP (ORDER BY t.industry) AS industry,
		pg_catalog.mode() WITHIN GROUP (ORDER BY t.country) AS country,
		pg_catalog.max(t.employees) AS employees
	FROM persona.tagged_rows t
	WHERE t.account IS NOT NULL
	GROUP BY t.account) AS a
-- The role catalogue, read once per query (the scalar subqueries become
-- InitPlans), then compared with each account's roles.
CROSS JOIN (SELECT
	(SELECT pg_catalog.array_agg(r.code ORDER BY r.display_order, r.code COLLATE "C") FROM persona.role r) AS all_codes,
	(SELECT pg_catalog.array_agg(r.code ORDER BY r.display_order, r.code COLLATE "C") FROM persona.role r WHERE r.required) AS req_codes,
	(SELECT pg_catalog.array_agg(r.label ORDER BY r.display_order, r.code COLLATE "C") FROM persona.role r WHERE r.required) AS req_labels,
	(SELECT pg_catalog.array_agg(r.weight ORDER BY r.display_order, r.code COLLATE "C") FROM persona.role r WHERE r.required) AS req_weights) AS cat
CROSS JOIN LATERAL (
	SELECT
		ARRAY(SELECT u.code FROM pg_catalog.unnest(cat.all_codes) WITH ORDINALITY AS u(code, o)
		      WHERE u.code OPERATOR(pg_catalog.=) ANY (a.roles) ORDER BY u.o) AS roles_present,
		pg_catalog.count(*) FILTER (WHERE u.code OPERATOR(pg_catalog.=) ANY (a.roles))::pg_catalog.int4 AS required_roles_filled,
		pg_catalog.count(*)::pg_catalog.int4 AS required_roles,
		CASE WHEN COALESCE(pg_catalog.sum(u.weight), 0) OPERATOR(pg_catalog.>) 0
		     THEN pg_catalog.round((COALESCE(pg_catalog.sum(u.weight) FILTER (WHERE u.code OPERATOR(pg_catalog.=) ANY (a.roles)), 0)
		          OPERATOR(pg_catalog./) pg_catalog.sum(u.weight))::pg_catalog.numeric, 3)
		     ELSE 1.000 END AS completeness,
		COALESCE(pg_catalog.array_agg(u.code ORDER BY u.o)
			FILTER (WHERE NOT COALESCE(u.code OPERATOR(pg_catalog.=) ANY (a.roles), false)), '{}') AS missing_roles,
		COALESCE(pg_catalog.string_agg(u.label, ', ' ORDER BY u.o)
			FILTER (WHERE NOT COALESCE(u.code OPERATOR(pg_catalog.=) ANY (a.roles), false)), '') AS missing_role_labels
	FROM ROWS FROM (pg_catalog.unnest(cat.req_codes), pg_catalog.unnest(cat.req_labels), pg_catalog.unnest(cat.req_weights))
		WITH ORDINALITY AS u(code, label, weight, o)) AS c
LEFT JOIN persona.open_pipeline o ON o.account OPERATOR(pg_catalog.=) a.account;
COMMENT ON VIEW persona.account_coverage IS
'the buying committee per account, over every attached table (contacts grouped by the mapped account column, as text): contacts per influence role, completeness = weighted share of the required roles filled, the missing roles, single-threaded accounts, and with an opportunity table mapped, open pipeline and pipeline at risk (on accounts without a decision maker)';
COMMENT ON COLUMN persona.account_coverage.account IS 'the account, as text';
COMMENT ON COLUMN persona.account_coverage.contacts IS 'number of contacts (leads) of the account';
COMMENT ON COLUMN persona.account_coverage.tagged IS 'contacts with a persona';
COMMENT ON COLUMN persona.account_coverage.decision_makers IS 'contacts in role decision_maker';
COMMENT ON COLUMN persona.account_coverage.economic_buyers IS 'contacts in role economic_buyer';
COMMENT ON COLUMN persona.account_coverage.executive_sponsors IS 'contacts in role executive_sponsor';
COMMENT ON COLUMN persona.account_coverage.champions IS 'contacts in role champion';
COMMENT ON COLUMN persona.account_coverage.technical_evaluators IS 'contacts in role technical_evaluator';
COMMENT ON COLUMN persona.account_coverage.business_evaluators IS 'contacts in role business_evaluator';
COMMENT ON COLUMN persona.account_coverage.influencers IS 'contacts in role influencer';
COMMENT ON COLUMN persona.account_coverage.end_users IS 'contacts in role end_user';
COMMENT ON COLUMN persona.account_coverage.gatekeepers IS 'contacts in role gatekeeper';
COMMENT ON COLUMN persona.account_coverage.blockers IS 'contacts in role blocker';
COMMENT ON COLUMN persona.account_coverage.roles_present IS 'the roles (persona.role codes, user-added ones included) at least one contact has, in display order';
COMMENT ON COLUMN persona.account_coverage.required_roles_filled IS 'how many of the required roles (persona.role.required) are filled';
COMMENT ON COLUMN persona.account_coverage.required_roles IS 'how many roles are required';
COMMENT ON COLUMN persona.account_coverage.completeness IS 'weighted share (0..1) of the required roles filled: the weights of the filled required roles over the weights of all required roles';
COMMENT ON COLUMN persona.account_coverage.missing_roles IS 'the required roles nobody fills, in display order';
COMMENT ON COLUMN persona.account_coverage.missing_role_labels IS 'their labels, comma-separated; empty when the committee is complete';
COMMENT ON COLUMN persona.account_coverage.has_decision_maker IS 'whether a contact is in role decision_maker';
COMMENT ON COLUMN persona.account_coverage.single_threaded IS 'whether the account has a single contact';
COMMENT ON COLUMN persona.account_coverage.owner IS 'the owner of most of its contacts';
COMMENT ON COLUMN persona.account_coverage.industry IS 'the industry most of its contacts carry';
COMMENT ON COLUMN persona.account_coverage.country IS 'the country most of its contacts carry';
COMMENT ON COLUMN persona.account_coverage.employees IS 'the largest employee count its contacts carry';
COMMENT ON COLUMN persona.account_coverage.size_band IS 'employees as a band: 1-49, 50-249, 250-999, 1000+ or unknown';
COMMENT ON COLUMN persona.account_coverage.open_opportunities IS 'open opportunities of the account in the mapped opportunity tables (0 when none is mapped)';
COMMENT ON COLUMN persona.account_coverage.open_pipeline IS 'their amount';
COMMENT ON COLUMN persona.account_coverage.pipeline_at_risk IS 'open_pipeline when the account has no decision maker, else 0';

--
-- persona.owner_mix
--
CREATE VIEW persona.owner_mix WITH (security_invoker = true) AS
SELECT o.owner,
	pg_catalog.sum(o.n)::pg_catalog.int8 AS leads,
	COALESCE(pg_catalog.sum(o.n) FILTER (WHERE o.persona IS NOT NULL), 0)::pg_catalog.int8 AS tagged,
	COALESCE(pg_catalog.sum(o.n) FILTER (WHERE o.persona IS NULL), 0)::pg_catalog.int8 AS untagged,
	pg_catalog.round(COALESCE(pg_catalog.sum(o.n) FILTER (WHERE o.persona IS NULL), 0)
		OPERATOR(pg_catalog./) pg_catalog.sum(o.n), 4) AS untagged_share,
	pg_catalog.sum(o.overrides)::pg_catalog.int8 AS overrides,
	pg_catalog.round(pg_catalog.sum(o.overrides) OPERATOR(pg_catalog./) pg_catalog.sum(o.n), 4) AS override_share,
	pg_catalog.sum(o.decision_makers)::pg_catalog.int8 AS decision_makers,
	pg_catalog.round((pg_catalog.sum(o.score_sum) OPERATOR(pg_catalog./) NULLIF(pg_catalog.sum(o.scored), 0))::pg_catalog.numeric, 3) AS avg_score,
	(pg_catalog.array_agg(o.persona ORDER BY o.n DESC, o.persona COLLATE "C") FILTER (WHERE o.persona IS NOT NULL))[1] AS top_persona,
	pg_catalog.round(COALESCE(pg_catalog.max(o.n) FILTER (WHERE o.persona IS NOT NULL), 0)
		OPERATOR(pg_catalog./) pg_catalog.sum(o.n), 4) AS top_persona_share,
	pg_catalog.count(o.persona) AS personas,
	COALESCE(pg_catalog.jsonb_object_agg(o.persona, o.n) FILTER (WHERE o.persona IS NOT NULL), '{}') AS persona_mix
FROM (
	SELECT t.owner, t.persona, pg_catalog.count(*) AS n,
		pg_catalog.count(*) FILTER (WHERE t.locked) AS overrides,
		pg_catalog.count(*) FILTER (WHERE t.role OPERATOR(pg_catalog.=) 'decision_maker') AS decision_makers,
		pg_catalog.sum(t.score::pg_catalog.float8) FILTER (WHERE t.persona IS NOT NULL) AS score_sum,
		pg_catalog.count(t.score) FILTER (WHERE t.persona IS NOT NULL) AS scored
	FROM persona.tagged_rows t
	GROUP BY t.owner, t.persona) AS o
GROUP BY o.owner;
COMMENT ON VIEW persona.owner_mix IS
'per owner (rep), over every attached table: leads, persona mix, untagged share and manual overrides';
COMMENT ON COLUMN persona.owner_mix.owner IS 'the owner, as text; NULL: leads without an owner';
COMMENT ON COLUMN persona.owner_mix.leads IS 'number of leads';
COMMENT ON COLUMN persona.owner_mix.tagged IS 'leads with a persona';
COMMENT ON COLUMN persona.owner_mix.untagged IS 'leads without a persona';
COMMENT ON COLUMN persona.owner_mix.untagged_share IS 'untagged as a share (0..1) of leads';
COMMENT ON COLUMN persona.owner_mix.overrides IS 'leads whose tag was set by hand (locked)';
COMMENT ON COLUMN persona.owner_mix.override_share IS 'overrides as a share (0..1) of leads';
COMMENT ON COLUMN persona.owner_mix.decision_makers IS 'leads in role decision_maker';
COMMENT ON COLUMN persona.owner_mix.avg_score IS 'average match score (0..1) of the tagged leads';
COMMENT ON COLUMN persona.owner_mix.top_persona IS 'the owner''s most frequent persona (ties: key)';
COMMENT ON COLUMN persona.owner_mix.top_persona_share IS 'its share (0..1) of the owner''s leads';
COMMENT ON COLUMN persona.owner_mix.personas IS 'number of different personas among the owner''s leads';
COMMENT ON COLUMN persona.owner_mix.persona_mix IS 'leads per persona, as a JSON object {persona: leads}';

--
-- persona.call_prep
--
CREATE VIEW persona.call_prep WITH (security_invoker = true) AS
SELECT t.table_name, t.row_key, t.title, t.account, t.owner,
	t.segments OPERATOR(pg_catalog.->>) (cfg.stage_column) AS lifecycle_stage,
	t.persona, p.name AS persona_name, p.description AS persona_description,
	t.score, t.role, r.label AS role_label, r.sfdc_role,
	t.seniority, t.job_function, t.locked,
	p.messaging, p.goals, p.pains, p.buying_triggers, p.objections, p.channels, p.success_metrics,
	COALESCE(c.titles, '{}') AS content_titles,
	COALESCE(c.assets, '[]') AS content,
	rt.rule AS route_rule, rt.queue AS route_queue, rt.owner AS route_owner
FROM persona.tagged_rows t
CROSS JOIN (SELECT (SELECT persona.report_setting('lifecycle_segment') OPERATOR(pg_catalog.#>>) '{}'::pg_catalog.text[]) AS stage_column) AS cfg
LEFT JOIN persona.profile p ON p.key OPERATOR(pg_catalog.=) t.persona
LEFT JOIN persona.role r ON r.code OPERATOR(pg_catalog.=) t.role
LEFT JOIN LATERAL (
	SELECT pg_catalog.array_agg(ct.title ORDER BY ct.priority DESC, ct.id COLLATE "C") AS titles,
		pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', ct.id, 'title', ct.title, 'url', ct.url, 'kind', ct.kind)
			ORDER BY ct.priority DESC, ct.id COLLATE "C") AS assets
	FROM persona.content ct
	WHERE ct.active AND t.persona IS NOT NULL
	  AND (COALESCE(pg_catalog.cardinality(ct.personas), 0) OPERATOR(pg_catalog.=) 0
	       OR t.persona OPERATOR(pg_catalog.=) ANY (ct.personas))
	  AND (COALESCE(pg_catalog.cardinality(ct.lifecycle_stages), 0) OPERATOR(pg_catalog.=) 0
	       OR (t.segments OPERATOR(pg_catalog.->>) (cfg.stage_column)) OPERATOR(pg_catalog.=) ANY (ct.lifecycle_stages))) AS c ON true
LEFT JOIN LATERAL persona.route(t.persona, t.role, t.segments) AS rt ON true;
COMMENT ON VIEW persona.call_prep IS
'per lead, over every attached table: the persona and role with the persona''s context (goals, pains, buying triggers, objections, channels, success metrics, messaging), the content recommended for its persona and lifecycle stage, and where routing sends it';
COMMENT ON COLUMN persona.call_prep.table_name IS 'the attached table';
COMMENT ON COLUMN persona.call_prep.row_key IS 'the row''s key column, as text';
COMMENT ON COLUMN persona.call_prep.title IS 'the lead''s job title';
COMMENT ON COLUMN persona.call_prep.account IS 'the lead''s account, as text';
COMMENT ON COLUMN persona.call_prep.owner IS 'the lead''s owner, as text';
COMMENT ON COLUMN persona.call_prep.lifecycle_stage IS 'the value of the lifecycle_segment setting''s segment column (default lifecycle_stage)';
COMMENT ON COLUMN persona.call_prep.persona IS 'the persona (profile key); NULL: untagged';
COMMENT ON COLUMN persona.call_prep.persona_name IS 'the persona''s name';
COMMENT ON COLUMN persona.call_prep.persona_description IS 'who this persona is';
COMMENT ON COLUMN persona.call_prep.score IS 'the match score (0..1)';
COMMENT ON COLUMN persona.call_prep.role IS 'the influence role code';
COMMENT ON COLUMN persona.call_prep.role_label IS 'the role''s label';
COMMENT ON COLUMN persona.call_prep.sfdc_role IS 'the Salesforce OpportunityContactRole value of the role';
COMMENT ON COLUMN persona.call_prep.seniority IS 'the seniority';
COMMENT ON COLUMN persona.call_prep.job_function IS 'the job function';
COMMENT ON COLUMN persona.call_prep.locked IS 'true when the tag was set by hand';
COMMENT ON COLUMN persona.call_prep.messaging IS 'the message that works with the persona';
COMMENT ON COLUMN persona.call_prep.goals IS 'the persona''s business goals';
COMMENT ON COLUMN persona.call_prep.pains IS 'the persona''s problems today';
COMMENT ON COLUMN persona.call_prep.buying_triggers IS 'events that make the persona look for a solution';
COMMENT ON COLUMN persona.call_prep.objections IS 'what the persona says against buying';
COMMENT ON COLUMN persona.call_prep.channels IS 'where the persona is reached';
COMMENT ON COLUMN persona.call_prep.success_metrics IS 'how the persona judges success';
COMMENT ON COLUMN persona.call_prep.content_titles IS 'titles of the recommended assets (persona.content), best first';
COMMENT ON COLUMN persona.call_prep.content IS 'the recommended assets as a JSON array of {id, title, url, kind}, best first';
COMMENT ON COLUMN persona.call_prep.route_rule IS 'the routing rule that wins for the lead (persona.routing_rule), or NULL';
COMMENT ON COLUMN persona.call_prep.route_queue IS 'the queue it sends the lead to';
COMMENT ON COLUMN persona.call_prep.route_owner IS 'the owner it sends the lead to';

GRANT SELECT ON persona.segments, persona.inspection, persona.account_coverage,
	persona.owner_mix, persona.call_prep TO PUBLIC;

-- The reports join these small tables to every lead.  Autovacuum never
-- analyzes a table of a few dozen rows, and the planner takes a table that
-- was never analyzed for ten pages of rows: hundreds of roles, rules and
-- assets per lead, plans costly enough to be JIT-compiled for nothing.
-- Analyzed once, even empty, they are estimated from their real size.
ANALYZE persona.role, persona.profile, persona.content, persona.routing_rule, persona.report_setting;

--
-- Materialized snapshots for dashboards.  A materialized view is computed
-- by REFRESH as its owner, so it holds every row that role can see and
-- applies no reader's row-level security: nothing is granted on them here;
-- grant SELECT to roles that may see every lead.  They belong to the role
-- that runs CREATE EXTENSION, not to the bootstrap superuser
-- that runs the script of a trusted extension: a snapshot holds what its
-- owner may read, never more.
--
CREATE MATERIALIZED VIEW persona.segments_mv AS
SELECT * FROM persona.segments;
CREATE UNIQUE INDEX segments_mv_key ON persona.segments_mv
	(segment, segment_value, persona, seniority, job_function) NULLS NOT DISTINCT;
COMMENT ON MATERIALIZED VIEW persona.segments_mv IS
'snapshot of persona.segments as of the last persona.refresh_reports(); computed as its owner, so readers'' row-level security does not apply';
COMMENT ON INDEX persona.segments_mv_key IS 'one row per segment value, persona, seniority and function; lets REFRESH run CONCURRENTLY';

CREATE MATERIALIZED VIEW persona.inspection_mv AS
SELECT * FROM persona.inspection;
CREATE UNIQUE INDEX inspection_mv_key ON persona.inspection_mv (table_name, row_key, reason);
COMMENT ON MATERIALIZED VIEW persona.inspection_mv IS
'snapshot of persona.inspection as of the last persona.refresh_reports(); computed as its owner, so readers'' row-level security does not apply';
COMMENT ON INDEX persona.inspection_mv_key IS 'one row per lead and reason; lets REFRESH run CONCURRENTLY';

CREATE MATERIALIZED VIEW persona.account_coverage_mv AS
SELECT * FROM persona.account_coverage;
CREATE UNIQUE INDEX account_coverage_mv_key ON persona.account_coverage_mv (account);
COMMENT ON MATERIALIZED VIEW persona.account_coverage_mv IS
'snapshot of persona.account_coverage as of the last persona.refresh_reports(); computed as its owner, so readers'' row-level security does not apply';
COMMENT ON INDEX persona.account_coverage_mv_key IS 'one row per account; lets REFRESH run CONCURRENTLY';

CREATE MATERIALIZED VIEW persona.owner_mix_mv AS
SELECT * FROM persona.owner_mix;
CREATE UNIQUE INDEX owner_mix_mv_key ON persona.owner_mix_mv (owner) NULLS NOT DISTINCT;
COMMENT ON MATERIALIZED VIEW persona.owner_mix_mv IS
'snapshot of persona.owner_mix as of the last persona.refresh_reports(); computed as its owner, so readers'' row-level security does not apply';
COMMENT ON INDEX persona.owner_mix_mv_key IS 'one row per owner; lets REFRESH run CONCURRENTLY';

ALTER MATERIALIZED VIEW persona.segments_mv OWNER TO @extowner@;
ALTER MATERIALIZED VIEW persona.inspection_mv OWNER TO @extowner@;
ALTER MATERIALIZED VIEW persona.account_coverage_mv OWNER TO @extowner@;
ALTER MATERIALIZED VIEW persona.owner_mix_mv OWNER TO @extowner@;

-- Each snapshot column means what the view column means.
DO $$
DECLARE
	c record;
BEGIN
	FOR c IN
		SELECT v.relname AS view_name, a.attname, d.description
		FROM pg_catalog.pg_class v
		JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) v.oid
		JOIN pg_catalog.pg_description d ON d.objoid OPERATOR(pg_catalog.=) v.oid
			AND d.classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
			AND d.objsubid OPERATOR(pg_catalog.=) a.attnum
		WHERE v.relnamespace OPERATOR(pg_catalog.=) 'persona'::pg_catalog.regnamespace
		  AND v.relname OPERATOR(pg_catalog.=) ANY (ARRAY['segments', 'inspection', 'account_coverage', 'owner_mix'])
		  AND a.attnum OPERATOR(pg_catalog.>) 0
	LOOP
		EXECUTE pg_catalog.format('COMMENT ON COLUMN persona.%I.%I IS %L',
			c.view_name OPERATOR(pg_catalog.||) '_mv', c.attname, c.description);
	END LOOP;
END
$$;

-- VOLATILE: it refreshes the snapshots.  Not SECURITY DEFINER: REFRESH
-- needs the snapshots' owner, so only that role (the one that created the
-- extension) and its members can run it, and they refresh as that role.
-- A never-populated snapshot is refreshed plainly first (CONCURRENTLY
-- needs existing data).
CREATE FUNCTION persona.refresh_reports(concurrently boolean DEFAULT true)
RETURNS TABLE (materialized_view pg_catalog.regclass, refreshed_concurrently boolean, row_count pg_catalog.int8)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	mv pg_catalog.regclass;
	conc boolean;
BEGIN
	FOREACH mv IN ARRAY ARRAY['persona.segments_mv', 'persona.inspection_mv',
			'persona.account_coverage_mv', 'persona.owner_mix_mv']::pg_catalog.regclass[] LOOP
		SELECT COALESCE(refresh_reports.concurrently, true) AND c.relispopulated INTO conc
		FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) mv;
		EXECUTE pg_catalog.format('REFRESH MATERIALIZED VIEW %s%s', CASE WHEN conc THEN 'CONCURRENTLY ' ELSE '' END, mv);
		materialized_view := mv;
		refreshed_concurrently := conc;
		EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM %s', mv) INTO row_count;
		RETURN NEXT;
	END LOOP;
END
$$;
COMMENT ON FUNCTION persona.refresh_reports(boolean) IS
'refreshes the report snapshots (segments_mv, inspection_mv, account_coverage_mv, owner_mix_mv), CONCURRENTLY unless told otherwise, so readers are never blocked; only the snapshots'' owner (the role that created the extension) and its members may run it';

--
-- The HTML report: one self-contained page (inline CSS and SVG, no
-- script, no outside file) built from the live views, so each manager's
-- report shows what row-level security lets that manager see.  The markup
-- is also well-formed XML (polyglot HTML5), so it can be parsed by
-- pg_catalog.xmlparse as well as by a browser.
--
CREATE FUNCTION persona.html_escape(txt pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
	txt, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION persona.html_escape(pg_catalog.text) IS
'text escaped for HTML and XML content and attribute values';

-- A horizontal bar chart: one bar per (label, value), value_text written
-- after the bar.
CREATE FUNCTION persona.svg_bars(labels pg_catalog.text[], vals pg_catalog.float8[],
	value_texts pg_catalog.text[], color pg_catalog.text DEFAULT '#3b6fb6',
	max_value pg_catalog.float8 DEFAULT NULL, label_width pg_catalog.int4 DEFAULT 250)
RETURNS pg_catalog.text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	n pg_catalog.int4 := COALESCE(pg_catalog.cardinality(labels), 0);
	top pg_catalog.float8;
	bar_h pg_catalog.int4 := 22;
	left_w pg_catalog.int4 := COALESCE(label_width, 250);
	plot_w pg_catalog.int4 := GREATEST(560 - COALESCE(label_width, 250) - 130, 80);
	out pg_catalog.text;
	w pg_catalog.float8;
	i pg_catalog.int4;
BEGIN
	IF n = 0 THEN
		RETURN '<p class="empty">No data.</p>';
	END IF;
	SELECT GREATEST(COALESCE(max_value, pg_catalog.max(v)), 1e-9) INTO top FROM pg_catalog.unnest(vals) v;
	out := pg_catalog.format('<svg xmlns="http://www.w3.org/2000/svg" role="img" width="560" height="%s" viewBox="0 0 560 %s">',
		n * bar_h + 8, n * bar_h + 8);
	FOR i IN 1 .. n LOOP
		w := GREATEST(COALESCE(vals[i], 0), 0) / top * plot_w;
		out := out || pg_catalog.format(
			'<text x="%s" y="%s" text-anchor="end" class="lbl">%s</text>'
			'<rect x="%s" y="%s" width="%s" height="%s" rx="2" fill="%s"><title>%s: %s</title></rect>'
			'<text x="%s" y="%s" class="val">%s</text>',
			left_w - 6, (i - 1) * bar_h + 16, persona.html_escape(labels[i]),
			left_w, (i - 1) * bar_h + 4, pg_catalog.round(w::pg_catalog.numeric, 1), bar_h - 6, color,
			persona.html_escape(labels[i]), persona.html_escape(value_texts[i]),
			pg_catalog.round((left_w + w + 6)::pg_catalog.numeric, 1), (i - 1) * bar_h + 16,
			persona.html_escape(value_texts[i]));
	END LOOP;
	RETURN out || '</svg>';
END
$$;
COMMENT ON FUNCTION persona.svg_bars(pg_catalog.text[], pg_catalog.float8[], pg_catalog.text[], pg_catalog.text, pg_catalog.float8, pg_catalog.int4) IS
'an inline SVG horizontal bar chart, for persona.report_html()';

-- STABLE: it reads the report views (as the caller, so row-level security
-- applies).  PARALLEL RESTRICTED: it runs queries of its own.
CREATE FUNCTION persona.report_html(title pg_catalog.text DEFAULT 'Persona report')
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	h pg_catalog.text;
	base pg_catalog.jsonb;
	cov pg_catalog.jsonb;
	has_opps boolean;
	total pg_catalog.int8;
	tagged pg_catalog.int8;
	n_accounts pg_catalog.int8;
	avg_completeness pg_catalog.numeric;
	no_dm pg_catalog.int8;
	single pg_catalog.int8;
	at_risk pg_catalog.numeric;
	n_issues pg_catalog.int8;
	active_version pg_catalog.int4 := persona.ruleset_version(persona.ruleset());
	labels pg_catalog.text[];
	vals pg_catalog.float8[];
	texts pg_catalog.text[];
	sens pg_catalog.text[];
	fns pg_catalog.text[];
	cell record;
	hm pg_catalog.text;
	hmax pg_catalog.float8;
	rec record;
	i pg_catalog.int4;
	j pg_catalog.int4;
BEGIN
	-- Leads per persona, seniority and function, read once for the charts.
	SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('persona', x.persona, 'persona_name', x.persona_name,
		'seniority', x.seniority, 'job_function', x.job_function, 'leads', x.leads))
	INTO base
	FROM (SELECT t.persona, CASE WHEN t.persona IS NULL THEN 'Untagged' ELSE COALESCE(p.name, t.persona) END AS persona_name,
			COALESCE(t.seniority::pg_catalog.text, 'unknown') AS seniority,
			COALESCE(t.job_function::pg_catalog.text, 'unknown') AS job_function, pg_catalog.count(*) AS leads
	      FROM persona.tagged_rows t LEFT JOIN persona.profile p ON p.key = t.persona
	      GROUP BY 1, 2, 3, 4) x;
	-- The accounts, read once for the figures, the chart and the table.
	SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('account', c.account, 'owner', c.owner,
		'size_band', c.size_band, 'contacts', c.contacts, 'completeness', c.completeness,
		'missing_role_labels', c.missing_role_labels, 'has_decision_maker', c.has_decision_maker,
		'single_threaded', c.single_threaded, 'pipeline_at_risk', c.pipeline_at_risk))
	INTO cov
	FROM persona.account_coverage c;
	SELECT COALESCE(pg_catalog.sum(s.leads), 0), COALESCE(pg_catalog.sum(s.leads) FILTER (WHERE s.persona IS NOT NULL), 0)
	INTO total, tagged FROM pg_catalog.jsonb_to_recordset(base) AS s(persona pg_catalog.text, leads pg_catalog.int8);
	SELECT pg_catalog.count(*), pg_catalog.avg(c.completeness),
		pg_catalog.count(*) FILTER (WHERE NOT c.has_decision_maker),
		pg_catalog.count(*) FILTER (WHERE c.single_threaded),
		COALESCE(pg_catalog.sum(c.pipeline_at_risk), 0)
	INTO n_accounts, avg_completeness, no_dm, single, at_risk
	FROM pg_catalog.jsonb_to_recordset(cov) AS c(completeness pg_catalog.numeric, has_decision_maker boolean,
		single_threaded boolean, pipeline_at_risk pg_catalog.numeric);

	h := '<!DOCTYPE html>' || E'\n'
		|| '<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/>'
		|| '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
		|| '<title>' || persona.html_escape(title) || '</title>'
		|| '<style>'
		|| 'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px;color:#1d2733;background:#f6f7f9}'
		|| 'h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:0 0 10px}.sub{color:#5b6675;margin:0 0 18px}'
		|| '.kpis{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:18px}'
		|| '.kpi{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:10px 14px;min-width:150px}'
		|| '.kpi b{display:block;font-size:22px}.kpi span{color:#5b6675;font-size:12px}'
		|| '.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(600px,1fr));gap:16px}'
		|| 'section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:14px 16px}'
		|| 'svg text{font-size:12px;fill:#1d2733}svg .lbl{fill:#33404f}svg .val{fill:#5b6675}svg .axis{font-size:11px;fill:#5b6675}svg .dark{fill:#fff}'
		|| 'table{border-collapse:collapse;font-size:12px;width:100%}th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #e6e9ee}'
		|| 'th{color:#5b6675;font-weight:600}th.n,td.n{text-align:right;font-variant-numeric:tabular-nums}.empty,.note{color:#5b6675;font-size:12px}'
		|| '</style></head><body>'
		|| '<h1>' || persona.html_escape(title) || '</h1>'
		|| '<p class="sub">' || persona.html_escape(pg_catalog.format('Generated %s by %s from the persona views; ruleset version %s.',
			pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'), CURRENT_USER,
			COALESCE(active_version::pg_catalog.text, 'none (nothing published)'))) || '</p>';

	-- Key figures.
	h := h || '<div class="kpis">'
		|| pg_catalog.format('<div class="kpi"><b>%s</b><span>leads</span></div>', total)
		|| pg_catalog.format('<div class="kpi"><b>%s%%</b><span>tagged with a persona</span></div>',
			CASE WHEN total = 0 THEN 0 ELSE pg_catalog.round(100.0 * tagged / total, 1) END)
		|| pg_catalog.format('<div class="kpi"><b>%s</b><span>accounts</span></div>', n_accounts)
		|| pg_catalog.format('<div class="kpi"><b>%s%%</b><span>average committee completeness</span></div>',
			COALESCE(pg_catalog.round(100 * avg_completeness, 1), 0))
		|| pg_catalog.format('<div class="kpi"><b>%s</b><span>accounts without a decision maker</span></div>', no_dm)
		|| pg_catalog.format('<div class="kpi"><b>%s</b><span>single-threaded accounts</span></div>', single)
		|| CASE WHEN EXISTS (SELECT FROM persona.opportunity_source) THEN
			pg_catalog.format('<div class="kpi"><b>%s</b><span>open pipeline on accounts without a decision maker</span></div>',
				persona.html_escape(pg_catalog.to_char(at_risk, 'FM999,999,999,990'))) ELSE '' END
		|| '</div><div class="grid">';

	-- Persona mix.
	SELECT pg_catalog.array_agg(x.name ORDER BY x.persona IS NULL, x.leads DESC, x.name),
		pg_catalog.array_agg(x.leads::pg_catalog.float8 ORDER BY x.persona IS NULL, x.leads DESC, x.name),
		pg_catalog.array_agg(pg_catalog.format('%s (%s%%)', x.leads, pg_catalog.round(100.0 * x.leads / GREATEST(total, 1), 1))
			ORDER BY x.persona IS NULL, x.leads DESC, x.name)
	INTO labels, vals, texts
	FROM (SELECT s.persona, pg_catalog.min(s.persona_name) AS name, pg_catalog.sum(s.leads) AS leads
	      FROM pg_catalog.jsonb_to_recordset(base) AS s(persona pg_catalog.text, persona_name pg_catalog.text, seniority pg_catalog.text, job_function pg_catalog.text, leads pg_catalog.int8) GROUP BY s.persona) x;
	h := h || '<section id="persona-mix"><h2>Persona mix</h2>' || persona.svg_bars(labels, vals, texts) || '</section>';

	-- Seniority x function heatmap: seniorities top-down, the ten largest
	-- functions left to right.
	SELECT pg_catalog.array_agg(x.f ORDER BY x.n DESC, x.f) INTO fns FROM (
		SELECT COALESCE(s.job_function::pg_catalog.text, 'unknown') AS f, pg_catalog.sum(s.leads) AS n
		FROM pg_catalog.jsonb_to_recordset(base) AS s(persona pg_catalog.text, persona_name pg_catalog.text, seniority pg_catalog.text, job_function pg_catalog.text, leads pg_catalog.int8) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10) x;
	sens := ARRAY(SELECT u.e::pg_catalog.text
		FROM pg_catalog.unnest(pg_catalog.enum_range(NULL::persona.seniority)) WITH ORDINALITY AS u(e, o)
		ORDER BY u.o DESC) || ARRAY['unknown'];
	SELECT GREATEST(pg_catalog.max(x.n), 1) INTO hmax FROM (
		SELECT pg_catalog.sum(s.leads) AS n FROM pg_catalog.jsonb_to_recordset(base) AS s(persona pg_catalog.text, persona_name pg_catalog.text, seniority pg_catalog.text, job_function pg_catalog.text, leads pg_catalog.int8)
		GROUP BY s.seniority, s.job_function) x;
	h := h || '<section id="heatmap"><h2>Seniority &#215; job function (leads)</h2>';
	IF COALESCE(pg_catalog.cardinality(fns), 0) = 0 THEN
		h := h || '<p class="empty">No data.</p>';
	ELSE
		hm := pg_catalog.format('<svg xmlns="http://www.w3.org/2000/svg" role="img" width="%s" height="%s" viewBox="0 0 %s %s">',
			140 + 46 * pg_catalog.cardinality(fns), 110 + 20 * pg_catalog.cardinality(sens),
			140 + 46 * pg_catalog.cardinality(fns), 110 + 20 * pg_catalog.cardinality(sens));
		FOR j IN 1 .. pg_catalog.cardinality(fns) LOOP
			hm := hm || pg_catalog.format('<text class="axis" transform="translate(%s,100) rotate(-45)">%s</text>',
				80 + 46 * (j - 1) + 22, persona.html_escape(pg_catalog.replace(fns[j], '_', ' ')));
		END LOOP;
		FOR i IN 1 .. pg_catalog.cardinality(sens) LOOP
			hm := hm || pg_catalog.format('<text class="axis" x="74" y="%s" text-anchor="end">%s</text>',
				110 + 20 * (i - 1) + 14, sens[i]);
		END LOOP;
		FOR cell IN
			SELECT COALESCE(s.seniority::pg_catalog.text, 'unknown') AS sen,
				COALESCE(s.job_function::pg_catalog.text, 'unknown') AS fn, pg_catalog.sum(s.leads) AS n
			FROM pg_catalog.jsonb_to_recordset(base) AS s(persona pg_catalog.text, persona_name pg_catalog.text, seniority pg_catalog.text, job_function pg_catalog.text, leads pg_catalog.int8) GROUP BY 1, 2
		LOOP
			i := pg_catalog.array_position(sens, cell.sen);
			j := pg_catalog.array_position(fns, cell.fn);
			CONTINUE WHEN i IS NULL OR j IS NULL;
			hm := hm || pg_catalog.format(
				'<rect x="%s" y="%s" width="44" height="18" fill="#1f5fa8" fill-opacity="%s"><title>%s, %s: %s leads</title></rect>'
				'<text x="%s" y="%s" text-anchor="middle" class="%s">%s</text>',
				80 + 46 * (j - 1), 110 + 20 * (i - 1),
				pg_catalog.round((0.08 + 0.92 * pg_catalog.sqrt(cell.n / hmax))::pg_catalog.numeric, 3),
				cell.sen, persona.html_escape(cell.fn), cell.n,
				80 + 46 * (j - 1) + 22, 110 + 20 * (i - 1) + 13,
				CASE WHEN cell.n / hmax > 0.3 THEN 'axis dark' ELSE 'axis' END, cell.n);
		END LOOP;
		h := h || hm || '</svg>';
	END IF;
	h := h || '</section>';

	-- Coverage by account size band.
	SELECT pg_catalog.array_agg(x.band ORDER BY x.o), pg_catalog.array_agg(x.c ORDER BY x.o),
		pg_catalog.array_agg(pg_catalog.format('%s%% complete, %s%% with DM (%s)', pg_catalog.round((100 * x.c)::pg_catalog.numeric, 1), pg_catalog.round(x.dm), x.n) ORDER BY x.o)
	INTO labels, vals, texts
	FROM (SELECT c.size_band AS band, pg_catalog.avg(c.completeness)::pg_catalog.float8 AS c,
			pg_catalog.round(100.0 * pg_catalog.count(*) FILTER (WHERE c.has_decision_maker) / pg_catalog.count(*), 1) AS dm,
			pg_catalog.count(*) AS n,
			pg_catalog.array_position(ARRAY['1-49', '50-249', '250-999', '1000+', 'unknown'], c.size_band) AS o
	      FROM pg_catalog.jsonb_to_recordset(cov) AS c(size_band pg_catalog.text, completeness pg_catalog.numeric,
			has_decision_maker boolean)
	      GROUP BY c.size_band) x;
	h := h || '<section id="coverage"><h2>Buying-committee completeness by company size</h2>'
		|| '<p class="note">Average weighted share of required roles filled; share of accounts with a decision maker (DM); accounts.</p>'
		|| persona.svg_bars(ARRAY(SELECT l || ' employees' FROM pg_catalog.unnest(labels) l), vals, texts, '#2e8b57', 1.0, 130)
		|| '</section>';

	-- Inspection counts.
	SELECT pg_catalog.array_agg(r.reason ORDER BY r.o), pg_catalog.array_agg(COALESCE(x.n, 0)::pg_catalog.float8 ORDER BY r.o),
		pg_catalog.array_agg(COALESCE(x.n, 0)::pg_catalog.text ORDER BY r.o), COALESCE(pg_catalog.sum(x.n), 0)
	INTO labels, vals, texts, n_issues
	FROM pg_catalog.unnest(ARRAY['missing_title', 'untagged', 'low_score', 'close_runner_up', 'stale_ruleset',
			'override_disagrees']) WITH ORDINALITY AS r(reason, o)
	LEFT JOIN (SELECT i.reason, pg_catalog.count(*) AS n FROM persona.inspection i GROUP BY i.reason) x
		ON x.reason = r.reason;
	h := h || '<section id="inspection"><h2>What needs a look (' || n_issues || ' findings)</h2>'
		|| persona.svg_bars(ARRAY(SELECT pg_catalog.replace(l, '_', ' ') FROM pg_catalog.unnest(labels) l), vals, texts, '#c0632b', NULL, 150)
		|| '</section>';

	-- Accounts to work on: without a decision maker, the most pipeline at
	-- risk first (with an opportunity table mapped), then the largest.
	has_opps := EXISTS (SELECT FROM persona.opportunity_source);
	h := h || '<section id="accounts"><h2>Accounts without a decision maker'
		|| CASE WHEN has_opps THEN ' (most pipeline at risk first)' ELSE ' (most contacts first)' END || '</h2>'
		|| '<table><thead><tr><th>account</th><th>owner</th><th>size</th><th class="n">contacts</th>'
		|| '<th class="n">complete</th><th>missing roles</th>'
		|| CASE WHEN has_opps THEN '<th class="n">at risk</th>' ELSE '' END || '</tr></thead><tbody>';
	FOR rec IN
		SELECT c.* FROM pg_catalog.jsonb_to_recordset(cov) AS c(account pg_catalog.text, owner pg_catalog.text,
			size_band pg_catalog.text, contacts pg_catalog.int8, completeness pg_catalog.numeric,
			missing_role_labels pg_catalog.text, has_decision_maker boolean, pipeline_at_risk pg_catalog.numeric)
		WHERE NOT c.has_decision_maker
		ORDER BY c.pipeline_at_risk DESC, c.contacts DESC, c.account LIMIT 10
	LOOP
		h := h || pg_catalog.format('<tr><td>%s</td><td>%s</td><td>%s</td><td class="n">%s</td><td class="n">%s%%</td><td>%s</td>%s</tr>',
			persona.html_escape(rec.account), persona.html_escape(COALESCE(rec.owner, '')), rec.size_band,
			rec.contacts, pg_catalog.round(100 * rec.completeness, 0), persona.html_escape(rec.missing_role_labels),
			CASE WHEN has_opps THEN pg_catalog.format('<td class="n">%s</td>',
				persona.html_escape(pg_catalog.to_char(rec.pipeline_at_risk, 'FM999,999,999,990'))) ELSE '' END);
	END LOOP;
	h := h || '</tbody></table></section>';

	-- Owners.
	h := h || '<section id="owners"><h2>Owners</h2>'
		|| '<table><thead><tr><th>owner</th><th class="n">leads</th><th class="n">untagged</th>'
		|| '<th class="n">overrides</th><th>top persona</th><th class="n">avg score</th></tr></thead><tbody>';
	FOR rec IN SELECT o.* FROM persona.owner_mix o ORDER BY o.leads DESC, o.owner LIMIT 15 LOOP
		h := h || pg_catalog.format('<tr><td>%s</td><td class="n">%s</td><td class="n">%s%%</td><td class="n">%s</td><td>%s</td><td class="n">%s</td></tr>',
			persona.html_escape(COALESCE(rec.owner, '(none)')), rec.leads, pg_catalog.round(100 * rec.untagged_share, 1),
			rec.overrides, persona.html_escape(COALESCE(rec.top_persona, '')), COALESCE(rec.avg_score::pg_catalog.text, ''));
	END LOOP;
	h := h || '</tbody></table></section>';

	RETURN h || '</div></body></html>' || E'\n';
END
$$;
COMMENT ON FUNCTION persona.report_html(pg_catalog.text) IS
'a self-contained HTML page (inline SVG charts: persona mix, seniority x function heatmap, committee completeness by company size, inspection counts; tables of accounts and owners) built from the live report views as the caller, so row-level security applies';

--
-- Privileges.  persona is a trusted extension: a role with CREATE on the
-- database may install it, and the script then runs as the bootstrap
-- superuser, who owns what it creates.  So the grants are explicit:
--
--   PUBLIC       reads the configuration (matching, the trigger and the
--                reports read it as the calling role) and the report views,
--                which are security_invoker: what a role sees through them
--                is what it may read in the CRM tables;
--   @extowner@   (the role that ran CREATE EXTENSION) may do everything, and
--                grant it on: edit profiles, lexicon, roles, rules, routing,
--                content and settings, publish, attach, re-tag, read the
--                audit.
--
-- The audit is not readable by PUBLIC: it names people.  README, "Security
-- and reliability", lists these grants and test/t/007_trusted.pl checks
-- them exactly.
--
GRANT USAGE ON SCHEMA persona TO PUBLIC;
-- (Each report table and view grants SELECT to PUBLIC where it is made.)
GRANT SELECT ON persona.lexicon, persona.attached, persona.retag_progress,
	persona.retag_status TO PUBLIC;
GRANT ALL ON persona.lexicon, persona.profile, persona.role, persona.role_rule,
	persona.setting, persona.ruleset_version, persona.attached, persona.audit,
	persona.retag_progress, persona.report_setting, persona.opportunity_source,
	persona.routing_rule, persona.routing_target, persona.content
	TO @extowner@ WITH GRANT OPTION;
GRANT ALL ON SEQUENCE persona.audit_id_seq TO @extowner@ WITH GRANT OPTION;

CREATE EVENT TRIGGER persona_forget_dropped_tables ON sql_drop
EXECUTE FUNCTION persona.forget_dropped_tables();
COMMENT ON EVENT TRIGGER persona_forget_dropped_tables IS
'forgets the attachment, routing and opportunity mapping of dropped tables';
