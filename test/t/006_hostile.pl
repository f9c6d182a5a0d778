# A hostile database: before persona is installed, an attacker role puts
# in schema public functions with the names persona's SQL uses
# (title_seniority, match, lower, btrim, format, count, ...), "=" operators
# for text, integer and bigint, and tables named like persona's (and temp
# tables, for the retag procedure, which has no SET search_path); each
# attacker function and operator writes a row into a canary table when it
# is called.  Then, with search_path 'public, pg_catalog' (the attacker's
# objects first) and with search_path '', a superuser installs persona (or
# installs the oldest release and updates it) and uses all of it:
# profiles, lexicon, publish, attach, trigger inserts and updates,
# overrides, preview, retag, detach, matching, and every view in schema
# persona.  Everything must work and the canary must stay empty; a
# row in it names the attacker object that persona called.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('hostile');
$node->init;
$node->start;

# The attacker's objects, in a template so each database starts with them.
$node->safe_psql('postgres', q{
	CREATE ROLE attacker LOGIN;
	CREATE DATABASE hostile_template;
});
$node->safe_psql('hostile_template', q{
	GRANT CREATE ON SCHEMA public TO attacker;
	SET ROLE attacker;
	CREATE TABLE public.canary (what text, called_at timestamptz DEFAULT now());
	GRANT INSERT, SELECT ON public.canary TO PUBLIC;
	CREATE FUNCTION public.trap(what text) RETURNS void LANGUAGE sql
		AS $$ INSERT INTO public.canary (what) VALUES (what || ' in: ' || pg_catalog.left(pg_catalog.current_query(), 300)) $$;

	-- Same-named functions, each a working copy that leaves a trace.
	CREATE FUNCTION public.title_seniority(t text) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.title_seniority(text)'); SELECT 'board'::text $$;
	CREATE FUNCTION public.title_function(t text) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.title_function(text)'); SELECT 'sales'::text $$;
	CREATE FUNCTION public.match(t text) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.match(text)'); SELECT 'owned'::text $$;
	CREATE FUNCTION public.match_persona(t text) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.match_persona(text)'); SELECT 'owned'::text $$;
	CREATE FUNCTION public.compile(v int DEFAULT NULL) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.compile(int)'); SELECT NULL::text $$;
	CREATE FUNCTION public.ruleset() RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.ruleset()'); SELECT NULL::text $$;
	CREATE FUNCTION public.lower(t text) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.lower(text)'); SELECT pg_catalog.lower(t) $$;
	CREATE FUNCTION public.upper(t text) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.upper(text)'); SELECT pg_catalog.upper(t) $$;
	CREATE FUNCTION public.btrim(t text) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.btrim(text)'); SELECT pg_catalog.btrim(t) $$;
	CREATE FUNCTION public.btrim(t text, c text) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.btrim(text,text)'); SELECT pg_catalog.btrim(t, c) $$;
	CREATE FUNCTION public.length(t text) RETURNS int LANGUAGE sql
		AS $$ SELECT public.trap('public.length(text)'); SELECT pg_catalog.length(t) $$;
	CREATE FUNCTION public.format(f text) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.format(text)'); SELECT pg_catalog.format(f) $$;
	CREATE FUNCTION public.format(f text, a text) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.format(text,text)'); SELECT pg_catalog.format(f, a) $$;
	CREATE FUNCTION public.format(f text, a text, b text) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.format(text,text,text)'); SELECT pg_catalog.format(f, a, b) $$;
	CREATE FUNCTION public.quote_ident(t text) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.quote_ident(text)'); SELECT pg_catalog.quote_ident(t) $$;
	CREATE FUNCTION public.now() RETURNS timestamptz LANGUAGE sql
		AS $$ SELECT public.trap('public.now()'); SELECT pg_catalog.now() $$;
	CREATE FUNCTION public.cardinality(a anyarray) RETURNS int LANGUAGE sql
		AS $$ SELECT public.trap('public.cardinality(anyarray)'); SELECT pg_catalog.cardinality(a) $$;
	CREATE FUNCTION public.array_length(a anyarray, d int) RETURNS int LANGUAGE sql
		AS $$ SELECT public.trap('public.array_length(anyarray,int)'); SELECT pg_catalog.array_length(a, d) $$;
	CREATE FUNCTION public.jsonb_build_object(a text, b text) RETURNS jsonb LANGUAGE sql
		AS $$ SELECT public.trap('public.jsonb_build_object(text,text)'); SELECT pg_catalog.jsonb_build_object(a, b) $$;
	CREATE FUNCTION public.to_jsonb(a anyelement) RETURNS jsonb LANGUAGE sql
		AS $$ SELECT public.trap('public.to_jsonb(anyelement)'); SELECT pg_catalog.to_jsonb(a) $$;
	CREATE FUNCTION public.clock_timestamp() RETURNS timestamptz LANGUAGE sql
		AS $$ SELECT public.trap('public.clock_timestamp()'); SELECT pg_catalog.clock_timestamp() $$;
	CREATE FUNCTION public.isempty(r anyrange) RETURNS boolean LANGUAGE sql
		AS $$ SELECT public.trap('public.isempty(anyrange)'); SELECT pg_catalog.isempty(r) $$;
	CREATE FUNCTION public.count_trap(c bigint, x anyelement) RETURNS bigint LANGUAGE sql
		AS $$ SELECT public.trap('public.count(anyelement)'); SELECT c + 1 $$;
	CREATE AGGREGATE public.count(anyelement) (SFUNC = public.count_trap, STYPE = bigint, INITCOND = '0');
	CREATE FUNCTION public.max_trap(c text, x text) RETURNS text LANGUAGE sql
		AS $$ SELECT public.trap('public.max(text)'); SELECT pg_catalog.max(v) FROM (VALUES (c), (x)) s(v) $$;
	CREATE AGGREGATE public.max(text) (SFUNC = public.max_trap, STYPE = text);

	-- "=" (and "<>") for text, integer and bigint.
	CREATE FUNCTION public.text_eq(a text, b text) RETURNS boolean LANGUAGE sql
		AS $$ SELECT public.trap('public.=(text,text)'); SELECT a OPERATOR(pg_catalog.=) b $$;
	CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.text_eq);
	CREATE FUNCTION public.text_ne(a text, b text) RETURNS boolean LANGUAGE sql
		AS $$ SELECT public.trap('public.<>(text,text)'); SELECT a OPERATOR(pg_catalog.<>) b $$;
	CREATE OPERATOR public.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = public.text_ne);
	CREATE FUNCTION public.int_eq(a int, b int) RETURNS boolean LANGUAGE sql
		AS $$ SELECT public.trap('public.=(int,int)'); SELECT a OPERATOR(pg_catalog.=) b $$;
	CREATE OPERATOR public.= (LEFTARG = int, RIGHTARG = int, FUNCTION = public.int_eq);
	CREATE FUNCTION public.int8_eq(a bigint, b bigint) RETURNS boolean LANGUAGE sql
		AS $$ SELECT public.trap('public.=(bigint,bigint)'); SELECT a OPERATOR(pg_catalog.=) b $$;
	CREATE OPERATOR public.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = public.int8_eq);
	CREATE FUNCTION public.int_ge(a int, b int) RETURNS boolean LANGUAGE sql
		AS $$ SELECT public.trap('public.>=(int,int)'); SELECT a OPERATOR(pg_catalog.>=) b $$;
	CREATE OPERATOR public.>= (LEFTARG = int, RIGHTARG = int, FUNCTION = public.int_ge);

	-- Tables named like persona's.
	CREATE TABLE public.profile (key text, name text);
	CREATE TABLE public.lexicon (term text);
	CREATE TABLE public.attached (table_name regclass);
	CREATE TABLE public.audit (id int);
	CREATE TABLE public.ruleset_version (version int, active boolean);
	CREATE TABLE public.setting (name text, value jsonb);
	CREATE TABLE public.role (code text);
	CREATE TABLE public.role_rule (role text);
	CREATE TABLE public.retag_progress (table_name regclass);
	RESET ROLE;
});

# Installed fresh, and installed at the oldest released version and then
# updated step by step to the default one (ALTER EXTENSION UPDATE runs the
# upgrade scripts under the same hostile search_path).
my $oldest = $node->safe_psql('postgres', q{
	SELECT version FROM pg_available_extension_versions WHERE name = 'persona' ORDER BY version LIMIT 1});
my @installs = (['installed', q{CREATE EXTENSION persona}],
	['upgraded', qq{CREATE EXTENSION persona VERSION '$oldest'; ALTER EXTENSION persona UPDATE}]);
my @paths = ('public, pg_catalog', '');
for my $case (map { my $install = $_; map { [$install, $_] } @paths } @installs)
{
	my ($install, $path) = @$case;
	my ($how, $install_sql) = @$install;
	my $label = ($path eq '' ? "search_path = ''" : "search_path = '$path'") . ", $how";
	my $db = ($path eq '' ? 'hostile_empty' : 'hostile_public') . "_$how";
	$node->safe_psql('postgres', "CREATE DATABASE $db TEMPLATE hostile_template");
	$node->safe_psql('postgres', "ALTER DATABASE $db SET search_path = " . ($path eq '' ? "''" : $path));
	is($node->safe_psql($db, 'SHOW search_path'), $path eq '' ? '""' : $path, "$label is in force");

	# Each step on its own, so one failure does not hide the next.
	my @steps = (
		['install', $install_sql],
		['profiles and lexicon', q{
			INSERT INTO persona.lexicon (term, canonical, seniority, job_function) VALUES ('quota carrier', 'account executive', 'entry', 'sales');
			INSERT INTO persona.profile (key, name, title_keywords, seniorities, functions, employees, countries, attributes)
			VALUES ('sales_leader', 'Sales leader', NULL, '{head,vp,cxo}', '{sales}', NULL, NULL, NULL),
			       ('revops', 'RevOps', '{revenue operations}', NULL, NULL, '[10,5000)', '{US,DE}', '{"plan":"enterprise"}');
			INSERT INTO persona.setting (name, value) VALUES ('buying_functions', '["sales"]');}],
		['compile and publish', q{SELECT persona.ruleset_version(persona.compile()) IS NULL; SELECT persona.publish('hostile')}],
		['title functions', q{SELECT persona.title_seniority('VP Sales'), persona.title_function('VP Sales'),
			persona.title_normalize('Sr. Dir., Rev Ops'); SELECT * FROM persona.title_parse('Geschäftsführer');
			SELECT * FROM persona.title_explain('Assistant to the CEO')}],
		['matching', q{SELECT * FROM persona.match('Sr. Dir., Rev Ops', employees => 100, country => 'US', attrs => '{"plan":"enterprise"}');
			SELECT * FROM persona.match_all('VP Sales'); SELECT * FROM persona.explain('VP Sales', employees => 10);
			SELECT * FROM persona.match(persona.ruleset(), 'CFO'); SELECT persona.infer_role(persona.ruleset(), 'cxo', 'finance', 100, NULL);
			SELECT persona.match_persona('VP Sales'), persona.match_persona(persona.ruleset(), 'CFO', employees => 10)}],
		['attach', q{CREATE SCHEMA crm;
			CREATE TABLE crm.leads (id bigint PRIMARY KEY, title text, department text, employees int, country text, attrs jsonb, owner_id text);
			INSERT INTO crm.leads VALUES (1, 'VP Sales', NULL, 50, 'US', NULL, 'u1'), (2, 'Sr. Dir., Rev Ops', NULL, 100, 'US', '{"plan":"enterprise"}', 'u2');
			SELECT persona.attach('crm.leads', title => 'title', department => 'department', employees => 'employees',
				country => 'country', attrs => 'attrs', owner => 'owner_id')}],
		['trigger insert and update', q{
			INSERT INTO crm.leads VALUES (3, 'CFO', NULL, 300, 'DE', NULL, 'u1'), (4, 'Quota Carrier', 'Sales', 20, 'US', NULL, 'u2');
			UPDATE crm.leads SET title = 'Head of Sales' WHERE id OPERATOR(pg_catalog.=) 4;
			UPDATE crm.leads SET owner_id = 'u3' WHERE id OPERATOR(pg_catalog.=) 3}],
		['override and release', q{SELECT persona.override('crm.leads', '3', persona => 'revops', role => 'champion');
			SELECT persona.release('crm.leads', '3'); SELECT persona.override('crm.leads', '4', role => 'blocker')}],
		['preview', q{UPDATE persona.profile SET seniorities = '{vp,cxo}' WHERE key OPERATOR(pg_catalog.=) 'sales_leader';
			SELECT * FROM persona.preview('crm.leads')}],
		['publish and retag', q{SELECT persona.publish('v2')}],
		# temp tables are searched first for unqualified relation names
		['retag', q{CREATE TEMP TABLE attached (table_name regclass); CREATE TEMP TABLE retag_progress (id int);
			CREATE TEMP TABLE ruleset_version (version int); CREATE TEMP TABLE leads (id int);
			CALL persona.retag('crm.leads', batch_size => 1)}],
		['retag all rows', q{CALL persona.retag('crm.leads', all_rows => true)}],
		['activate', q{SELECT persona.activate(1); SELECT persona.activate(2)}],
	);
	for my $step (@steps)
	{
		my ($name, $sql) = @$step;
		my ($ret, $out, $err) = $node->psql($db, $sql, on_error_stop => 1);
		is($ret, 0, "$label: $name works") or diag $err;
	}

	# Every view of schema persona, found in the catalog.
	my @views = split /\n/, $node->safe_psql($db, q{
		SELECT pg_catalog.format('%I.%I', n.nspname, c.relname)
		FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
		WHERE n.nspname OPERATOR(pg_catalog.=) 'persona' AND c.relkind IN ('v', 'm') ORDER BY 1});
	cmp_ok(scalar(@views), '>=', 2, "$label: views found: @views");
	for my $view (@views)
	{
		my ($ret, $out, $err) = $node->psql($db, "SELECT * FROM $view", on_error_stop => 1);
		is($ret, 0, "$label: SELECT * FROM $view works") or diag $err;
	}
	is($node->safe_psql($db, q{SELECT pg_catalog.count(*) FROM persona.tagged_rows WHERE persona IS NOT NULL}),
		'3', "$label: the tags are right despite the attacker's functions");

	my ($ret, $out, $err) = $node->psql($db, q{SELECT persona.detach('crm.leads'); DROP TABLE crm.leads; DROP EXTENSION persona}, on_error_stop => 1);
	is($ret, 0, "$label: detach and DROP EXTENSION work") or diag $err;

	my $canary = $node->safe_psql($db, q{
		SELECT pg_catalog.string_agg(what OPERATOR(pg_catalog.||) ' x' OPERATOR(pg_catalog.||) n::pg_catalog.text, ', ' ORDER BY what)
		FROM (SELECT what, pg_catalog.count(*) AS n FROM public.canary GROUP BY what) s});
	is($canary, '', "$label: no attacker object was called");
}

$node->stop;
done_testing();
