#!/usr/bin/env bash
# test/fuzz/run.sh: fuzz the title classifier and the ruleset decoder, then
# replay what the fuzzers found in a running server.
#
#   test/fuzz/run.sh [SECONDS]        (default: $FUZZ_SECONDS, else 60)
#
# 1. Builds test/fuzz/fuzz_title.c (src/title.c src/lexicon.c) and
#    test/fuzz/fuzz_ruleset.c (src/ruleset.c on test/fuzz/pg_shim.c) with
#    clang-14 -fsanitize=fuzzer,address,undefined, and runs each for SECONDS
#    on a copy of its seed corpus (the repository is never written).  A
#    crash, a sanitizer report, a failed check or a timeout is a finding:
#    its input is kept in $FUZZ_OUT (default: a temporary directory, printed)
#    and shown in hex.
# 2. Replays the grown corpora in the server that PGHOST, PGPORT, PGUSER
#    (a superuser: COPY to a server file) and PGDATABASE point at, in a
#    scratch database it creates and drops: every title through
#    persona.title_parse, title_explain and persona.match; every ruleset
#    payload through persona.ruleset_recv (COPY BINARY of a bytea into a
#    ruleset column), and each accepted value through its text form and a
#    matcher; then mutates the canonical JSON of the accepted values for
#    $FUZZ_SQL_SECONDS (default 20) through ::persona.ruleset.  A SQLSTATE
#    XX000, a lost connection or an accepted value whose text does not read
#    back to it is a finding.
#
# Ends with "N passed, N failed"; exits non-zero on any finding.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SECONDS_EACH=${1:-${FUZZ_SECONDS:-60}}
SQL_SECONDS=${FUZZ_SQL_SECONDS:-20}
CC_FUZZ=${CC_FUZZ:-clang-14}
PG_CONFIG=${PG_CONFIG:-pg_config}
PGINC=$("$PG_CONFIG" --includedir-server)
PGLIB=$("$PG_CONFIG" --pkglibdir)
FUZZ_OUT=${FUZZ_OUT:-$(mktemp -d /tmp/persona-fuzz.XXXXXX)}
DB=persona_fuzz_$$

passed=0 failed=0
say() { printf '\n== %s\n' "$*"; }
# timed CMD...: run it, say how long it took.
timed() {
	local t0=$SECONDS rc
	"$@"; rc=$?
	echo "($((SECONDS - t0)) s)"
	return $rc
}
# step NAME CMD...: one counted step.
step() {
	local name=$1; shift
	say "$name"
	if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

mkdir -p "$FUZZ_OUT/bin" "$FUZZ_OUT/corpus_title" "$FUZZ_OUT/corpus_ruleset" "$FUZZ_OUT/findings"
cp "$HERE"/corpus_title/* "$FUZZ_OUT/corpus_title/"
cp "$HERE"/corpus_ruleset/* "$FUZZ_OUT/corpus_ruleset/"
echo "fuzz output in $FUZZ_OUT"

SAN="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
build_title() {
	"$CC_FUZZ" $SAN -std=c99 -Wall -Wextra -Werror -I"$ROOT/src" -o "$FUZZ_OUT/bin/fuzz_title" \
		"$HERE/fuzz_title.c" "$ROOT/src/title.c" "$ROOT/src/lexicon.c"
}
# -fwrapv -fno-strict-aliasing: the server's own code-generation flags.
build_ruleset() {
	"$CC_FUZZ" $SAN -fwrapv -fno-strict-aliasing -Wall -Werror -Wno-ignored-attributes \
		-I"$PGINC" -I"$ROOT/src" -o "$FUZZ_OUT/bin/fuzz_ruleset" \
		"$HERE/fuzz_ruleset.c" "$HERE/pg_shim.c" "$ROOT/src/ruleset.c" "$PGLIB/libpgport_shlib.a"
}

# fuzz NAME MAXLEN: run one harness for SECONDS_EACH; show any finding.
fuzz() {
	local name=$1 maxlen=$2 rc f
	[ -x "$FUZZ_OUT/bin/fuzz_$name" ] || { echo "fuzz_$name was not built"; return 1; }
	UBSAN_OPTIONS=print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
	"$FUZZ_OUT/bin/fuzz_$name" -max_total_time="$SECONDS_EACH" -max_len="$maxlen" \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$FUZZ_OUT/findings/$name-" "$FUZZ_OUT/corpus_$name" \
		>"$FUZZ_OUT/fuzz_$name.log" 2>&1
	rc=$?
	grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$FUZZ_OUT/fuzz_$name.log"
	for f in "$FUZZ_OUT/findings/$name-"*; do
		[ -e "$f" ] || continue
		rc=1
		echo "---- finding $f"; od -A d -t x1z "$f" | head -20
	done
	if [ "$rc" -ne 0 ]; then
		echo "---- fuzz_$name.log (tail)"; grep -v '^#' "$FUZZ_OUT/fuzz_$name.log" | tail -40
	fi
	echo "corpus_$name: $(ls "$FUZZ_OUT/corpus_$name" | wc -l) inputs"
	return "$rc"
}

# ---- replay in the server ----

q() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

# hexlines DIR: "name hex" per file.
hexlines() {
	perl -e 'for my $f (@ARGV) {
			open(my $fh, "<:raw", $f) or die "$f: $!"; local $/; my $b = <$fh>; close $fh;
			my $n = $f; $n =~ s{.*/}{};
			print $n, " ", unpack("H*", defined $b ? $b : ""), "\n";
		}' "$1"/*
}

setup_db() {
	psql -X -q -v ON_ERROR_STOP=1 -d "${PGDATABASE:-postgres}" -c "CREATE DATABASE $DB" &&
	q <<-'SQL'
	CREATE EXTENSION persona;
	CREATE TABLE fuzz_title (name text, bytes bytea);
	CREATE TABLE fuzz_ruleset (name text, bytes bytea);
	CREATE TABLE fuzz_result (what text, name text, sqlstate text, message text);
	INSERT INTO persona.profile (key, name, title_keywords, seniorities)
	VALUES ('leader', 'Leader', '{vp sales,geschaftsfuhrer,directeur}', '{vp,cxo,head}');
	DO $$ BEGIN PERFORM persona.publish('fuzz'); END $$;
	SQL
}

drop_db() {
	psql -X -q -d "${PGDATABASE:-postgres}" -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
}

# The titles: what follows a NUL (the harness's lexicon part is not a
# title); text cannot carry NUL or invalid UTF-8, so those bytes become a
# space and U+FFFD first.
load_titles() {
	perl -MEncode -e 'for my $f (@ARGV) {
			open(my $fh, "<:raw", $f) or die "$f: $!"; local $/; my $b = <$fh>; close $fh;
			$b = "" unless defined $b; $b =~ s/^[^\0]*\0//s; $b =~ tr/\0/ /;
			my $t = Encode::decode("UTF-8", $b, Encode::FB_DEFAULT);
			my $n = $f; $n =~ s{.*/}{};
			print $n, " ", unpack("H*", Encode::encode("UTF-8", $t)), "\n";
		}' "$FUZZ_OUT"/corpus_title/* |
	q -c "COPY fuzz_title FROM STDIN WITH (FORMAT text, DELIMITER ' ')" &&
	q -c "UPDATE fuzz_title SET bytes = decode(encode(bytes, 'escape'), 'hex')"
}

replay_titles() {
	load_titles || return 1
	q <<-'SQL' || return 1
	DO $$
	DECLARE
		t record;
		st text;
		msg text;
		title text;
	BEGIN
		FOR t IN SELECT name, bytes FROM fuzz_title ORDER BY name LOOP
			BEGIN
				title := convert_from(t.bytes, 'UTF8');
				PERFORM * FROM persona.title_parse(title);
				PERFORM * FROM persona.title_explain(title);
				PERFORM persona.title_normalize(title), persona.title_seniority(title),
					persona.title_function(title);
				PERFORM * FROM persona.match(title, department => title, industry => title,
					country => title);
				PERFORM * FROM persona.explain(title);
				-- the same title 2,000 times over: only its first 1,024 bytes count
				PERFORM * FROM persona.title_parse(repeat(title || ' ', 2000));
			EXCEPTION WHEN others THEN
				GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
				INSERT INTO fuzz_result VALUES ('title', t.name, st, msg);
			END;
		END LOOP;
	END
	$$;
	SQL
	report title "$(q -At -c "SELECT count(*) FROM fuzz_title")"
}

load_rulesets() {
	{
		hexlines "$FUZZ_OUT/corpus_ruleset" | sed 's/ / 01/'
		# the format byte itself
		hexlines "$HERE/corpus_ruleset" | sed 's/ / 02/; s/^/fmt2-/'
		echo "empty-value "
	} | q -c "COPY fuzz_ruleset FROM STDIN WITH (FORMAT text, DELIMITER ' ')" &&
	q -c "UPDATE fuzz_ruleset SET bytes = decode(encode(bytes, 'escape'), 'hex')"
}

replay_rulesets() {
	load_rulesets || return 1
	q -v copyfile="/tmp/persona_fuzz_$$.copy" <<-'SQL' || return 1
	CREATE TEMP TABLE one_bytes (b bytea);
	CREATE TEMP TABLE one_ruleset (r persona.ruleset);
	CREATE TABLE accepted (name text, r persona.ruleset);
	SELECT set_config('persona_fuzz.copy_file', :'copyfile', false) IS NOT NULL AS ok \gset
	DO $$
	DECLARE
		t record;
		st text;
		msg text;
		r persona.ruleset;
		stage text;
		file text := current_setting('persona_fuzz.copy_file');
	BEGIN
		FOR t IN SELECT name, bytes FROM fuzz_ruleset ORDER BY name LOOP
			BEGIN
				stage := 'recv';
				TRUNCATE one_bytes, one_ruleset;
				INSERT INTO one_bytes VALUES (t.bytes);
				EXECUTE format('COPY one_bytes TO %L WITH (FORMAT binary)', file);
				EXECUTE format('COPY one_ruleset FROM %L WITH (FORMAT binary)', file);
				SELECT one_ruleset.r INTO r FROM one_ruleset;
				INSERT INTO accepted VALUES (t.name, r);
				stage := 'text round trip';
				IF NOT (r::text::persona.ruleset OPERATOR(persona.=) r) THEN
					RAISE EXCEPTION 'the text form reads back to another value' USING ERRCODE = 'XX001';
				END IF;
				stage := 'match';
				PERFORM * FROM persona.match(r, 'VP Sales', department => 'Sales', industry => 'SaaS',
					employees => 100, country => 'DE', attrs => '{"plan":"enterprise"}');
				PERFORM * FROM persona.explain(r, 'Geschäftsführer', employees => 5);
			EXCEPTION WHEN others THEN
				GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
				INSERT INTO fuzz_result VALUES ('ruleset ' || stage, t.name, st, msg);
			END;
		END LOOP;
	END
	$$;
	SQL
	rm -f "/tmp/persona_fuzz_$$.copy" 2>/dev/null
	report 'ruleset recv' "$(q -At -c "SELECT count(*) FROM fuzz_ruleset")" &&
	report 'ruleset text round trip' "$(q -At -c "SELECT count(*) FROM accepted")" &&
	report 'ruleset match' "$(q -At -c "SELECT count(*) FROM accepted")"
}

# Mutate the canonical JSON of the accepted values: delete, repeat or
# replace a piece by a token from a list of trouble makers.
mutate_json() {
	q -v seconds="$SQL_SECONDS" <<-'SQL' || return 1
	SELECT set_config('persona_fuzz.seconds', :'seconds', false) IS NOT NULL AS ok \gset
	DO $$
	DECLARE
		seeds text[] := ARRAY(SELECT DISTINCT r::text FROM accepted ORDER BY 1);
		tokens text[] := ARRAY['null', 'true', '-1', '0', '1e309', '-0', '1.5', '2147483648',
			'"x"', '""', '" "', '[]', '{}', '[null]', '["vp","vp"]', '"\u0000"', '"\ud800"',
			'"empty"', '"[5,1)"', '"(,)"', '"[1,2147483647]"', '{"a":{"b":1}}', '"\u00e9"',
			'"ceo"', '"Sales"', '"a_b"', '"A"', 'NaN', '"NaN"', '1e-50', ',', ':', '"', '\', '{', ']'];
		deadline timestamptz := clock_timestamp()
			+ make_interval(secs => current_setting('persona_fuzz.seconds')::int);
		s text;
		i int;
		p int;
		n int := 0;
		accepted int := 0;
		r persona.ruleset;
		st text;
		msg text;
	BEGIN
		PERFORM setseed(0.7);
		IF cardinality(seeds) = 0 THEN
			RAISE EXCEPTION 'no accepted ruleset to mutate';
		END IF;
		WHILE clock_timestamp() < deadline LOOP
			s := seeds[1 + floor(random() * cardinality(seeds))::int];
			FOR i IN 1 .. 1 + floor(random() * 4)::int LOOP
				p := 1 + floor(random() * greatest(length(s), 1))::int;
				CASE floor(random() * 4)::int
					WHEN 0 THEN s := overlay(s placing '' from p for 1 + floor(random() * 8)::int);
					WHEN 1 THEN s := overlay(s placing substr(s, p, 1 + floor(random() * 40)::int) from p for 0);
					ELSE s := overlay(s placing tokens[1 + floor(random() * cardinality(tokens))::int]
						from p for floor(random() * 6)::int);
				END CASE;
			END LOOP;
			n := n + 1;
			r := NULL;
			BEGIN
				r := s::persona.ruleset;
			EXCEPTION WHEN others THEN
				GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
				IF st NOT IN ('22P02', '22003', '54000', '22021', '22P05') THEN
					INSERT INTO fuzz_result VALUES ('json mutation', s, st, msg);
				END IF;
			END;
			-- what was accepted must read back from its own text
			IF r IS NOT NULL THEN
				accepted := accepted + 1;
				BEGIN
					IF NOT (r::text::persona.ruleset OPERATOR(persona.=) r) THEN
						INSERT INTO fuzz_result VALUES ('json mutation', s, 'XX001',
							'the text form reads back to another value');
					END IF;
				EXCEPTION WHEN others THEN
					GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
					INSERT INTO fuzz_result VALUES ('json mutation', s, 'XX001',
						'the text form is refused: ' || st || ' ' || msg);
				END;
			END IF;
		END LOOP;
		RAISE NOTICE 'json mutation: % literals, % accepted', n, accepted;
	END
	$$;
	SQL
	report 'json mutation' ''
}

# report WHAT N: what a replay stage found; fails on XX000/XX001 or a SQLSTATE
# outside the input classes.
report() {
	local what=$1 n=$2 bad
	[ -n "$n" ] && echo "$what: $n inputs"
	q -At -F ' | ' -c "SELECT sqlstate, count(*) FROM fuzz_result WHERE what = '$what' GROUP BY 1 ORDER BY 1" |
		sed 's/^/  sqlstate /'
	bad=$(q -At -F ' | ' -c "SELECT what, sqlstate, left(name, 200), message FROM fuzz_result
		WHERE what = '$what' AND (sqlstate LIKE 'XX%' OR sqlstate LIKE '58%'
			OR (what = 'title' OR what LIKE 'ruleset text%' OR what = 'ruleset match') AND sqlstate NOT IN ('57014'))
		ORDER BY 1, 3 LIMIT 20")
	if [ -n "$bad" ]; then echo "findings:"; echo "$bad"; return 1; fi
	return 0
}

step "build fuzz_title" timed build_title
step "build fuzz_ruleset" timed build_ruleset
step "fuzz persona_title_classify/normalize for ${SECONDS_EACH}s" timed fuzz title 4096
step "fuzz ruleset_decode_payload for ${SECONDS_EACH}s" timed fuzz ruleset 65536

if psql -X -q -d "${PGDATABASE:-postgres}" -c 'SELECT 1' >/dev/null 2>&1; then
	drop_db
	step "scratch database $DB" timed setup_db
	step "replay the title corpus in the server" timed replay_titles
	step "replay the ruleset corpus in the server" timed replay_rulesets
	step "mutate ruleset JSON in the server for ${SQL_SECONDS}s" timed mutate_json
	# A crash takes every session down: make sure the server is still there.
	step "the server is up" psql -X -q -At -d "${PGDATABASE:-postgres}" -c "SELECT 'up'"
	drop_db
else
	say "no server at PGHOST=${PGHOST:-} PGPORT=${PGPORT:-}: replay not run"
	failed=$((failed + 1))
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
