--
-- The user lexicon table: what it accepts and the errors it gives.
--
\set VERBOSITY terse

INSERT INTO persona.lexicon (term, canonical, note)
VALUES ('Quota Carrier', 'account executive', 'our reps call themselves this');
INSERT INTO persona.lexicon (term, seniority, job_function, subfunction)
VALUES ('Growth Hacker', 'senior', 'marketing', 'demand_generation');
INSERT INTO persona.lexicon (term, job_function) VALUES ('Kundenbetreuer', 'customer_success');

SELECT term, canonical, seniority, job_function, subfunction, created_by = current_user AS by_me
FROM persona.lexicon ORDER BY term;

-- An entry must say something.
INSERT INTO persona.lexicon (term) VALUES ('Ninja');
\echo sqlstate :SQLSTATE
-- Blank terms and blank values are refused.
INSERT INTO persona.lexicon (term, canonical) VALUES ('   ', 'sales');
\echo sqlstate :SQLSTATE
INSERT INTO persona.lexicon (term, canonical) VALUES ('Rainmaker', '');
\echo sqlstate :SQLSTATE
-- Unknown labels are refused by the enums.
INSERT INTO persona.lexicon (term, seniority) VALUES ('Big Boss', 'boss');
\echo sqlstate :SQLSTATE
INSERT INTO persona.lexicon (term, job_function) VALUES ('Closer', 'closing');
\echo sqlstate :SQLSTATE
-- A term is there once.
INSERT INTO persona.lexicon (term, canonical) VALUES ('Quota Carrier', 'sales');
\echo sqlstate :SQLSTATE

-- Nothing of the failed statements was written.
SELECT count(*) AS entries FROM persona.lexicon;

-- The built-in title functions are IMMUTABLE and do not read this table.
SELECT persona.title_function('Kundenbetreuer') AS builtin_answer;

DELETE FROM persona.lexicon;
