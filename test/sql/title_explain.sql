--
-- Seeing why: title_parse returns everything at once, title_explain one
-- row per word or phrase that said something.
--
SELECT t AS title, (persona.title_parse(t)).*
FROM (VALUES ('VP Sales & Marketing'), ('Sr. Dir., Rev Ops'), ('Vertriebsleiterin DACH'),
             ('Assistant to the CEO'), ('Co-Founder & CTO'), ('Directeur commercial')) v(t)
ORDER BY 1;

SELECT * FROM persona.title_explain('Sr. Dir., Rev Ops');
SELECT * FROM persona.title_explain('Vertriebsleiterin DACH');
SELECT * FROM persona.title_explain('Assistant to the CEO');
SELECT * FROM persona.title_explain('Geschäftsführer');

-- The normalised forms of a keyword and a title agree, so one English
-- keyword list serves every language and every spelling.
SELECT a, b, persona.title_normalize(a) = persona.title_normalize(b) AS same
FROM (VALUES ('cfo', 'Chief Financial Officer'),
             ('revenue operations', 'RevOps'),
             ('Geschäftsführer', 'Geschaeftsfuehrer'),
             ('Geschäftsführer', 'GESCHAFTSFUHRER'),
             ('vp', 'Vice-President')) v(a, b)
ORDER BY 1, 2;
