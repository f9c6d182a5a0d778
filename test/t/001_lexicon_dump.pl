# The user lexicon survives pg_dump -Fc + pg_restore and a plain dump + psql
# into fresh databases: the user's rows come back exactly, once.
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
});

my $lexicon_query = q{SELECT term, canonical, seniority, job_function, subfunction, note
	FROM persona.lexicon ORDER BY term};
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
}

$node->stop;
done_testing();
