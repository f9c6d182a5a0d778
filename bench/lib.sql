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
