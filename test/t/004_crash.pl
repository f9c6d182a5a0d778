# Crash safety: an immediate stop (no checkpoint, no clean shutdown: what a
# kill -9 of the postmaster leaves) while the C trigger tags inserts and a
# retag rewrites the table in committed batches.  After restart the server
# recovers; every row is either tagged consistently — persona, score, role,
# seniority and function are what persona.match gives with the ruleset of
# the version the row names — or untagged; amcheck finds every index of the
# table and of persona's tables intact; and a resumed retag finishes.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;

my $node = PostgreSQL::Test::Cluster->new('crash');
$node->init;
$node->append_conf('postgresql.conf', "restart_after_crash = on\n");
$node->start;

$node->safe_psql('postgres', q{
	CREATE EXTENSION persona;
	CREATE EXTENSION amcheck;
	INSERT INTO persona.profile (key, name, seniorities) VALUES ('leader', 'Leader', '{vp,cxo}');
	INSERT INTO persona.profile (key, name, title_keywords) VALUES ('revops', 'RevOps', '{revenue operations}');
	SELECT persona.publish('v1');
	CREATE TABLE leads (id bigserial PRIMARY KEY, title text NOT NULL, employees int);
	SELECT persona.attach('leads', title => 'title', employees => 'employees');
	CREATE INDEX leads_persona ON leads (persona);
	CREATE INDEX leads_tag ON leads (persona_ruleset_version, persona_seniority, persona_score);
	INSERT INTO leads (title, employees)
	SELECT (ARRAY['VP Sales', 'Head of Sales', 'Sr. Dir., Rev Ops', 'CEO', 'Geschäftsführer', 'Intern'])[1 + g % 6], g % 900
	FROM generate_series(1, 60000) g;
	UPDATE persona.profile SET seniorities = '{head,vp,cxo}' WHERE key = 'leader';
	SELECT persona.publish('v2');
});

# Load: inserts through the trigger, committed every 200 rows, and a retag
# of the 60000 rows of version 1 in batches of 500, both running when the
# server stops.
my $connstr = $node->connstr('postgres');
my @psql = ('psql', '-X', '-q', '-d', $connstr);
my ($in_out, $in_err, $rt_out, $rt_err) = ('', '', '', '');
my $inserter = IPC::Run::start([@psql, '-c', q{
	DO $$
	BEGIN
		FOR i IN 1 .. 100000 LOOP
			INSERT INTO leads (title, employees)
			SELECT (ARRAY['VP Sales', 'Revenue Operations Manager', 'CFO', 'Head of RevOps', 'Sales Rep'])[1 + g % 5], g
			FROM generate_series(1, 200) g;
			COMMIT;
		END LOOP;
	END
	$$;
}], '>', \$in_out, '2>', \$in_err);
my $retagger = IPC::Run::start([@psql, '-c', q{CALL persona.retag('leads', batch_size => 500)}],
	'>', \$rt_out, '2>', \$rt_err);

# Let both get going, then stop hard in the middle of their work.
my $deadline = time + 30;
sleep 1 until time > $deadline || $node->safe_psql('postgres',
	q{SELECT (SELECT count(*) FROM leads) > 64000
	     AND (SELECT coalesce(max(rows_done), 0) FROM persona.retag_progress) >= 5000});
ok(time <= $deadline, 'inserts and the retag were under way');
$node->stop('immediate');
$inserter->finish;
$retagger->finish;
like($in_err . $rt_err, qr/terminat|connection|server closed/i, 'the sessions lost their server');

$node->start;
is($node->safe_psql('postgres', 'SELECT 1'), '1', 'the server recovered');

my ($rows, $tagged) = split /\|/, $node->safe_psql('postgres',
	q{SELECT count(*), count(persona_ruleset_version) FROM leads});
cmp_ok($rows, '>', 60000, "$rows rows survived");
is($tagged, $rows, 'every row carries a ruleset version (inserted tagged, retag only re-tags)');

# No half-written tag: each row agrees with persona.match for its version.
is($node->safe_psql('postgres', q{
	SELECT count(*) FROM leads l
	JOIN persona.ruleset_version v ON v.version = l.persona_ruleset_version,
	LATERAL persona.match(v.ruleset, l.title, employees => l.employees) m
	WHERE (l.persona, l.persona_score, l.persona_role, l.persona_seniority, l.persona_function)
	      IS DISTINCT FROM (m.persona, m.score, m.role, m.seniority, m.job_function)
	   OR l.persona_tagged_at IS NULL
}), '0', 'every tag agrees with persona.match for the version it names');
is($node->safe_psql('postgres', q{
	SELECT count(*) FROM leads WHERE persona_ruleset_version IS NULL
	  AND (persona IS NOT NULL OR persona_score IS NOT NULL OR persona_role IS NOT NULL)
}), '0', 'no untagged row carries part of a tag');

# Every btree index of the table and of persona's tables, heap included.
my $checked = $node->safe_psql('postgres', q{
	SELECT count(bt_index_check(c.oid, true))
	FROM pg_index i
	JOIN pg_class c ON c.oid = i.indexrelid
	JOIN pg_am am ON am.oid = c.relam AND am.amname = 'btree'
	JOIN pg_class t ON t.oid = i.indrelid
	WHERE t.oid = 'leads'::regclass OR t.relnamespace = 'persona'::regnamespace
});
cmp_ok($checked, '>=', 10, "amcheck: $checked indexes intact");

# The interrupted retag resumes and finishes.
my ($ret, $stdout, $stderr) = $node->psql('postgres', q{CALL persona.retag('leads', batch_size => 5000)});
is($ret, 0, 'the retag after the crash finished') or diag $stderr;
is($node->safe_psql('postgres', q{
	SELECT count(*) FROM leads WHERE persona_ruleset_version IS DISTINCT FROM 2 AND NOT persona_locked
}), '0', 'every unlocked row is tagged by version 2');
is($node->safe_psql('postgres', q{
	SELECT count(*) FROM leads l, LATERAL persona.match((SELECT ruleset FROM persona.ruleset_version WHERE version = 2),
		l.title, employees => l.employees) m
	WHERE (l.persona, l.persona_score, l.persona_role) IS DISTINCT FROM (m.persona, m.score, m.role)
}), '0', 'and agrees with it');
is($node->safe_psql('postgres', q{SELECT count(*) FROM persona.retag_status WHERE state = 'running'}),
	'0', 'no retag is left running');

$node->stop;
done_testing();
