# persona is a trusted extension: a role that is not a superuser but may
# CREATE in the database installs it and runs it; the grants it hands out
# are exactly the documented ones (README, Security and reliability); a rep
# with rights on the CRM table only can create and change leads (tagged
# and audited) but cannot touch persona's configuration or its audit.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('trusted');
$node->init;
$node->start;

$node->safe_psql('postgres', q{
	CREATE ROLE crm_owner LOGIN;
	CREATE ROLE rep LOGIN;
	CREATE ROLE stranger LOGIN;
	CREATE DATABASE crm OWNER crm_owner;
	REVOKE CREATE ON DATABASE crm FROM PUBLIC;
});

my ($ret, $out, $err) = $node->psql('crm', 'CREATE EXTENSION persona', extra_params => ['-U', 'stranger']);
isnt($ret, 0, 'a role without CREATE on the database cannot install persona');
like($err, qr/permission denied/, '... with a permission error');

$node->safe_psql('crm', 'CREATE EXTENSION persona', extra_params => ['-U', 'crm_owner']);
is($node->safe_psql('crm', q{SELECT rolsuper FROM pg_roles WHERE rolname = 'crm_owner'}), 'f',
	'the database owner is not a superuser');
is($node->safe_psql('crm', q{SELECT extowner::regrole FROM pg_extension WHERE extname = 'persona'}),
	'crm_owner', 'and owns the extension it installed');

# The owner administers persona: profiles, publish, attach, retag.
$node->safe_psql('crm', q{
	INSERT INTO persona.profile (key, name, seniorities, functions)
	VALUES ('sales_leader', 'Sales leader', '{head,vp,cxo}', '{sales}');
	INSERT INTO persona.lexicon (term, canonical) VALUES ('quota carrier', 'account executive');
	SELECT persona.publish('by the owner');
	CREATE TABLE leads (id int PRIMARY KEY, title text, owner_name text);
	CREATE TABLE other_leads (id int PRIMARY KEY, title text);
	GRANT SELECT ON other_leads TO rep;
	INSERT INTO leads VALUES (1, 'VP Sales', 'rep');
	SELECT persona.attach('leads', title => 'title');
	GRANT SELECT, INSERT, UPDATE ON leads TO rep;
}, extra_params => ['-U', 'crm_owner']);
$node->command_ok(['psql', '-X', '-U', 'crm_owner', '-d', $node->connstr('crm'),
	'-c', q{CALL persona.retag('leads')}], 'the owner re-tags');
is($node->safe_psql('crm', q{SELECT persona FROM leads WHERE id = 1}), 'sales_leader',
	'the existing row is tagged');

# A rep inserts and changes leads: tagged by the trigger, audited.
$node->safe_psql('crm', q{
	INSERT INTO leads VALUES (2, 'Head of Sales', 'rep');
	UPDATE leads SET persona = NULL WHERE id = 1;
}, extra_params => ['-U', 'rep']);
is($node->safe_psql('crm', q{SELECT persona FROM leads WHERE id = 2}), 'sales_leader',
	'a rep\'s insert is tagged');
is($node->safe_psql('crm', q{SELECT changed_by, manual FROM persona.audit}), 'rep|t',
	'a rep\'s hand edit is audited as the rep, manual');
is($node->safe_psql('crm', q{SELECT (persona.match('Chief Revenue Officer')).persona}, extra_params => ['-U', 'rep']),
	'sales_leader', 'a rep can match');

# ... but cannot change persona's configuration or its audit.
foreach my $sql (
	q{INSERT INTO persona.profile (key, name, functions) VALUES ('x', 'X', '{it}')},
	q{UPDATE persona.role SET weight = 0},
	q{DELETE FROM persona.audit},
	q{SELECT persona.publish()},
	q{INSERT INTO persona.lexicon (term, canonical) VALUES ('a', 'b')},
	q{SELECT persona.attach('other_leads', title => 'title')})
{
	($ret, $out, $err) = $node->psql('crm', $sql, extra_params => ['-U', 'rep']);
	like($err, qr/permission denied|must be owner/, "a rep may not: $sql");
}
is($node->safe_psql('crm', q{SELECT count(*) FROM persona.audit}), '1', 'the audit is untouched');

# The grants persona hands out, exactly (README, Security and reliability).
my $grants_query = q{
	SELECT c.relname, CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE g.grantee::regrole::text END, string_agg(g.privilege_type, ',' ORDER BY g.privilege_type)
	FROM pg_class c
	CROSS JOIN LATERAL aclexplode(c.relacl) g
	WHERE c.relnamespace = 'persona'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'S')
	  AND g.grantee <> c.relowner
	GROUP BY 1, 2 ORDER BY 1, 2};
my $grants = $node->safe_psql('crm', $grants_query);
note($grants);
my $expected_grants = do { local $/; open my $fh, '<', 'test/t/007_trusted.grants' or die $!; <$fh> };
chomp $expected_grants;
is($grants, $expected_grants, 'the table grants are exactly the documented ones');

# The owner can also install the oldest release and update it: the upgrade
# scripts run with the same trusted rights, and end with the same grants.
my $oldest = $node->safe_psql('postgres', q{
	SELECT version FROM pg_available_extension_versions WHERE name = 'persona' ORDER BY version LIMIT 1});
$node->safe_psql('postgres', 'CREATE DATABASE crm_upgraded OWNER crm_owner');
$node->safe_psql('crm_upgraded', "CREATE EXTENSION persona VERSION '$oldest'; ALTER EXTENSION persona UPDATE",
	extra_params => ['-U', 'crm_owner']);
is($node->safe_psql('crm_upgraded', q{SELECT extversion = (SELECT default_version FROM pg_available_extensions WHERE name = 'persona')
	FROM pg_extension WHERE extname = 'persona'}), 't', "the owner updated persona from $oldest to the default version");
is($node->safe_psql('crm_upgraded', $grants_query), $expected_grants, '... and the grants are the documented ones');

$node->stop;
done_testing();
