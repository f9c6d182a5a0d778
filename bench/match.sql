--
-- bench/match.sql: persona matching against a plain scan and against the
-- SQL a CRM admin would write instead.
--
-- 1,000,000 leads: the titles of ../shared/data/titles-pool.csv (six copies
-- in a fixed pseudo-random order, as in bench/throughput.sql) with
-- firmographics derived from hashing the lead's id, so every run sees the
-- same rows.  The sixteen personas of bench/personas.sql are published and
-- matched on one core (max_parallel_workers_per_gather = 0), then with two
-- parallel workers.  The floor is SELECT count(length(title)), the
-- cheapest query that still reads every title; each query runs in turn
-- with it (pg_temp.time_vs_floor), so both see the same state of a shared
-- machine.  The title classification
-- alone (title_seniority, one classification per row) is timed too: every
-- match classifies the title once, so it is the part of the match that
-- the matcher itself cannot shorten.
--
\pset footer off
\i bench/lib.sql
CREATE EXTENSION persona;
SET max_parallel_workers_per_gather = 0;

\set leads_table leads
\i bench/leads.sql

\echo
\echo 'leads: rows, distinct titles, mean title length (bytes), industries, countries:'
SELECT count(*) AS rows, count(DISTINCT title) AS distinct_titles,
       round(avg(octet_length(title)), 1) AS mean_bytes,
       count(DISTINCT industry) AS industries, count(DISTINCT country) AS countries,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY employees) AS median_employees
FROM leads;

\i bench/personas.sql
SELECT persona.publish('bench personas') AS published_version;

--
-- The SQL a CRM admin would write instead: one WHEN per persona, in
-- priority order, case-insensitive regexes over the raw title (a few
-- foreign-language words added by hand) and the same firmographic
-- conditions.  An inlined SQL function, so it runs exactly as the CASE
-- written into the query would.  Patterns are shared between personas
-- where an admin would copy them, and stay under the 32 compiled regexes
-- PostgreSQL caches.
--
CREATE FUNCTION pg_temp.admin_persona(title text, industry text, employees int,
                                      country text, attrs jsonb)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
	WHEN employees < 50
	     AND title ~* '(^|\W)(founder|co-?founder|owner|ceo|chief executive|president|managing director|partner|geschäftsführer|geschaftsfuhrer|inhaber|gründer|fondateur|fundador|dueño|proprietário|directeur général|director general|amministratore delegato)(\W|$)'
	     AND title !~* '(vice|assistant|assistent|product owner)'
		THEN 'founder_small_company'
	WHEN employees >= 1000 AND industry IN ('SaaS', 'Software', 'Financial Services')
	     AND title ~* '((^|\W)(vp|svp|evp|vice president)\W.*(sales|revenue)|chief (revenue|sales|commercial) officer|(^|\W)(cro|cso)(\W|$))'
	     AND title !~* '(operations|assistant)'
		THEN 'enterprise_sales_exec'
	WHEN title ~* '(rev\s*ops|revenue operations|sales ops|sales operations|marketing operations|go.to.market operations|gtm operations|(^|\W)crm(\W|$))'
	     AND title ~* '(manager|director|head|(^|\W)(vp|svp|evp)(\W|$)|vice president|lead|leiter|directeur|director|responsable|gerente)'
	     AND title !~* 'assistant'
		THEN 'revops_leader'
	WHEN title ~* '(rev\s*ops|revenue operations|sales ops|sales operations|marketing operations|go.to.market operations|gtm operations|(^|\W)crm(\W|$))'
	     AND title ~* '(analyst|specialist|associate|administrator|admin|coordinator|intern|analista|analyste)'
		THEN 'revops_analyst'
	WHEN title ~* '(procurement|purchasing|(^|\W)buyer|sourcing|einkauf|einkäufer|achats?|acheteur|compras|comprador|inkoop|acquisti)'
		THEN 'procurement_gatekeeper'
	WHEN title ~* '((^|\W)cfo(\W|$)|chief financial|finance|financial|controller|controlling|finanz|financier|financiero|finanças)'
	     AND title ~* '(director|head|(^|\W)(vp|svp|evp|cfo)(\W|$)|vice president|chief|leiter|directeur|diretor|direttore)'
		THEN 'finance_buyer'
	WHEN title ~* '((^|\W)(cio|ciso|it)(\W|$)|information technology|information security|security|infrastructure|system administrator|network|informatique|informática)'
	     AND title ~* '(manager|director|head|(^|\W)(vp|svp|evp|cio|ciso)(\W|$)|vice president|chief|lead|leiter|directeur|responsable|gerente)'
		THEN 'it_security_evaluator'
	WHEN title ~* '((^|\W)cto(\W|$)|chief technology|engineering|software|(^|\W)data(\W|$)|analytics|development|entwicklung|ingénierie|ingeniería)'
	     AND title ~* '(director|head|(^|\W)(vp|svp|evp|cto)(\W|$)|vice president|chief|leiter|directeur|diretor|direttore)'
		THEN 'tech_evaluator'
	WHEN title ~* '((^|\W)coo(\W|$)|chief operating|operations|betrieb|opérations|operaciones|operações)'
	     AND title ~* '(director|head|(^|\W)(vp|svp|evp|coo)(\W|$)|vice president|chief|leiter|directeur|diretor|direttore)'
	     AND title !~* '(sales|revenue|marketing) op'
		THEN 'coo_operator'
	WHEN country IN ('DE', 'AT', 'CH')
	     AND title ~* '(sales|vertrieb|verkauf|revenue|commercial)'
	     AND title ~* '(director|head|(^|\W)(vp|svp|evp)(\W|$)|vice president|chief|leiter|directeur|diretor|direttore)'
	     AND title !~* '(operations|assistant)'
		THEN 'dach_sales_leader'
	WHEN title ~* '(sales|vertrieb|verkauf|revenue|commercial|ventes|ventas|vendas|vendite|verkoop)'
	     AND title ~* '(director|head|(^|\W)(vp|svp|evp)(\W|$)|vice president|chief|leiter|directeur|diretor|direttore)'
	     AND title !~* '(operations|assistant)'
		THEN 'sales_leader'
	WHEN title ~* '(sales|vertrieb|verkauf|revenue|commercial|ventes|ventas|vendas|vendite|verkoop|business development)'
	     AND title ~* '(manager|supervisor|team lead|gerente|responsable|responsabile)'
	     AND title !~* '(operations|assistant)'
		THEN 'sales_manager'
	WHEN title ~* '((^|\W)(sdr|bdr|ae)(\W|$)|sales development|business development rep|account executive|inside sales|sales rep|account manager|(^|\W)sales(\W|$)|außendienst|vendedor|verkäufer|commercial sédentaire|representante de ventas)'
	     AND title !~* '(operations|manager|director|head|vice president|chief)'
		THEN 'sales_rep'
	WHEN title ~* '((^|\W)cmo(\W|$)|marketing|brand|growth)'
	     AND title ~* '(director|head|(^|\W)(vp|svp|evp)(\W|$)|vice president|chief|leiter|directeur|diretor|direttore)'
		THEN 'marketing_leader'
	WHEN title ~* '(customer success|customer service|customer support|client services|kundenservice|service client|atención al cliente)'
	     AND title ~* '(manager|supervisor|team lead|gerente|responsable|responsabile|director|head|vice president|leiter)'
		THEN 'cs_leader'
	WHEN attrs ->> 'plan' = 'pro'
	     AND title ~* '(growth|demand gen|performance marketing|marketing)'
		THEN 'growth_marketer'
END
$$;

\set floor 'SELECT count(length(title)) FROM leads'
\set match_active 'SELECT count((persona.match(title => title, industry => industry, employees => employees, country => country, attrs => attrs)).persona) FROM leads'
CREATE TEMP TABLE timings (query text, ms numeric, floor_ms numeric, x_floor numeric);
INSERT INTO timings SELECT 'classification alone: persona.title_seniority(title)', *
	FROM pg_temp.time_vs_floor(:'floor', 'SELECT count(persona.title_seniority(title)) FROM leads');
INSERT INTO timings SELECT 'persona.match, active ruleset', *
	FROM pg_temp.time_vs_floor(:'floor', :'match_active');
INSERT INTO timings SELECT 'persona.match(persona.ruleset(), ...) IMMUTABLE', *
	FROM pg_temp.time_vs_floor(:'floor', $q$SELECT count((persona.match((SELECT persona.ruleset()), title, NULL, industry,
	     employees, country, attrs)).persona) FROM leads$q$);
INSERT INTO timings SELECT 'admin regex CASE (16 WHENs)', *
	FROM pg_temp.time_vs_floor(:'floor', $q$SELECT count(pg_temp.admin_persona(title, industry, employees, country, attrs))
	     FROM leads$q$, 3);

\echo
\echo 'floor: SELECT count(length(title)); each query and the floor run in turn,'
\echo '5 times (3 for the regex CASE) after a warm-up; medians of the times and'
\echo 'of the per-turn ratios; 1,000,000 leads, 16 personas, one core:'
SELECT query, round(ms, 1) AS ms,
       round(ms * 1000000 / (SELECT count(*) FROM leads), 1) AS ns_per_row,
       round(floor_ms, 1) AS floor_ms, round(x_floor, 2) AS x_floor
FROM timings;

\echo
\echo 'speed-up of persona.match over the regex CASE (one core):'
SELECT round((SELECT ms FROM timings WHERE query LIKE 'admin%')
             / (SELECT ms FROM timings WHERE query LIKE '%active ruleset'), 2) AS active_ruleset,
       round((SELECT ms FROM timings WHERE query LIKE 'admin%')
             / (SELECT ms FROM timings WHERE query LIKE '%IMMUTABLE'), 2) AS immutable_form;

-- The same persona.match query on two parallel workers plus the leader.
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
\echo
\echo 'plan of the parallel run:'
EXPLAIN (COSTS OFF)
SELECT count((persona.match(title => title, industry => industry,
	employees => employees, country => country, attrs => attrs)).persona) FROM leads;
INSERT INTO timings (query, ms)
	VALUES ('persona.match, active ruleset, 2 workers', pg_temp.time_ms(:'match_active'));
\echo
\echo 'persona.match with max_parallel_workers_per_gather = 2:'
SELECT round(p.ms, 1) AS ms, round(p.ms * 1000000 / (SELECT count(*) FROM leads), 1) AS ns_per_row,
       round(s.ms / p.ms, 2) AS speed_up_over_one_core
FROM timings p, timings s
WHERE p.query = 'persona.match, active ruleset, 2 workers'
  AND s.query = 'persona.match, active ruleset';
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
SET max_parallel_workers_per_gather = 0;

\echo
\echo 'persona distribution (persona.match) and agreement with the regex CASE:'
CREATE TEMP TABLE tagged AS
SELECT m.persona, m.role,
       pg_temp.admin_persona(l.title, l.industry, l.employees, l.country, l.attrs) AS admin
FROM leads l,
     persona.match(title => l.title, industry => l.industry, employees => l.employees,
                   country => l.country, attrs => l.attrs) m;
SELECT coalesce(persona, '(none)') AS persona, count(*) AS leads,
       round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS pct,
       count(*) FILTER (WHERE admin IS NOT DISTINCT FROM persona) AS regex_agrees
FROM tagged GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT coalesce(role, '(none)') AS role, count(*) AS leads
FROM tagged GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT round(100.0 * count(*) FILTER (WHERE admin IS NOT DISTINCT FROM persona) / count(*), 1)
           AS pct_same_as_regex,
       count(*) FILTER (WHERE persona IS NOT NULL) AS tagged_by_persona,
       count(*) FILTER (WHERE admin IS NOT NULL) AS tagged_by_regex
FROM tagged;
