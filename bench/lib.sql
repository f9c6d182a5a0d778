--
-- bench/lib.sql: timing helpers shared by the benchmarks.
--
-- pg_temp.time_ms(query, runs) runs the query once to warm the caches, then
-- runs times more and returns the median wall time in milliseconds.
--
CREATE FUNCTION pg_temp.time_ms(query text, runs int DEFAULT 5)
RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
	started timestamptz;
	times numeric[] := '{}';
BEGIN
	EXECUTE query;
	FOR i IN 1 .. runs LOOP
		started := clock_timestamp();
		EXECUTE query;
		times := times || (extract(epoch FROM clock_timestamp() - started) * 1000)::numeric;
	END LOOP;
	RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(times) t);
END
$$;

--
-- pg_temp.time_vs_floor(floor_query, query, runs) warms both queries up,
-- then runs the floor and the query in turn, runs times, and returns the
-- median time of the query, the median time of the floor, and the median
-- of the per-turn ratios query / floor.  Timing each run beside a floor of
-- its own keeps a slow spell of a shared machine out of the ratio: timed
-- apart (five runs of the floor, then five of the query), five benchmark
-- runs of the same code on the 2-core test machine read 2.1x to 3.1x its
-- floor in one afternoon.
--
CREATE FUNCTION pg_temp.time_vs_floor(floor_query text, query text, runs int DEFAULT 5,
                                      OUT ms numeric, OUT floor_ms numeric, OUT x_floor numeric)
LANGUAGE plpgsql AS $$
DECLARE
	started timestamptz;
	q numeric;
	f numeric;
	qs numeric[] := '{}';
	fs numeric[] := '{}';
	rs numeric[] := '{}';
BEGIN
	EXECUTE floor_query;
	EXECUTE query;
	FOR i IN 1 .. runs LOOP
		started := clock_timestamp();
		EXECUTE floor_query;
		f := (extract(epoch FROM clock_timestamp() - started) * 1000)::numeric;
		started := clock_timestamp();
		EXECUTE query;
		q := (extract(epoch FROM clock_timestamp() - started) * 1000)::numeric;
		fs := fs || f;
		qs := qs || q;
		rs := rs || q / f;
	END LOOP;
	ms := (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(qs) t);
	floor_ms := (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(fs) t);
	x_floor := (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(rs) t);
END
$$;
