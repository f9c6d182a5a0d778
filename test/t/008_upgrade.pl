# Upgrades lose nothing.  For every released version of persona (every
# version the server offers other than the default) and every update path
# from it to the default version: install that version, build on it what a
# CRM team builds (profiles, lexicon, role rules, published rulesets, an
# attached and tagged table with an override and audit, a view, a
# materialized view, expression indexes, a generated column, a stored
# ruleset, a user function), then take each step of the path with ALTER
# EXTENSION UPDATE and check after every step that the user's objects and
# rows are intact and that tagging, re-tagging, matching and reports work.
# A step that changes classification must name, in a WARNING, every object
# that holds old answers and the command that rebuilds it (the test runs
# them; here one library serves both versions, so nothing is really old).
# At the end, the upgraded database must have the same catalog (pg_dump
# --schema-only --binary-upgrade, which lists the extension's own members)
# and the same user rows as a database where the default version was
# installed fresh and the same objects were built on it.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('upgrade');
$node->init;
$node->start;

my $default_version = $node->safe_psql('postgres',
	q{SELECT default_version FROM pg_available_extensions WHERE name = 'persona'});
my @released = split /\n/, $node->safe_psql('postgres', qq{
	SELECT version FROM pg_available_extension_versions
	WHERE name = 'persona' AND version <> '$default_version' ORDER BY version});
cmp_ok(scalar(@released), '>=', 1, "released versions before $default_version: @released");

# What a CRM team builds on persona.  Run on the old version before the
# upgrade, and on the fresh install, so the two databases can be compared.
my $user_objects = q{
	CREATE EXTENSION amcheck;
	INSERT INTO persona.lexicon (term, canonical, seniority, job_function)
	VALUES ('Quota Carrier', 'account executive', 'entry', 'sales');
	INSERT INTO persona.profile (key, name, title_keywords, seniorities, functions, employees, goals)
	VALUES ('sales_leader', 'Sales leader', NULL, '{head,vp,cxo}', '{sales}', NULL, '{hit the number}'),
	       ('revops', 'RevOps', '{revenue operations}', NULL, NULL, '[10,5000)', NULL),
	       ('seller', 'Seller', NULL, '{entry,senior}', '{sales}', NULL, NULL);
	INSERT INTO persona.role_rule (ordinal, role, seniorities, note)
	VALUES (5, 'champion', '{manager}', 'managers champion');
	INSERT INTO persona.setting (name, value) VALUES ('buying_functions', '["sales"]');
	SELECT persona.publish('before the upgrade');

	CREATE SCHEMA crm;
	CREATE TABLE crm."Lead" ("Id" bigint PRIMARY KEY, "Title" text NOT NULL,
		"NumberOfEmployees" int, note text,
		seniority persona.seniority GENERATED ALWAYS AS (persona.title_seniority("Title")) STORED);
	INSERT INTO crm."Lead" ("Id", "Title", "NumberOfEmployees")
	SELECT i, (ARRAY['VP Sales', 'Sr. Dir., Rev Ops', 'Quota Carrier', 'Vertriebsleiterin',
	                 'Directeur commercial', 'Software Engineer', 'CFO', 'Sales Manager'])[1 + i % 8],
	       10 * i
	FROM generate_series(1, 400) i;
	SELECT persona.attach('crm."Lead"', title => 'Title', employees => 'NumberOfEmployees');
	CALL persona.retag('crm."Lead"');
	SELECT persona.override('crm."Lead"', '3', persona => 'revops', role => 'champion');
	UPDATE crm."Lead" SET "Title" = 'Head of Sales' WHERE "Id" = 6;

	CREATE INDEX lead_title_seniority ON crm."Lead" (persona.title_seniority("Title"));
	CREATE INDEX lead_title_function ON crm."Lead" (persona.title_function("Title"));
	CREATE INDEX lead_exec ON crm."Lead"
		(((persona.match('{"format":1,"profiles":[{"key":"exec","name":"Exec","seniorities":["cxo"]}]}'::persona.ruleset, "Title")).persona));
	CREATE VIEW crm.lead_personas AS
		SELECT l."Id", l."Title", l.persona, (persona.match(l."Title", employees => l."NumberOfEmployees")).role AS rule_role
		FROM crm."Lead" l;
	CREATE MATERIALIZED VIEW crm.function_counts AS
		SELECT persona.title_function("Title") AS job_function, count(*) AS n FROM crm."Lead" GROUP BY 1;
	CREATE UNIQUE INDEX ON crm.function_counts (job_function);
	CREATE TABLE crm.ruleset_snapshot (taken text PRIMARY KEY, r persona.ruleset NOT NULL);
	INSERT INTO crm.ruleset_snapshot VALUES ('before', persona.ruleset());
	CREATE FUNCTION crm.is_leader(t text) RETURNS boolean IMMUTABLE PARALLEL SAFE
		LANGUAGE sql RETURN persona.title_seniority(t) >= 'head';
};

# The user's rows and what their objects answer; the same before and after.
my $state_query = q{
	SELECT 'leads', count(*), md5(string_agg(format('%s|%s|%s|%s|%s|%s|%s|%s|%s', "Id", "Title", seniority,
		persona, persona_score, persona_role, persona_seniority, persona_function, persona_locked), ',' ORDER BY "Id"))
		FROM crm."Lead"
	UNION ALL SELECT 'view', count(*), md5(string_agg(v::text, ',' ORDER BY "Id")) FROM crm.lead_personas v
	UNION ALL SELECT 'matview', count(*), md5(string_agg(m::text, ',' ORDER BY job_function)) FROM crm.function_counts m
	UNION ALL SELECT 'snapshot', count(*), md5(string_agg(r::text, ',')) FROM crm.ruleset_snapshot
	UNION ALL SELECT 'profile', count(*), md5(string_agg(p::text, ',' ORDER BY key)) FROM persona.profile p
	UNION ALL SELECT 'lexicon', count(*), md5(string_agg(format('%s|%s|%s|%s', term, canonical, seniority, job_function), ',' ORDER BY term)) FROM persona.lexicon
	UNION ALL SELECT 'role', count(*), md5(string_agg(r::text, ',' ORDER BY code)) FROM persona.role r
	UNION ALL SELECT 'role_rule', count(*), md5(string_agg(r::text, ',' ORDER BY ordinal)) FROM persona.role_rule r
	UNION ALL SELECT 'setting', count(*), md5(string_agg(s::text, ',' ORDER BY name)) FROM persona.setting s
	UNION ALL SELECT 'versions', count(*), md5(string_agg(format('%s|%s|%s', version, ruleset::text, active), ',' ORDER BY version)) FROM persona.ruleset_version
	UNION ALL SELECT 'audit', count(*), md5(string_agg(format('%s|%s|%s|%s|%s|%s', row_key, old_persona, new_persona, old_role, new_role, manual), ',' ORDER BY id)) FROM persona.audit
	UNION ALL SELECT 'attached', count(*), md5(string_agg(a::text, ',')) FROM persona.attached a
	UNION ALL SELECT 'leaders', count(*), NULL FROM crm."Lead" WHERE crm.is_leader("Title")};

# Everything the user relies on, checked on the current version: indexes
# agree with the table (amcheck and an index scan), the stored ruleset
# round-trips and matches, reports read the attached table.
sub check_objects
{
	my ($db, $label) = @_;
	is($node->safe_psql($db, q{
		SELECT count(bt_index_check(c.oid, true)) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
		WHERE i.indrelid IN ('crm."Lead"'::regclass, 'crm.function_counts'::regclass, 'crm.ruleset_snapshot'::regclass)}),
		'6', "$label: amcheck finds the 6 user indexes intact");
	is($node->safe_psql($db, q{
		SET enable_seqscan = off; SET enable_bitmapscan = off;
		SELECT count(*) FROM crm."Lead" WHERE persona.title_seniority("Title") = 'vp'}),
		$node->safe_psql($db, q{SET enable_indexscan = off; SET enable_bitmapscan = off;
		SELECT count(*) FROM crm."Lead" WHERE persona.title_seniority("Title") = 'vp'}),
		"$label: the expression index answers like a table scan");
	is($node->safe_psql($db, q{
		SELECT bool_and(r::text::persona.ruleset OPERATOR(persona.=) r AND (persona.match(r, 'VP Sales')).persona = 'sales_leader')
		FROM crm.ruleset_snapshot}), 't', "$label: the stored ruleset round-trips and matches");
	is($node->safe_psql($db, q{
		SELECT (SELECT count(*) FROM persona.tagged_rows) = (SELECT count(*) FROM crm."Lead")
		   AND (SELECT count(*) FROM persona.segments) > 0
		   AND (SELECT count(*) FROM persona.inspection) >= 0}),
		't', "$label: reports read the attached table");
}

# The tagging machinery works on the current version: the trigger tags an
# insert and re-tags an update, a publish is seen, retag brings every row to
# the new version and leaves the override alone.
sub check_tagging
{
	my ($db, $label, $id) = @_;
	$node->safe_psql($db, qq{
		INSERT INTO crm."Lead" ("Id", "Title", "NumberOfEmployees") VALUES ($id, 'Chief Revenue Officer', 300);
		UPDATE crm."Lead" SET "Title" = 'Account Executive' WHERE "Id" = 9;});
	is($node->safe_psql($db, qq{
		SELECT persona || '|' || persona_ruleset_version FROM crm."Lead" WHERE "Id" = $id}),
		'sales_leader|' . $node->safe_psql($db, 'SELECT persona.ruleset_version(persona.ruleset())'),
		"$label: the trigger tags an insert with the active version");
	is($node->safe_psql($db, q{SELECT persona FROM crm."Lead" WHERE "Id" = 9}), 'seller',
		"$label: the trigger re-tags an update");
	my $version = $node->safe_psql($db, qq{
		UPDATE persona.profile SET min_score = 0.3 WHERE key = 'seller';
		SELECT persona.publish('$label')});
	$node->safe_psql($db, q{CALL persona.retag('crm."Lead"')});
	is($node->safe_psql($db, qq{
		SELECT count(*) FILTER (WHERE persona_ruleset_version = $version) || '|' ||
		       count(*) FILTER (WHERE persona_locked) || '|' ||
		       (SELECT persona FROM crm."Lead" WHERE "Id" = 3)
		FROM crm."Lead"}),
		($node->safe_psql($db, q{SELECT count(*) - 1 FROM crm."Lead"})) . '|1|revops',
		"$label: retag brings every unlocked row to version $version and keeps the override");
	# Since 0.2.0 an override that confirms the current tag locks the row.
	is($node->safe_psql($db, q{
		SELECT persona.override('crm."Lead"', '9', persona => persona) FROM crm."Lead" WHERE "Id" = 9;
		SELECT persona_locked FROM crm."Lead" WHERE "Id" = 9;
		SELECT persona.release('crm."Lead"', '9');}), "\nt\n",
		"$label: an override that confirms the tag locks the row");
	$node->safe_psql($db, 'REFRESH MATERIALIZED VIEW CONCURRENTLY crm.function_counts');
}

my $tempdir = PostgreSQL::Test::Utils::tempdir;
my $next_id = 1000;

# pg_dump's view of the schema: every user object and, with --binary-upgrade,
# every member of the extension; without the OIDs that differ by history.
sub catalog_of
{
	my ($db) = @_;
	my $file = "$tempdir/$db.schema.sql";
	$node->command_ok(['pg_dump', '--schema-only', '--binary-upgrade', '--no-comments', '-f', $file,
		'-d', $node->connstr($db)], "pg_dump --schema-only --binary-upgrade $db");
	my @lines;
	foreach (split /\n/, slurp_file($file))
	{
		# sequence positions are data, not catalog
		next if /binary_upgrade_set_next_|^-- |^\\(un)?restrict |pg_catalog\.setval\(/;
		s/'\d{4,}'/'<oid>'/g;
		s/\{\d+(,\d+)*\}/{<oids>}/g;
		s/(relfrozenxid|relminmxid) = '\d+'/$1 = '<xid>'/g;
		push @lines, $_;
	}
	return join("\n", @lines);
}

# The fresh install of the default version, with the same objects built on
# it and the same checks, to compare each upgraded database with.
$node->safe_psql('postgres', 'CREATE DATABASE fresh');
$node->safe_psql('fresh', "CREATE EXTENSION persona; $user_objects");
is($node->safe_psql('fresh', q{SELECT extversion FROM pg_extension WHERE extname = 'persona'}),
	$default_version, "a fresh install is version $default_version");
check_objects('fresh', 'fresh');
my $fresh_comments = $node->safe_psql('fresh', q{
	SELECT string_agg(pg_describe_object(classid, objid, objsubid) || ': ' || coalesce(obj_description(objid, classid::regclass::text), '-'), E'\n' ORDER BY 1)
	FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
	  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'persona')});

foreach my $from (@released)
{
	my @paths = split /\n/, $node->safe_psql('postgres', qq{
		SELECT path FROM pg_extension_update_paths('persona')
		WHERE source = '$from' AND target = '$default_version' AND path IS NOT NULL});
	cmp_ok(scalar(@paths), '>=', 1, "$from has an update path to $default_version");
	foreach my $path (@paths)
	{
		my @steps = split /--/, $path;
		shift @steps;
		(my $db = "from_$path") =~ s/[^a-z0-9]+/_/gi;
		$node->safe_psql('postgres', qq{CREATE DATABASE "$db"});
		$node->safe_psql($db, "CREATE EXTENSION persona VERSION '$from'; $user_objects");
		check_objects($db, "$from");
		my $state = $node->safe_psql($db, $state_query);

		foreach my $step (@steps)
		{
			my ($ret, $out, $err) = $node->psql($db, "ALTER EXTENSION persona UPDATE TO '$step'");
			is($ret, 0, "path $path: ALTER EXTENSION persona UPDATE TO '$step'") or diag $err;
			# An update that changes classification names what to rebuild.
			if ($step eq '0.2.0')
			{
				like($err, qr/WARNING:  persona 0.2.0 classifies some job titles differently from 0.1.0; 7 objects/,
					"path $path at $step: the update warns that stored answers are old");
				foreach my $command ('CALL persona.retag\(\'crm."Lead"\', all_rows => true\)',
					'UPDATE crm."Lead" SET "Title" = "Title"', 'REINDEX INDEX crm.lead_exec',
					'REINDEX INDEX crm.lead_title_function', 'REINDEX INDEX crm.lead_title_seniority',
					'REFRESH MATERIALIZED VIEW crm.function_counts', 'SELECT persona.refresh_reports\(\)')
				{
					like($err, qr/^(DETAIL:  )?$command;$/m, "path $path at $step: the warning says $command");
				}
				$node->safe_psql($db, q{
					DO $$ DECLARE c text; BEGIN
						FOR c IN SELECT rebuild FROM persona.stored_results() WHERE kind <> 'attached table' LOOP
							EXECUTE c;
						END LOOP; END $$;
					CALL persona.retag('crm."Lead"', all_rows => true);});
			}
			is($node->safe_psql($db, q{SELECT extversion FROM pg_extension WHERE extname = 'persona'}),
				$step, "path $path: updated to $step");
			is($node->safe_psql($db, $state_query), $state,
				"path $path at $step: the user's rows and objects' answers are unchanged");
			check_objects($db, "path $path at $step");
			check_tagging($db, "path $path at $step", $next_id++);
			$state = $node->safe_psql($db, $state_query);
		}

		is($node->safe_psql($db, q{
			SELECT persona.match_persona(persona.ruleset(), 'VP Sales')
			       || '|' || persona.match_persona('VP Sales')}),
			'sales_leader|sales_leader', "path $path: the functions 0.2.0 added work");

		# Same catalog and members as the fresh install.
		my ($upgraded, $fresh) = (catalog_of($db), catalog_of('fresh'));
		ok($upgraded eq $fresh, "path $path: the upgraded catalog equals a fresh install's")
			or diag(join("\n", grep { defined } (diff_lines($fresh, $upgraded))[0 .. 40]));
		is($node->safe_psql($db, q{
			SELECT string_agg(pg_describe_object(classid, objid, objsubid) || ': ' || coalesce(obj_description(objid, classid::regclass::text), '-'), E'\n' ORDER BY 1)
			FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
			  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'persona')}),
			$fresh_comments, "path $path: the same members with the same comments as a fresh install");
	}
}

# The lines only one side has, marked - (fresh) and + (upgraded).
sub diff_lines
{
	my ($a, $b) = @_;
	my (%in_a, %in_b);
	$in_a{$_}++ foreach split /\n/, $a;
	$in_b{$_}++ foreach split /\n/, $b;
	return ((map { "- $_" } grep { !$in_b{$_} } split /\n/, $a),
			(map { "+ $_" } grep { !$in_a{$_} } split /\n/, $b));
}

$node->stop;
done_testing();
