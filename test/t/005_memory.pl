# Bounded memory: a million rows through the C tagging trigger, in ten
# INSERT statements of 100,000 rows in one session, keep the backend's
# private memory flat.  RssAnon of /proc/<pid>/status (the backend's
# anonymous, non-shared pages) is sampled after each statement; after the
# first statement (caches, the matcher, the plan) it may not grow by more
# than a few MB.  Linux only: skipped elsewhere.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(time);

plan skip_all => 'needs /proc/<pid>/status (Linux)' unless -r '/proc/self/status';

my $limit_kb = 4096;

my $node = PostgreSQL::Test::Cluster->new('memory');
$node->init;
$node->append_conf('postgresql.conf', "shared_buffers = 32MB\nwal_level = minimal\nmax_wal_senders = 0\n");
$node->start;

$node->safe_psql('postgres', q{
	CREATE EXTENSION persona;
	INSERT INTO persona.lexicon (term, canonical, job_function) VALUES ('quota carrier', 'account executive', 'sales');
	INSERT INTO persona.profile (key, name, seniorities, functions) VALUES ('sales_leader', 'Sales leader', '{head,vp,cxo}', '{sales}');
	INSERT INTO persona.profile (key, name, title_keywords, employees) VALUES ('revops', 'RevOps', '{revenue operations,sales ops}', '[50,5000)');
	INSERT INTO persona.profile (key, name, countries, attributes, match_mode, min_score, functions)
	VALUES ('de_finance', 'DE finance', '{DE,AT}', '{"plan": "enterprise"}', 'weighted', 0.4, '{finance}');
	SELECT persona.publish('memory');
	CREATE UNLOGGED TABLE leads (id bigserial PRIMARY KEY, title text, department text,
		employees int, country text, attrs jsonb);
	SELECT persona.attach('leads', title => 'title', department => 'department',
		employees => 'employees', country => 'country', attrs => 'attrs');
});

my $bg = $node->background_psql('postgres', on_error_stop => 1);
my $pid = $bg->query_safe('SELECT pg_backend_pid()');
$pid =~ s/\s+//g;
like($pid, qr/^\d+$/, "backend pid $pid");

sub rss_anon_kb
{
	open(my $fh, '<', "/proc/$pid/status") or die "/proc/$pid/status: $!";
	while (<$fh>)
	{
		return $1 if /^RssAnon:\s+(\d+)\s+kB/;
	}
	die "no RssAnon in /proc/$pid/status";
}

my @rss;
my $started = time;
for my $stmt (1 .. 10)
{
	my $base = ($stmt - 1) * 100000;
	# Every row different, so the title cache does not hide the classifier.
	$bg->query_safe(qq{
		INSERT INTO leads (title, department, employees, country, attrs)
		SELECT (ARRAY['VP Sales ', 'Sr. Dir., Rev Ops ', 'Geschäftsführer ', 'Quota Carrier ',
		              'Leiterin Finanzen ', 'Directeur commercial ', 'Intern '])[1 + g % 7] || g,
		       'Sales', g % 10000, (ARRAY['DE', 'US', 'FR'])[1 + g % 3],
		       CASE WHEN g % 2 = 0 THEN '{"plan": "enterprise"}'::jsonb END
		FROM generate_series($base + 1, $base + 100000) g
	});
	push @rss, rss_anon_kb();
}
my $elapsed = time - $started;
note sprintf('RssAnon after each statement (kB): %s; %.1f s', join(' ', @rss), $elapsed);

is($node->safe_psql('postgres', 'SELECT count(*), count(persona_ruleset_version) FROM leads'),
	'1000000|1000000', 'a million rows inserted, every one tagged');
cmp_ok($node->safe_psql('postgres', 'SELECT count(persona) FROM leads'), '>', 100000,
	'and many matched a persona');
my $growth = $rss[-1] - $rss[0];
cmp_ok($growth, '<', $limit_kb,
	"backend memory after statement 1: $rss[0] kB, after 10: $rss[-1] kB (grew $growth kB)");
my $max = (sort { $a <=> $b } @rss)[-1];
cmp_ok($max - $rss[0], '<', $limit_kb, "never more than $limit_kb kB above statement 1");

$bg->quit;
$node->stop;
done_testing();
