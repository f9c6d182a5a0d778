--
-- bench/lib.sql: timing helpers shared by the benchmarks.
--
-- pg_temp.once_ms(query) runs the query once and returns its wall time in
-- milliseconds; the helpers below and bench/tagging.sql time through it.
--
CREATE FUNCTION pg_temp.once_ms(query text)
RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
	started timestamptz := clock_timestamp();
BEGIN
	EXECUTE query;
	RETURN (extract(epoch FROM clock_timestamp() - started) * 1000)::numeric;
END
$$;

-- The median of an array of times (or ratios).
CREATE FUNCTION pg_temp.median(v numeric[])
RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
	SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(v) t
$$;

--
-- pg_temp.time_ms(query, runs) runs the query once to warm the caches, then
-- runs times more and returns the median wall time in milliseconds.
--
CREATE FUNCTION pg_temp.time_ms(query text, runs int DEFAULT 5)
RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
	times numeric[] := '{}';
BEGIN
	EXECUTE query;
	FOR i IN 1 .. runs LOOP
		times := times || pg_temp.once_ms(query);
	END LOOP;
	RETURN pg_temp.median(times);
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
	q numeric;
	f numeric;
	qs numeric[] := '{}';
	fs numeric[] := '{}';
	rs numeric[] := '{}';
BEGIN
	EXECUTE floor_query;
	EXECUTE query;
	FOR i IN 1 .. runs LOOP
		f := pg_temp.once_ms(floor_query);
		q := pg_temp.once_ms(query);
		fs := fs || f;
		qs := qs || q;
		rs := rs || q / f;
	END LOOP;
	ms := pg_temp.median(qs);
	floor_ms := pg_temp.median(fs);
	x_floor := pg_temp.median(rs);
END
$$;
