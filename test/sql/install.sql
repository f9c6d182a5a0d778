--
-- Installing persona: what it creates, and how every function is marked.
--
CREATE EXTENSION persona;

-- Everything the extension owns.
SELECT pg_catalog.pg_describe_object(classid, objid, objsubid) AS member
FROM pg_catalog.pg_depend
WHERE refclassid = 'pg_catalog.pg_extension'::regclass
  AND refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'persona')
  AND deptype = 'e'
ORDER BY 1;

-- Catalog audit: volatility (i/s/v), strictness and parallel safety (s/r/u)
-- of every function, against this reviewed list.
SELECT p.oid::regprocedure AS function, p.provolatile AS volatility,
       p.proisstrict AS strict, p.proparallel AS parallel
FROM pg_catalog.pg_proc p
WHERE p.pronamespace = 'persona'::regnamespace
ORDER BY p.oid::regprocedure::text;

-- Every public object has a comment (expected: no rows).
SELECT pg_catalog.pg_describe_object(d.classid, d.objid, 0) AS uncommented
FROM pg_catalog.pg_depend d
WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'persona')
  AND d.deptype = 'e'
  AND d.classid IN ('pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_type'::regclass,
                    'pg_catalog.pg_class'::regclass)
  AND pg_catalog.obj_description(d.objid, d.classid::regclass::text) IS NULL
  -- array types and a table's row type carry their base object's comment
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND t.oid = d.objid
                    AND (t.typelem <> 0 OR t.typrelid <> 0))
ORDER BY 1;

-- The user lexicon is dumped by pg_dump (all of its rows are the user's).
SELECT unnest(extconfig)::regclass AS dumped_table, unnest(extcondition) AS condition
FROM pg_catalog.pg_extension WHERE extname = 'persona';
