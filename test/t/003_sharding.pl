# Sharding over postgres_fdw: a coordinator and two shards, persona
# installed on each.  The coordinator's leads table is partitioned by hash
# of the id; its two partitions are foreign tables on the shards (servers
# with extensions 'persona' and async_capable 'true').
#
# The table is attached on the coordinator, so its persona_tag trigger is
# cloned onto the foreign partitions and runs in the coordinator's backend
# before postgres_fdw sends the row: the active ruleset, the attachment
# registry and the audit live on the coordinator only, the shards hold
# data and the library, and nothing persona keeps must agree between nodes.
#
# Shows: attach on the partitioned table; rows inserted through the
# coordinator are tagged (by the coordinator: EXPLAIN ANALYZE shows the
# trigger, the shards have none); the IMMUTABLE ruleset form of
# persona.match is shipped inside the Remote SQL, and a filter on
# persona.match_persona is computed on the shards; persona.retag of the
# sharded table works; overrides work through the coordinator; the tags,
# the audit, persona.tagged_rows and every report view over the sharded
# table equal those of a single-node copy of the same rows.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my @shards = map { PostgreSQL::Test::Cluster->new("shard$_") } (1, 2);
my $coord = PostgreSQL::Test::Cluster->new('coordinator');
foreach my $node ($coord, @shards)
{
	$node->init;
	$node->start;
	$node->safe_psql('postgres', 'CREATE EXTENSION persona');
}

# On the shards: the table with its output columns, no trigger, no
# persona state.
foreach my $shard (@shards)
{
	$shard->safe_psql('postgres', q{
		CREATE TABLE leads (id int PRIMARY KEY, title text, industry text, employees int,
			country text, account text, owner text,
			persona text, persona_score real, persona_role text,
			persona_seniority persona.seniority, persona_function persona.job_function,
			persona_ruleset_version int, persona_locked boolean NOT NULL DEFAULT false,
			persona_tagged_at timestamptz);
	});
}

# The personas, published on the coordinator and on the single-node copy.
my $profiles = q{
	INSERT INTO persona.profile (key, name, priority, title_keywords, seniorities, functions,
		industries, employees, countries) VALUES
		('sales_leader', 'Sales leader', 20, NULL, '{director,head,vp,cxo}', '{sales}', NULL, NULL, NULL),
		('revops_leader', 'RevOps leader', 30, '{revenue operations,sales operations}',
		 '{manager,director,head,vp}', NULL, NULL, NULL, NULL),
		('founder', 'Founder of a small company', 10, NULL, '{owner,cxo}', NULL, NULL, '[1,50)', NULL),
		('fin_buyer', 'Finance buyer', 5, NULL, '{director,head,vp,cxo}', '{finance}',
		 '{SaaS,Financial Services}', NULL, NULL),
		('dach_sales', 'DACH sales leader', 25, NULL, '{head,director}', '{sales}', NULL, NULL, '{DE,AT,CH}');
	SELECT persona.publish('v1');
};
# 3,000 leads, the same on both sides.
my $rows = q{
	SELECT g, (ARRAY['VP Sales', 'Head of Revenue Operations', 'Sales Operations Analyst',
	                 'Chief Executive Officer', 'Founder & CEO', 'Vertriebsleiter', 'Directeur commercial',
	                 'Software Engineer', 'CFO', 'Finance Director', 'Account Executive', 'Office Manager',
	                 'Head of Sales DACH', NULL])[1 + g % 14],
	       (ARRAY['SaaS', 'Financial Services', 'Retail', NULL])[1 + (g / 14) % 4],
	       (ARRAY[8, 40, 300, 5000, NULL])[1 + (g / 56) % 5],
	       (ARRAY['US', 'DE', 'FR', 'AT'])[1 + (g / 7) % 4],
	       'acct' || (g % 400), (ARRAY['ann', 'bob', 'cho'])[1 + g % 3]
	FROM generate_series(1, 3000) g
};
my $attach = q{
	SELECT persona.attach('leads', title => 'title', industry => 'industry',
		employees => 'employees', country => 'country', account => 'account', owner => 'owner',
		key => 'id');
	-- Open opportunities, a local table on each side, for the account reports.
	CREATE TABLE opportunities (id int PRIMARY KEY, account text, amount numeric, stage text);
	INSERT INTO opportunities
	SELECT g, 'acct' || (g * 7 % 400), 1000 * (g % 13),
	       (ARRAY['discovery', 'proposal', 'closed won', 'closed lost'])[1 + g % 4]
	FROM generate_series(1, 900) g;
	SELECT persona.map_opportunities('opportunities', account => 'account', amount => 'amount',
		stage => 'stage');
};

# The single-node copy: a plain table in another database of the coordinator.
$coord->safe_psql('postgres', 'CREATE DATABASE single');
$coord->safe_psql('single', qq{
	CREATE EXTENSION persona;
	$profiles
	CREATE TABLE leads (id int PRIMARY KEY, title text, industry text, employees int,
		country text, account text, owner text);
	$attach
	INSERT INTO leads (id, title, industry, employees, country, account, owner) $rows;
});

# The coordinator: two servers, a hash-partitioned table of foreign tables.
my $servers = '';
foreach my $i (0, 1)
{
	my $shard = $shards[$i];
	my ($host, $port) = ($shard->host, $shard->port);
	$servers .= qq{
		CREATE SERVER shard$i FOREIGN DATA WRAPPER postgres_fdw
			OPTIONS (host '$host', port '$port', dbname 'postgres',
			         extensions 'persona', async_capable 'true');
		CREATE USER MAPPING FOR CURRENT_USER SERVER shard$i;
		CREATE FOREIGN TABLE leads_$i PARTITION OF leads
			FOR VALUES WITH (MODULUS 2, REMAINDER $i) SERVER shard$i OPTIONS (table_name 'leads');
	};
}
$coord->safe_psql('postgres', qq{
	CREATE EXTENSION postgres_fdw;
	$profiles
	CREATE TABLE leads (id int NOT NULL, title text, industry text, employees int,
		country text, account text, owner text) PARTITION BY HASH (id);
	$servers
	$attach
});

# Attach added the output columns on the coordinator and cloned the
# trigger onto both foreign partitions.
is($coord->safe_psql('postgres', q{
	SELECT string_agg(tgrelid::regclass::text || ':' || c.relkind::text, ',' ORDER BY tgrelid::regclass::text)
	FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE tgname = 'persona_tag'}),
	'leads:p,leads_0:f,leads_1:f', 'the trigger is on the partitioned table and cloned onto both foreign partitions');

# Insert through the coordinator; EXPLAIN ANALYZE shows the trigger firing there.
my $insert_plan = $coord->safe_psql('postgres', qq{
	EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
	INSERT INTO leads (id, title, industry, employees, country, account, owner) $rows});
my @calls = map { $insert_plan =~ /Trigger persona_tag on leads_$_: calls=(\d+)/ ? $1 : 0 } (0, 1);
ok($calls[0] > 0 && $calls[1] > 0 && $calls[0] + $calls[1] == 3000,
	"the coordinator ran the trigger for every row: $calls[0] for shard 1, $calls[1] for shard 2");

foreach my $i (0, 1)
{
	my $shard = $shards[$i];
	is($shard->safe_psql('postgres', q{
		SELECT count(*), count(persona_ruleset_version), count(persona_tagged_at) FROM leads}),
		"$calls[$i]|$calls[$i]|$calls[$i]", "shard " . ($i + 1) . ": its rows arrived tagged");
	is($shard->safe_psql('postgres', q{
		SELECT (SELECT count(*) FROM pg_trigger WHERE tgname = 'persona_tag'),
		       (SELECT count(*) FROM persona.ruleset_version),
		       (SELECT count(*) FROM persona.attached),
		       (SELECT count(*) FROM persona.audit)}),
		'0|0|0|0', "shard " . ($i + 1) . ": no trigger, no ruleset, no attachment, no audit: no persona state");
}

# The tags, every output column but the time, against the single node.
my $tags_query = q{
	SELECT md5(string_agg(concat_ws('|', id, persona, persona_score, persona_role, persona_seniority,
		persona_function, persona_ruleset_version, persona_locked), ',' ORDER BY id)), count(*)
	FROM leads};
my $single_tags = $coord->safe_psql('single', $tags_query);
is($coord->safe_psql('postgres', $tags_query), $single_tags,
	'the sharded rows carry exactly the tags of the single-node copy');

# The IMMUTABLE ruleset form is shipped inside the Remote SQL: a persona
# distribution under the active ruleset (an InitPlan, sent as a
# parameter) or a literal one, computed on the shards.
my $per_shard = q{
	SELECT (m).persona, sum(n) FROM (
		SELECT persona.match(%s, title, industry => industry, employees => employees,
		                     country => country) AS m, count(*) AS n
		FROM leads_0 GROUP BY 1
		UNION ALL
		SELECT persona.match(%s, title, industry => industry, employees => employees,
		                     country => country), count(*)
		FROM leads_1 GROUP BY 1) s
	GROUP BY 1 ORDER BY 1};
my $active = '(SELECT persona.ruleset())';
my $plan = $coord->safe_psql('postgres',
	'EXPLAIN (VERBOSE, COSTS OFF) ' . sprintf($per_shard, $active, $active));
like($plan, qr/Relations: Aggregate on \(public\.leads_0\)\n\s+Remote SQL: SELECT persona\.match\(\$1::persona\.ruleset, title, NULL::text, industry, employees, country, NULL::jsonb\), count\(\*\) FROM public\.leads GROUP BY 1/,
	'persona.match with the active ruleset is shipped to shard 1, the ruleset a parameter');
like($plan, qr/Relations: Aggregate on \(public\.leads_1\)\n\s+Remote SQL: SELECT persona\.match\(\$1::persona\.ruleset/,
	'and to shard 2');
my $literal = q{'{"format":1,"profiles":[{"key":"exec","name":"Exec","seniorities":["cxo","owner"]}]}'::persona.ruleset};
$plan = $coord->safe_psql('postgres',
	'EXPLAIN (VERBOSE, COSTS OFF) ' . sprintf($per_shard, $literal, $literal));
like($plan, qr/Remote SQL: SELECT persona\.match\('\{"format":1,"version":null,.*"seniorities":\["cxo","owner"\].*\}'::persona\.ruleset, title,/,
	'a literal ruleset is shipped as it is');
my $distribution = q{
	SELECT (persona.match(persona.ruleset(), title, industry => industry, employees => employees,
	        country => country)).persona, count(*)
	FROM leads GROUP BY 1 ORDER BY 1};
is($coord->safe_psql('postgres', sprintf($per_shard, $active, $active)),
	$coord->safe_psql('single', $distribution),
	'the shards compute the same distribution as the single node');
# A filter on the persona a ruleset gives: persona.match_persona is a scalar,
# so the filter is shipped to the shards whole.
my $filter = q{SELECT count(*) FROM leads_0 WHERE persona.match_persona(%s, title, industry => industry,
	employees => employees, country => country) = 'exec'};
$plan = $coord->safe_psql('postgres', 'EXPLAIN (VERBOSE, COSTS OFF) ' . sprintf($filter, $literal));
like($plan, qr/Remote SQL: SELECT count\(\*\) FROM public\.leads WHERE \(\(persona\.match_persona\('\{"format":1,/,
	'a filter on persona.match_persona is computed on the shard');
is($coord->safe_psql('postgres', sprintf($filter, $literal)),
	$coord->safe_psql('postgres', sprintf(q{SELECT count(*) FROM leads_0 WHERE (persona.match(%s, title, industry => industry,
		employees => employees, country => country)).persona = 'exec'}, $literal)),
	'and counts what the coordinator counts with persona.match');
like($coord->safe_psql('postgres', 'EXPLAIN (COSTS OFF) SELECT persona, count(*) FROM leads GROUP BY 1'),
	qr/Async Foreign Scan on leads_0.*Async Foreign Scan on leads_1/s,
	'the shards are read concurrently (async_capable)');

# A profile change, published on the coordinator, then a re-tag of the
# sharded table (and of the single node).
my $change = q{
	UPDATE persona.profile SET employees = '[1,1000)' WHERE key = 'founder';
	UPDATE persona.profile SET seniorities = '{manager,director,head,vp,cxo}' WHERE key = 'sales_leader';
	SELECT persona.publish('v2');
};
$coord->safe_psql('postgres', $change);
$coord->safe_psql('single', $change);
my ($ret, $stdout, $stderr) = $coord->psql('postgres', q{CALL persona.retag('leads', batch_size => 400)});
is($ret, 0, 'persona.retag of the sharded table finished');
like($stderr, qr/retag leads: 3000 rows to tag with ruleset version 2/, 'it re-tagged every row');
$coord->safe_psql('single', q{SET client_min_messages = warning; CALL persona.retag('leads', batch_size => 400)});
foreach my $i (0, 1)
{
	is($shards[$i]->safe_psql('postgres',
		q{SELECT count(*) FROM leads WHERE persona_ruleset_version IS DISTINCT FROM 2}),
		'0', "shard " . ($i + 1) . ": every row carries version 2");
}
$single_tags = $coord->safe_psql('single', $tags_query);
is($coord->safe_psql('postgres', $tags_query), $single_tags,
	'after the re-tag the sharded rows still equal the single-node copy');
my $audit_query = q{
	SELECT count(*), md5(string_agg(concat_ws('|', row_key, old_persona, new_persona, old_role, new_role,
		ruleset_version, manual), ',' ORDER BY row_key::int, id))
	FROM persona.audit};
my $single_audit = $coord->safe_psql('single', $audit_query);
like($single_audit, qr/^[1-9]\d*\|/, 'the re-tag changed some personas');
is($coord->safe_psql('postgres', $audit_query), $single_audit,
	'the coordinator audited the same changes as the single node');

# A hand override through the coordinator locks the row on its shard.
foreach my $db ('postgres', 'single')
{
	$coord->safe_psql($db, q{SELECT persona.override('leads', '7', persona => 'founder')});
	$coord->safe_psql($db, q{UPDATE leads SET title = 'Software Engineer' WHERE id IN (7, 8)});
}
is(join('', map { $_->safe_psql('postgres', q{SELECT persona, persona_locked FROM leads WHERE id = 7}) } @shards),
	'founder|t', 'an override through the coordinator is kept and locked on the shard');
is($coord->safe_psql('postgres', $tags_query), $coord->safe_psql('single', $tags_query),
	'after an override and an edit the tags still equal the single-node copy');

# persona.tagged_rows, a GROUP BY over it, and every other view of schema
# persona (the reports, and their snapshots once refreshed), without their
# time columns, against the single node.
$coord->safe_psql($_, 'SELECT count(*) FROM persona.refresh_reports()') foreach ('postgres', 'single');
is($coord->safe_psql('postgres', q{
	SELECT persona, role, count(*), round(avg(score)::numeric, 4), count(DISTINCT owner)
	FROM persona.tagged_rows GROUP BY 1, 2 ORDER BY 1, 2}),
	$coord->safe_psql('single', q{
	SELECT persona, role, count(*), round(avg(score)::numeric, 4), count(DISTINCT owner)
	FROM persona.tagged_rows GROUP BY 1, 2 ORDER BY 1, 2}),
	'persona.tagged_rows grouped by persona and role: the same answers');
my @views = split /\n/, $coord->safe_psql('postgres', q{
	SELECT c.relname FROM pg_class c
	WHERE c.relnamespace = 'persona'::regnamespace AND c.relkind IN ('v', 'm')
	  AND c.relname <> 'retag_status'
	ORDER BY 1});
ok(grep({ $_ eq 'tagged_rows' } @views), 'the views compared include persona.tagged_rows');
foreach my $view (@views)
{
	# Every column as text, the time columns left out, rows in a fixed order.
	my $query = $coord->safe_psql('postgres', qq{
		SELECT format('SELECT count(*), md5(string_agg(r, E''\\n'' ORDER BY r)) FROM (SELECT concat_ws(''|'', %s) AS r FROM persona.%I) s',
		              string_agg(format('%I::text', attname), ', ' ORDER BY attnum), '$view')
		FROM pg_attribute
		WHERE attrelid = 'persona.$view'::regclass AND attnum > 0 AND NOT attisdropped
		  AND atttypid NOT IN ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype, 'interval'::regtype)});
	my $single = $coord->safe_psql('single', $query);
	like($single, qr/^[1-9]/, "persona.$view has rows");
	is($coord->safe_psql('postgres', $query), $single,
		"persona.$view over the sharded table equals the single-node copy");
}

$_->stop foreach ($coord, @shards);
done_testing();
