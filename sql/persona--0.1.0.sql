/* persona--0.1.0.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION persona" to load this file. \quit

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
		CHECK (pg_catalog.btrim(term) OPERATOR(pg_catalog.<>) ''),
	canonical pg_catalog.text
		CONSTRAINT lexicon_canonical_not_blank
		CHECK (pg_catalog.btrim(canonical) OPERATOR(pg_catalog.<>) ''),
	seniority persona.seniority,
	job_function persona.job_function,
	subfunction pg_catalog.text
		CONSTRAINT lexicon_subfunction_not_blank
		CHECK (pg_catalog.btrim(subfunction) OPERATOR(pg_catalog.<>) ''),
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
		   OR pg_catalog.btrim(e.item, E' \t\n\r\f\v') OPERATOR(pg_catalog.=) '')
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
		WHERE pg_catalog.btrim(e.key, E' \t\n\r\f\v') OPERATOR(pg_catalog.=) ''
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
		CHECK (pg_catalog.btrim(name, E' \t\n\r\f\v') OPERATOR(pg_catalog.<>) ''),
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
		CHECK (pg_catalog.btrim(label, E' \t\n\r\f\v') OPERATOR(pg_catalog.<>) ''),
	required boolean NOT NULL DEFAULT false,
	weight real NOT NULL DEFAULT 1
		CONSTRAINT role_weight_range
		CHECK (weight OPERATOR(pg_catalog.>=) 0
			   AND weight OPERATOR(pg_catalog.<) 'Infinity'::real),
	display_order pg_catalog.int4 NOT NULL DEFAULT 1000,
	sfdc_role pg_catalog.text NOT NULL DEFAULT 'Other'
		CONSTRAINT role_sfdc_role_not_blank
		CHECK (pg_catalog.btrim(sfdc_role, E' \t\n\r\f\v') OPERATOR(pg_catalog.<>) ''),
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
	IF title IS NULL THEN
		RAISE EXCEPTION 'the title column is required' USING ERRCODE = '22023',
			HINT = 'Call persona.attach(''my_table'', title => ''title_column'', ...).';
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
			IF NOT outputs ? out_key THEN
				RAISE EXCEPTION 'unknown output column "%"', out_key USING ERRCODE = '22023',
					HINT = 'The output columns are persona, score, role, seniority, job_function, ruleset_version, locked and tagged_at.';
			END IF;
		END LOOP;
		outputs := outputs OPERATOR(pg_catalog.||) output_columns;
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
LANGUAGE plpgsql STABLE PARALLEL UNSAFE
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
-- of the reports.  A view cannot name a changing list of tables, so this
-- one is rebuilt whenever persona.attached changes (attach, detach, and a
-- pg_restore of the registry, which fires the same trigger).  It is
-- security_invoker, so row-level security on the CRM tables applies to
-- whoever reads it.
--
CREATE VIEW persona.tagged_rows WITH (security_invoker = true) AS
SELECT NULL::pg_catalog.regclass AS table_name, NULL::pg_catalog.text AS row_key,
	NULL::pg_catalog.text AS title, NULL::pg_catalog.text AS department,
	NULL::pg_catalog.text AS industry, NULL::pg_catalog.int8 AS employees,
	NULL::pg_catalog.text AS country, NULL::pg_catalog.text AS account,
	NULL::pg_catalog.text AS owner, NULL::pg_catalog.jsonb AS attrs,
	NULL::pg_catalog.jsonb AS segments, NULL::pg_catalog.text AS persona,
	NULL::pg_catalog.float4 AS score, NULL::pg_catalog.text AS role,
	NULL::persona.seniority AS seniority, NULL::persona.job_function AS job_function,
	NULL::pg_catalog.int4 AS ruleset_version, NULL::boolean AS locked,
	NULL::pg_catalog.timestamptz AS tagged_at
WHERE false;
COMMENT ON VIEW persona.tagged_rows IS
'the rows of every attached table in one shape (mapped columns, segments as jsonb, tags); rebuilt by attach and detach';

-- SECURITY DEFINER: the view belongs to the extension's owner, and any
-- role allowed to attach a table must be able to have it rebuilt.  Every
-- name comes from persona.attached, where attach() checked it, and is
-- quoted with %I.
CREATE FUNCTION persona.rebuild_tagged_rows()
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	reg persona.attached;
	parts pg_catalog.text[] := '{}';
	segs pg_catalog.text;
	body pg_catalog.text;
BEGIN
	FOR reg IN SELECT * FROM persona.attached a ORDER BY a.table_name::pg_catalog.text LOOP
		SELECT COALESCE('pg_catalog.jsonb_build_object(' ||
			pg_catalog.string_agg(pg_catalog.format('%L, t.%I', s, s), ', ') || ')', '''{}''::pg_catalog.jsonb')
		INTO segs FROM pg_catalog.unnest(reg.segment_columns) s;
		parts := parts || pg_catalog.format(
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
		body := 'SELECT NULL::pg_catalog.regclass, NULL::pg_catalog.text, NULL::pg_catalog.text, '
			'NULL::pg_catalog.text, NULL::pg_catalog.text, NULL::pg_catalog.int8, NULL::pg_catalog.text, '
			'NULL::pg_catalog.text, NULL::pg_catalog.text, NULL::pg_catalog.jsonb, NULL::pg_catalog.jsonb, '
			'NULL::pg_catalog.text, NULL::pg_catalog.float4, NULL::pg_catalog.text, NULL::persona.seniority, '
			'NULL::persona.job_function, NULL::pg_catalog.int4, NULL::boolean, NULL::pg_catalog.timestamptz WHERE false';
	ELSE
		body := pg_catalog.array_to_string(parts, ' UNION ALL ');
	END IF;
	EXECUTE 'CREATE OR REPLACE VIEW persona.tagged_rows (table_name, row_key, title, department, '
		'industry, employees, country, account, owner, attrs, segments, persona, score, role, '
		'seniority, job_function, ruleset_version, locked, tagged_at) '
		'WITH (security_invoker = true) AS ' || body;
END
$$;
COMMENT ON FUNCTION persona.rebuild_tagged_rows() IS
'rebuilds persona.tagged_rows over every attached table';

CREATE FUNCTION persona.attached_changed()
RETURNS trigger
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM persona.rebuild_tagged_rows();
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION persona.attached_changed() IS
'trigger function: rebuilds persona.tagged_rows when persona.attached changes';

CREATE TRIGGER attached_changed
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON persona.attached
FOR EACH STATEMENT EXECUTE FUNCTION persona.attached_changed();
