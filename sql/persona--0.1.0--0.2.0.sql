/* persona--0.1.0--0.2.0.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION persona UPDATE TO '0.2.0'" to load this file. \quit

/*
 * A fresh install of 0.2.0 runs persona--0.1.0.sql and then this script, as
 * PostgreSQL's contrib modules do: one path builds every installation, and
 * test/t/008_upgrade.pl checks that an installation upgraded under user
 * objects ends up with the same catalog as a fresh one.
 *
 * Written like the install script for a trusted extension: plain CREATE,
 * every name schema-qualified, built-ins reached through pg_catalog.
 */

--
-- Scalar matching.  persona.match returns a row; a query that wants only
-- the persona pays for building that row, and postgres_fdw (which does not
-- ship a field selection such as (persona.match(...)).persona) computes a
-- filter on it on the coordinator.  match_persona returns the persona key
-- alone: nothing to build, and shipped to a shard whole.
--
CREATE FUNCTION persona.match_persona(ruleset persona.ruleset,
	title pg_catalog.text,
	department pg_catalog.text DEFAULT NULL,
	industry pg_catalog.text DEFAULT NULL,
	employees pg_catalog.int4 DEFAULT NULL,
	country pg_catalog.text DEFAULT NULL,
	attrs pg_catalog.jsonb DEFAULT NULL)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'persona_match_persona'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION persona.match_persona(persona.ruleset, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, pg_catalog.text, pg_catalog.jsonb) IS
'the best persona of a lead under the given ruleset (NULL when none reaches its min_score): (persona.match(...)).persona as a scalar';

-- STABLE: it reads the active ruleset (persona.ruleset_version).
CREATE FUNCTION persona.match_persona(title pg_catalog.text,
	department pg_catalog.text DEFAULT NULL,
	industry pg_catalog.text DEFAULT NULL,
	employees pg_catalog.int4 DEFAULT NULL,
	country pg_catalog.text DEFAULT NULL,
	attrs pg_catalog.jsonb DEFAULT NULL)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'persona_match_persona_active'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION persona.match_persona(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, pg_catalog.text, pg_catalog.jsonb) IS
'the best persona of a lead under the active ruleset (NULL when none reaches its min_score): (persona.match(...)).persona as a scalar';

--
-- persona.override locks the row itself.  In 0.1.0 the lock came only from
-- the trigger seeing the persona or role change, so an override that
-- confirmed the rules' own answer left the row unlocked, and the next
-- publish and retag could overwrite the rep's decision.
--
CREATE OR REPLACE FUNCTION persona.override(tbl pg_catalog.regclass, row_key pg_catalog.text,
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
	-- The trigger audits a change of persona or role as manual; the lock is
	-- set here too, so a confirmation of the current tag is kept as well.
	EXECUTE pg_catalog.format('UPDATE %s SET %I = COALESCE($1, %I), %I = COALESCE($2, %I), %I = true '
		'WHERE %I::pg_catalog.text OPERATOR(pg_catalog.=) $3',
		tbl, reg.persona_column, reg.persona_column, reg.role_column, reg.role_column,
		reg.locked_column, reg.key_column)
	USING persona, role, row_key;
	GET DIAGNOSTICS n = ROW_COUNT;
	IF n OPERATOR(pg_catalog.=) 0 THEN
		RAISE EXCEPTION 'no row of % has % = %', tbl, reg.key_column, row_key USING ERRCODE = '22023',
			HINT = 'Pass the row''s key column value as text.';
	END IF;
END
$$;

--
-- What stores results of persona's functions.  The title functions and
-- persona.match are IMMUTABLE for a given library, but a release may
-- classify some titles differently (0.2.0 does: a larger lexicon).  Indexes,
-- stored generated columns and materialized views built by the old library
-- then hold old answers, and attached tables old tags under an unchanged
-- ruleset version, until they are rebuilt.  This lists them with the
-- command that rebuilds each.
--
CREATE FUNCTION persona.stored_results()
RETURNS TABLE (object pg_catalog.text, kind pg_catalog.text, rebuild pg_catalog.text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	WITH dependent AS (
		SELECT DISTINCT d.classid, d.objid
		FROM pg_catalog.pg_depend d
		JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) d.refobjid
		WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
		  AND d.deptype OPERATOR(pg_catalog.=) 'n'
		  AND p.pronamespace OPERATOR(pg_catalog.=) 'persona'::pg_catalog.regnamespace)
	SELECT c.oid::pg_catalog.regclass::pg_catalog.text, 'index',
	       pg_catalog.format('REINDEX INDEX %s', c.oid::pg_catalog.regclass)
	FROM dependent JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) dependent.objid
	WHERE dependent.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
	  AND c.relkind OPERATOR(pg_catalog.=) ANY (ARRAY['i', 'I']::pg_catalog."char"[])
	  AND c.relnamespace OPERATOR(pg_catalog.<>) 'persona'::pg_catalog.regnamespace
	UNION ALL
	-- An UPDATE recomputes a stored generated column when a column its
	-- expression reads is assigned.
	SELECT pg_catalog.format('%s.%I', ad.adrelid::pg_catalog.regclass, a.attname), 'generated column',
	       pg_catalog.format('UPDATE %s SET %I = %I', ad.adrelid::pg_catalog.regclass, base.attname, base.attname)
	FROM dependent
	JOIN pg_catalog.pg_attrdef ad ON ad.oid OPERATOR(pg_catalog.=) dependent.objid
	JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) ad.adrelid AND a.attnum OPERATOR(pg_catalog.=) ad.adnum
	CROSS JOIN LATERAL (
		SELECT b.attname FROM pg_catalog.pg_depend bd
		JOIN pg_catalog.pg_attribute b ON b.attrelid OPERATOR(pg_catalog.=) bd.refobjid AND b.attnum OPERATOR(pg_catalog.=) bd.refobjsubid
		WHERE bd.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_attrdef'::pg_catalog.regclass
		  AND bd.objid OPERATOR(pg_catalog.=) ad.oid
		  AND bd.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
		  AND bd.refobjsubid OPERATOR(pg_catalog.>) 0
		ORDER BY b.attnum LIMIT 1) base
	WHERE dependent.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_attrdef'::pg_catalog.regclass
	  AND a.attgenerated OPERATOR(pg_catalog.=) 's'
	UNION ALL
	SELECT DISTINCT r.ev_class::pg_catalog.regclass::pg_catalog.text, 'materialized view',
	       pg_catalog.format('REFRESH MATERIALIZED VIEW %s', r.ev_class::pg_catalog.regclass)
	FROM dependent
	JOIN pg_catalog.pg_rewrite r ON r.oid OPERATOR(pg_catalog.=) dependent.objid
	JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) r.ev_class
	WHERE dependent.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
	  AND c.relkind OPERATOR(pg_catalog.=) 'm'
	  AND c.relnamespace OPERATOR(pg_catalog.<>) 'persona'::pg_catalog.regnamespace
	UNION ALL
	SELECT a.table_name::pg_catalog.text, 'attached table',
	       pg_catalog.format('CALL persona.retag(%L, all_rows => true)', a.table_name)
	FROM persona.attached a
	UNION ALL
	-- persona's report snapshots hold tags: refresh them after the retags.
	SELECT 'persona report snapshots', 'report snapshots', 'SELECT persona.refresh_reports()'
	WHERE EXISTS (SELECT FROM persona.attached)
	ORDER BY 2, 1
$$;
COMMENT ON FUNCTION persona.stored_results() IS
'the indexes, stored generated columns, materialized views, attached tables and report snapshots that hold results of persona''s functions, with the command that rebuilds each (in this order) after an update that changes classification';

-- This update changes classification: say what to rebuild.  A WARNING,
-- as extension scripts run with client_min_messages at least warning.
DO $$
DECLARE
	n pg_catalog.int8;
	commands pg_catalog.text;
BEGIN
	SELECT pg_catalog.count(*), pg_catalog.string_agg(s.rebuild, E';\n')
	INTO n, commands
	FROM persona.stored_results() s;
	IF n OPERATOR(pg_catalog.>) 0 THEN
		RAISE WARNING 'persona 0.2.0 classifies some job titles differently from 0.1.0; % objects hold answers of the old version', n
			USING DETAIL = commands OPERATOR(pg_catalog.||) ';',
			      HINT = 'Run these commands to rebuild them; SELECT * FROM persona.stored_results() lists them again.';
	END IF;
END
$$;
