# Everything a user puts into persona survives pg_dump -Fc + pg_restore and
# a plain dump + psql into fresh databases: the user's rows of every
# extension table come back exactly, once (built-in rows are not
# duplicated), attached tables keep their tags and their trigger, and the
# reports' base view is rebuilt.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('dump');
$node->init;
$node->start;

$node->safe_psql('postgres', q{
	CREATE DATABASE crm;
});
$node->safe_psql('crm', q{
	CREATE EXTENSION persona;
	INSERT INTO persona.lexicon (term, canonical, note) VALUES ('Quota Carrier', 'account executive', 'reps');
	INSERT INTO persona.lexicon (term, seniority, job_function, subfunction)
	VALUES ('Growth Hacker', 'senior', 'marketing', 'demand_generation'),
	       ('Kundenbetreuer', NULL, 'customer_success', NULL);
	CREATE TABLE leads (id int PRIMARY KEY, title text,
		seniority persona.seniority GENERATED ALWAYS AS (persona.title_seniority(title)) STORED);
	INSERT INTO leads (id, title) VALUES (1, 'VP Sales'), (2, 'Vertriebsleiterin');
	INSERT INTO persona.profile (key, name, seniorities, functions, goals)
	VALUES ('sales_leader', 'Sales leader', '{head,vp,cxo}', '{sales}', '{hit the number}');
	INSERT INTO persona.role (code, label, required, weight, display_order, sfdc_role)
	VALUES ('coach', 'Coach', false, 0.5, 200, 'Other');
	INSERT INTO persona.role_rule (ordinal, role, seniorities, note)
	VALUES (50, 'coach', '{senior}', 'seniors coach');
	INSERT INTO persona.setting (name, value) VALUES ('buying_functions', '["sales","marketing"]');
	SELECT persona.publish('dump test');
	CREATE TABLE crm_leads (id int PRIMARY KEY, title text);
	SELECT persona.attach('crm_leads', title => 'title');
	INSERT INTO crm_leads VALUES (1, 'VP Sales'), (2, 'Head of Marketing');
	SELECT persona.override('crm_leads', '2', persona => 'sales_leader');
	INSERT INTO persona.routing_rule (rule, priority, persona, queue)
	VALUES ('leaders_to_ae', 10, 'sales_leader', 'enterprise-ae');
	INSERT INTO persona.content (id, title, url, kind, personas)
	VALUES ('roi_guide', 'ROI guide for sales leaders', 'https://example.com/roi', 'guide', '{sales_leader}');
	INSERT INTO persona.report_setting (name, value) VALUES ('low_score', '0.7');
});

my $lexicon_query = q{SELECT term, canonical, seniority, job_function, subfunction, note
	FROM persona.lexicon ORDER BY term};
# Every user-writable extension table, as text, in a fixed order.
my $tables_query = q{
	SELECT 'profile', count(*), md5(string_agg(p::text, ',' ORDER BY key)) FROM persona.profile p
	UNION ALL SELECT 'role', count(*), md5(string_agg(r::text, ',' ORDER BY code)) FROM persona.role r
	UNION ALL SELECT 'role_rule', count(*), md5(string_agg(r::text, ',' ORDER BY ordinal)) FROM persona.role_rule r
	UNION ALL SELECT 'setting', count(*), md5(string_agg(s::text, ',' ORDER BY name)) FROM persona.setting s
	UNION ALL SELECT 'ruleset_version', count(*), md5(string_agg(v::text, ',' ORDER BY version)) FROM persona.ruleset_version v
	UNION ALL SELECT 'attached', count(*), md5(string_agg(a::text, ',' ORDER BY table_name)) FROM persona.attached a
	UNION ALL SELECT 'audit', count(*), md5(string_agg(a::text, ',' ORDER BY id)) FROM persona.audit a
	UNION ALL SELECT 'routing_rule', count(*), md5(string_agg(r::text, ',' ORDER BY rule)) FROM persona.routing_rule r
	UNION ALL SELECT 'content', count(*), md5(string_agg(c::text, ',' ORDER BY id)) FROM persona.content c
	UNION ALL SELECT 'report_setting', count(*), md5(string_agg(r::text, ',' ORDER BY name)) FROM persona.report_setting r
	UNION ALL SELECT 'lexicon', count(*), md5(string_agg(l::text, ',' ORDER BY term)) FROM persona.lexicon l
	UNION ALL SELECT 'crm_leads', count(*), md5(string_agg(l::text, ',' ORDER BY id)) FROM crm_leads l};
my $tables_before = $node->safe_psql('crm', $tables_query);
my $leads_query = q{SELECT id, title, seniority FROM leads ORDER BY id};
my $lexicon_before = $node->safe_psql('crm', $lexicon_query);
my $leads_before = $node->safe_psql('crm', $leads_query);

my $tempdir = PostgreSQL::Test::Utils::tempdir;
my $connstr = $node->connstr('crm');

# Custom format, pg_restore into a fresh database.
$node->command_ok(['pg_dump', '-Fc', '-f', "$tempdir/crm.dump", '-d', $connstr],
	'pg_dump -Fc');
$node->safe_psql('postgres', 'CREATE DATABASE restored_custom');
$node->command_ok(['pg_restore', '--exit-on-error', '-d', $node->connstr('restored_custom'),
	"$tempdir/crm.dump"], 'pg_restore');

# Plain format, psql into a fresh database.
$node->command_ok(['pg_dump', '-f', "$tempdir/crm.sql", '-d', $connstr], 'pg_dump plain');
$node->safe_psql('postgres', 'CREATE DATABASE restored_plain');
$node->command_ok(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d',
	$node->connstr('restored_plain'), '-f', "$tempdir/crm.sql"], 'psql restore');

foreach my $db ('restored_custom', 'restored_plain')
{
	is($node->safe_psql($db, $lexicon_query), $lexicon_before,
		"$db: user lexicon rows come back exactly");
	is($node->safe_psql($db, 'SELECT count(*) FROM persona.lexicon'), '3',
		"$db: no lexicon row duplicated");
	is($node->safe_psql($db, $leads_query), $leads_before,
		"$db: generated columns that call persona come back");
	is($node->safe_psql($db, q{SELECT persona.title_seniority('Chief Revenue Officer')}),
		'cxo', "$db: the classifier works after the restore");
	is($node->safe_psql($db, $tables_query), $tables_before,
		"$db: profiles, lexicon, roles, rules, settings, versions, attachments, audit, routing, content and tags come back exactly");
	is($node->safe_psql($db, q{SELECT count(*) FROM persona.role WHERE builtin}), '11',
		"$db: built-in roles are not duplicated");
	is($node->safe_psql($db, q{SELECT count(*) FROM persona.tagged_rows}), '2',
		"$db: the reports' base view covers the attached table again");
	is($node->safe_psql($db, q{INSERT INTO crm_leads VALUES (3, 'Chief Revenue Officer') RETURNING persona}),
		'sales_leader', "$db: the tagging trigger works with the restored ruleset");
}

$node->stop;
done_testing();
