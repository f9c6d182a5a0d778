# persona.retag stops cleanly when cancelled mid-way (statement_timeout),
# keeps the batches it committed, and a second call resumes where it
# stopped: every stale row ends tagged once, none is audited twice.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(time);

my $node = PostgreSQL::Test::Cluster->new('retag');
$node->init;
$node->start;

$node->safe_psql('postgres', q{
	CREATE EXTENSION persona;
	INSERT INTO persona.profile (key, name, seniorities) VALUES ('leader', 'Leader', '{vp,cxo}');
	SELECT persona.publish('v1');
	CREATE TABLE leads (id int PRIMARY KEY, title text);
	SELECT persona.attach('leads', title => 'title');
	INSERT INTO leads SELECT g, (ARRAY['VP Sales', 'Head of Sales', 'Sales Manager', 'CEO'])[1 + g % 4]
	FROM generate_series(1, 200000) g;
	UPDATE persona.profile SET seniorities = '{head,vp,cxo}';
	SELECT persona.publish('v2');
});

# A retag cut short by statement_timeout.  Another session holds a row in
# the sixth batch, so the retag commits five batches, then waits there
# until the timeout cancels it: the same on a fast or a loaded machine.
my $holder = $node->background_psql('postgres');
$holder->query_safe(q{BEGIN; SELECT id FROM leads WHERE id = 10001 FOR UPDATE});
my $started = time;
my ($ret, $stdout, $stderr) = $node->psql('postgres', q{
	SET statement_timeout = '3s';
	CALL persona.retag('leads', batch_size => 2000);
});
my $elapsed = time - $started;
$holder->query_safe('ROLLBACK');
$holder->quit;
isnt($ret, 0, 'the retag was cancelled');
like($stderr, qr/canceling statement due to statement timeout/, 'by statement_timeout');
like($stderr, qr/retag leads: \d+ of 200000 rows \([\d.]+ %\), \d+ rows\/s, about [\d.]+ s left/,
	'it printed progress before it was cancelled');
cmp_ok($elapsed, '<', 4.5, 'it stopped within about a second of the timeout');

my ($done, $total, $finished) = split /\|/, $node->safe_psql('postgres',
	q{SELECT rows_done, rows_total, finished_at IS NOT NULL FROM persona.retag_progress});
is($total, 200000, 'it set out to tag the 200000 rows of the old ruleset');
is($done, 10000, 'the five committed batches are kept');
cmp_ok($done, '<', $total, 'the run is unfinished');
is($finished, 'f', 'the progress row says unfinished');
is($node->safe_psql('postgres', q{SELECT count(*) FROM leads WHERE persona_ruleset_version = 2}),
	$done, 'exactly the committed rows carry the new version');
is($node->safe_psql('postgres', q{SELECT state FROM persona.retag_status}), 'running',
	'another session sees the run in persona.retag_status');

# Resume.
($ret, $stdout, $stderr) = $node->psql('postgres', q{CALL persona.retag('leads', batch_size => 20000)});
is($ret, 0, 'the second call finished');
like($stderr, qr/resuming after $done of 200000 rows/, 'it resumed where the first stopped');
is($node->safe_psql('postgres', q{SELECT count(*) FROM leads WHERE persona_ruleset_version IS DISTINCT FROM 2}),
	'0', 'every row is tagged with the new ruleset');
is($node->safe_psql('postgres', q{SELECT rows_done, finished_at IS NOT NULL FROM persona.retag_progress}),
	'200000|t', 'the run is finished, each row counted once');
is($node->safe_psql('postgres',
	q{SELECT count(*), count(DISTINCT row_key) FROM persona.audit WHERE NOT manual}),
	'50000|50000', 'the 50000 Head of Sales rows changed persona, each audited once');

$node->stop;
done_testing();
