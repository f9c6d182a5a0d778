--
-- bench/leads.sql: the benchmarks' leads, shared by bench/match.sql and
-- bench/tagging.sql.
--
-- Loads ../shared/data/titles-pool.csv (177,433 real titles) into pool and
-- builds the table :leads_table of :rows leads (default 1,000,000): the
-- pool's titles repeated in a fixed pseudo-random order, with industry,
-- size, country and attributes derived from hashing the lead's id, so
-- every run sees the same rows.
--
\if :{?rows}
\else
\set rows 1000000
\endif
CREATE TABLE pool (title text, source text, lang text);
\set pool_file :datadir '/titles-pool.csv'
COPY pool FROM :'pool_file' WITH (FORMAT csv, HEADER true);

-- h(id, salt) is a deterministic, well-spread non-negative integer.
CREATE TABLE :leads_table AS
WITH t AS (
	SELECT row_number() OVER (ORDER BY md5(title || g)) AS id, title
	FROM pool CROSS JOIN generate_series(1, (:rows + 177432) / 177433) g
	ORDER BY md5(title || g) LIMIT :rows
), h AS (
	SELECT id::int AS id, title,
	       hashint4(id::int) & 2147483647 AS h1,
	       hashint4(id::int # 1431655765) & 2147483647 AS h2,
	       hashint4(id::int # 715827882) & 2147483647 AS h3,
	       hashint4(id::int # 1010101010) & 2147483647 AS h4
	FROM t
)
SELECT id, title,
       (ARRAY['SaaS', 'Software', 'Financial Services', 'Manufacturing', 'Healthcare', 'Retail',
              'Professional Services', 'Logistics', 'Education', 'Media'])[1 + h1 % 10] AS industry,
       -- a long tail of company sizes: about 45% under 50 employees
       (ARRAY[3, 5, 8, 12, 15, 25, 30, 40, 45, 60, 80, 120, 200, 250, 400, 600, 1200, 2500,
              5000, 20000])[1 + h2 % 20] + (h2 / 20) % 7 AS employees,
       (ARRAY['US', 'US', 'US', 'GB', 'DE', 'DE', 'FR', 'ES', 'NL', 'IT', 'BR', 'CA', 'AT', 'CH',
              'MX', 'PT'])[1 + h3 % 16] AS country,
       jsonb_build_object('plan', (ARRAY['free', 'pro', 'pro', 'enterprise'])[1 + h4 % 4],
                          'source', (ARRAY['inbound', 'outbound', 'event', 'partner'])[1 + (h4 / 4) % 4])
           AS attrs
FROM h;
VACUUM (FREEZE, ANALYZE) :leads_table;
