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
