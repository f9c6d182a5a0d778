#!/usr/bin/env bash
# bench/scale.sh DATADIR [ROWS]: runs bench/scale.sql (10,000,000 leads by
# default) against the server of PGHOST/PGPORT and samples the private
# memory (RssAnon) of its backend and the machine's load average every half
# second; prints the smallest and largest memory sample and the mean load
# of each phase (a load well above the phase's own processes means other
# work shared the cores).  Called by bench/run scale, as the cluster's
# owner, from the top of the tree.
set -euo pipefail

datadir=$1
rows=${2:-10000000}
samples=$(mktemp /tmp/persona-scale-memory.XXXXXX)
trap 'rm -f "$samples"' EXIT

PGAPPNAME=persona_bench_scale psql -X -q -v ON_ERROR_STOP=1 -v datadir="$datadir" -v rows="$rows" \
	-f bench/scale.sql &
bench=$!

pid=""
while [ -z "$pid" ] && kill -0 "$bench" 2>/dev/null; do
	pid=$(psql -X -Atc "SELECT pid FROM pg_stat_activity WHERE application_name = 'persona_bench_scale'" 2>/dev/null | head -1)
	sleep 0.2
done
while [ -n "$pid" ] && kill -0 "$bench" 2>/dev/null; do
	kb=$(awk '/^RssAnon:/ {print $2}' "/proc/$pid/status" 2>/dev/null) || break
	[ -n "$kb" ] || break
	echo "$(date +%s.%N) $kb $(cut -d' ' -f1 /proc/loadavg)" >> "$samples"
	sleep 0.5
done
wait "$bench"

echo
echo "backend private memory (RssAnon) and load average, sampled every 0.5 s during each phase:"
psql -X -q -v ON_ERROR_STOP=1 <<EOF
\pset footer off
CREATE TEMP TABLE sample (epoch float8, kb bigint, load1 numeric);
\copy sample FROM '$samples' WITH (DELIMITER ' ')
SELECT p.phase, p.workers, count(s.kb) AS samples,
       round(min(s.kb) / 1024.0, 1) AS min_mb, round(max(s.kb) / 1024.0, 1) AS max_mb,
       round(avg(s.load1), 1) AS mean_load
FROM bench_phase p
LEFT JOIN sample s ON to_timestamp(s.epoch) BETWEEN p.started AND p.ended
GROUP BY p.phase, p.workers, p.started ORDER BY p.started;
EOF
