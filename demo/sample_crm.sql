-- demo/sample_crm.sql -- deterministic, synthetic B2B CRM for the persona demo.
--
--   psql -v ON_ERROR_STOP=1 -f demo/sample_crm.sql      (any fresh PostgreSQL 15 database)
--
-- Creates schema "crm" (dropping an existing one) with crm.owners, crm.accounts
-- and crm.leads.  No extensions, no outside files, no clock, no random():
-- every value is derived from row numbers through md5(), so every run (on any
-- machine, any locale) produces exactly the same rows.  All people, companies
-- and domains are invented.
--
-- Requires a UTF8 database (titles contain accents, CJK, ...).

\set ON_ERROR_STOP 1
\set QUIET 1
SET client_encoding = 'UTF8';
SET client_min_messages = warning;
SET jit = off;            -- JIT compilation would cost more than the whole load
SET work_mem = '64MB';

SELECT current_setting('server_encoding') = 'UTF8' AS crm_utf8 \gset
\if :crm_utf8
\else
  \echo 'sample_crm.sql: the database must use UTF8 encoding'
  \quit
\endif

BEGIN;

DROP SCHEMA IF EXISTS crm CASCADE;
CREATE SCHEMA crm;
COMMENT ON SCHEMA crm IS 'Synthetic, deterministic sample CRM for the persona demo (demo/sample_crm.sql)';

------------------------------------------------------------------------------
-- Generator helpers (session-temporary, nothing is left behind)
------------------------------------------------------------------------------

-- 60-bit non-negative integer hash of a key
CREATE FUNCTION pg_temp.h(k text) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT AS
$$ SELECT ('x' || substr(md5(k), 1, 15))::bit(60)::bigint $$;

-- uniform double in [0,1)
CREATE FUNCTION pg_temp.u(k text) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT AS
$$ SELECT pg_temp.h(k) / 1152921504606846976.0::double precision $$;

-- uniform pick from an array
CREATE FUNCTION pg_temp.pick(a text[], k text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
$$ SELECT a[1 + pg_temp.h(k) % cardinality(a)] $$;

-- weighted pick from an array
CREATE FUNCTION pg_temp.wpick(a text[], w int[], k text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  tot bigint := 0; acc bigint := 0; r bigint; i int;
BEGIN
  FOR i IN 1 .. cardinality(w) LOOP tot := tot + w[i]; END LOOP;
  r := pg_temp.h(k) % tot;
  FOR i IN 1 .. cardinality(w) LOOP
    acc := acc + w[i];
    IF r < acc THEN RETURN a[i]; END IF;
  END LOOP;
  RETURN a[cardinality(a)];
END $$;

-- fast weighted pick: c = pg_temp.cum(weights) (constant-folded by the planner),
-- same result as pg_temp.wpick(a, weights, k)
CREATE FUNCTION pg_temp.cum(w int[]) RETURNS int[]
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE c int[] := '{0}'; i int;
BEGIN
  FOR i IN 1 .. cardinality(w) LOOP c := c || (c[i] + w[i]); END LOOP;
  RETURN c;
END $$;

CREATE FUNCTION pg_temp.cpick(a text[], c int[], k text) RETURNS text
LANGUAGE sql IMMUTABLE AS
$$ SELECT a[width_bucket((pg_temp.h(k) % c[cardinality(c)])::int, c[1:cardinality(a)])] $$;

-- locale-independent case mapping and accent folding
CREATE FUNCTION pg_temp.lower_x(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
$$ SELECT translate(lower(t COLLATE "C"),
     'ÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÇÑÝŁĄĘŚŹŻĆŃÆŒ',
     'àáâãäåèéêëìíîïòóôõöøùúûüçñýłąęśźżćńæœ') COLLATE "default" $$;

CREATE FUNCTION pg_temp.upper_x(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
$$ SELECT translate(upper(t COLLATE "C"),
     'àáâãäåèéêëìíîïòóôõöøùúûüçñýłąęśźżćńæœ',
     'ÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÇÑÝŁĄĘŚŹŻĆŃÆŒ') COLLATE "default" $$;

CREATE FUNCTION pg_temp.deaccent(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
$$ SELECT translate(replace(t, 'ß', 'ss'),
     'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÇçÑñÝýÿŁłĄąĘęŚśŹźŻżĆćŃńÆæŒœ',
     'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOOooooooUUUUuuuuCcNnYyyLlAaEeSsZzZzCcNnAaOo') $$;

CREATE FUNCTION pg_temp.deumlaut(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
$$ SELECT replace(replace(replace(replace(replace(replace(replace(t,
     'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss') $$;

-- e-mail local part from a name: ASCII, lower case, letters only
-- (COLLATE "default" at the end keeps these SQL functions inlinable)
CREATE FUNCTION pg_temp.mailpart(t text, german boolean) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
$$ SELECT regexp_replace(lower(pg_temp.deaccent(CASE WHEN german THEN pg_temp.deumlaut(t) ELSE t END) COLLATE "C"),
                         '[^a-z]', '', 'g') COLLATE "default" $$;

-- German compounds after a hyphen start upper case: IT-leiter -> IT-Leiter
CREATE FUNCTION pg_temp.hyphen_cap(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
$$ SELECT string_agg(CASE WHEN i = 1 THEN p ELSE upper(left(p, 1) COLLATE "C") || substr(p, 2) END, '-' ORDER BY i)
     FROM unnest(string_to_array(t, '-')) WITH ORDINALITY AS x(p, i) $$;

------------------------------------------------------------------------------
-- Reference data for the generator
------------------------------------------------------------------------------

-- countries: region, TLD, weight among accounts, weight as a "foreign" contact
-- country, name set (for English-speaking countries), contact languages,
-- legal-form suffixes, public-sector and education name patterns ({n} = base name)
CREATE TEMP TABLE t_country (
  code text PRIMARY KEY, region text, tld text, w int, fw int, nameset text,
  langs text[], lang_w int[], suffixes text[], pub text[], edu text[]);
INSERT INTO t_country VALUES
('US','NA','com',   270,25,'en',    '{en}','{1}', '{Inc.,Inc.,LLC,Corp.,", Inc.",Co.,Inc}',
   '{"City of {n}","{n} County","{n} School District"}', '{"{n} University","{n} College","{n} Academy"}'),
('GB','EMEA','co.uk',90,15,'en',    '{en}','{1}', '{Ltd,Ltd.,Limited,PLC,LLP}',
   '{"{n} Borough Council","{n} County Council","{n} City Council"}', '{"University of {n}","{n} College"}'),
('DE','DACH','de',  120,12,'de',    '{de}','{1}', '{GmbH,GmbH,GmbH,AG,"GmbH & Co. KG",SE,KG}',
   '{"Stadtwerke {n}","Stadt {n}","Landratsamt {n}","Kreisverwaltung {n}"}', '{"Hochschule {n}","Universität {n}","{n} Akademie"}'),
('AT','DACH','at',   25, 2,'de',    '{de}','{1}', '{GmbH,GmbH,AG,GesmbH,KG}',
   '{"Magistrat {n}","Stadtwerke {n}","Land {n}"}', '{"FH {n}","Universität {n}"}'),
('CH','DACH','ch',   30, 3,'de',    '{de,fr,it}','{70,20,10}', '{AG,AG,GmbH,SA,Sàrl}',
   '{"Kanton {n}","Gemeinde {n}","Ville de {n}"}', '{"Hochschule {n}","Haute École {n}"}'),
('FR','EMEA','fr',   70, 8,'fr',    '{fr}','{1}', '{SAS,SAS,SA,SARL}',
   '{"Ville de {n}","Mairie de {n}","Région {n}","Communauté d''agglomération de {n}"}', '{"Université de {n}","École {n}","Lycée {n}"}'),
('BE','EMEA','be',   20, 2,'fr',    '{fr,nl}','{55,45}', '{NV,SA,BV,SRL,SPRL}',
   '{"Ville de {n}","Gemeente {n}","Stad {n}"}', '{"Université de {n}","Hogeschool {n}"}'),
('ES','EMEA','es',   50, 5,'es',    '{es}','{1}', '{S.L.,S.L.,S.A.,S.L.U.,SL}',
   '{"Ayuntamiento de {n}","Diputación de {n}","Consorcio {n}"}', '{"Universidad de {n}","Colegio {n}"}'),
('MX','LATAM','com.mx',30,3,'es',   '{es}','{1}', '{"S.A. de C.V.","S.A. de C.V.","S. de R.L. de C.V.","SA de CV","S.A.P.I. de C.V."}',
   '{"Gobierno de {n}","Municipio de {n}","Secretaría de {n}"}', '{"Universidad {n}","Instituto {n}","Colegio {n}"}'),
('PT','EMEA','pt',   15, 2,'pt',    '{pt}','{1}', '{Lda.,Lda.,S.A.,Lda,"Unipessoal Lda."}',
   '{"Câmara Municipal de {n}","Município de {n}"}', '{"Universidade de {n}","Escola {n}"}'),
('BR','LATAM','com.br',45,4,'pt',   '{pt}','{1}', '{Ltda.,Ltda.,S.A.,Ltda,EIRELI,S/A}',
   '{"Prefeitura de {n}","Secretaria de {n}","Governo de {n}"}', '{"Universidade {n}","Faculdade {n}","Colégio {n}"}'),
('NL','EMEA','nl',   45, 5,'nl',    '{nl}','{1}', '{B.V.,B.V.,BV,N.V.}',
   '{"Gemeente {n}","Provincie {n}","Waterschap {n}"}', '{"Hogeschool {n}","Universiteit {n}"}'),
('IT','EMEA','it',   40, 4,'it',    '{it}','{1}', '{S.r.l.,S.r.l.,S.p.A.,Srl,SpA,S.r.l.s.}',
   '{"Comune di {n}","Regione {n}","Provincia di {n}"}', '{"Università di {n}","Istituto {n}"}'),
('CA','NA','ca',     40, 3,'en',    '{en}','{1}', '{Inc.,Ltd.,Corp.,Inc}',
   '{"City of {n}","Town of {n}","Region of {n}"}', '{"{n} College","University of {n}"}'),
('AU','APAC','com.au',30,3,'en',    '{en}','{1}', '{"Pty Ltd","Pty Ltd","Pty. Ltd.",Ltd}',
   '{"City of {n} Council","{n} Shire Council"}', '{"{n} University","{n} TAFE"}'),
('IE','EMEA','ie',   15, 2,'en',    '{en}','{1}', '{Ltd,DAC,Limited}',
   '{"{n} County Council","{n} City Council"}', '{"{n} Institute of Technology","University College {n}"}'),
('SE','EMEA','se',   15, 2,'nordic','{en}','{1}', '{AB}',
   '{"{n} kommun","Region {n}"}', '{"{n} universitet","{n} högskola"}'),
('PL','EMEA','pl',   10, 3,'pl',    '{en}','{1}', '{"sp. z o.o.","sp. z o.o.",S.A.}',
   '{"Urząd Miasta {n}","Gmina {n}"}', '{"Uniwersytet {n}","Politechnika {n}"}'),
('DK','EMEA','dk',   10, 1,'nordic','{en}','{1}', '{ApS,A/S}',
   '{"{n} Kommune","Region {n}"}', '{"{n} Universitet"}'),
('JP','APAC','co.jp', 6, 3,'ja',    '{ja}','{1}', '{K.K.,"Co., Ltd.",Corporation,Inc.}',
   '{"{n} City Office","{n} Prefecture"}', '{"{n} University","{n} Gakuen"}'),
('CN','APAC','cn',    0, 3,'zh',    '{zh}','{1}', '{"Co., Ltd.",Ltd.}',
   '{"{n} Municipal Government"}', '{"{n} University"}'),
('SG','APAC','sg',   10, 2,'zh',    '{en}','{1}', '{"Pte. Ltd.","Pte Ltd"}',
   '{"{n} Town Council"}', '{"{n} Polytechnic"}'),
('IN','APAC','in',   10, 6,'in',    '{en}','{1}', '{"Pvt. Ltd.","Private Limited",Ltd.}',
   '{"{n} Municipal Corporation"}', '{"{n} Institute of Technology","{n} University"}');

-- share of contacts whose title is in English although their language is not
CREATE TEMP TABLE t_lang (lang text PRIMARY KEY, en_share float8);
INSERT INTO t_lang VALUES ('en',0),('de',0.28),('fr',0.18),('es',0.20),('pt',0.22),
                          ('nl',0.38),('it',0.20),('ja',0.50),('zh',0.45);

-- industries: weight and words for company names (English / German)
CREATE TEMP TABLE t_industry (industry text PRIMARY KEY, w int, en_words text[], de_words text[]);
INSERT INTO t_industry VALUES
('SaaS',                  18, '{Software,Cloud,Systems,Technologies,Labs,Digital,AI,Analytics}', '{Software,Systems,Digital,IT-Solutions}'),
('FinTech',                7, '{Pay,Capital,Financial,Payments,Finance,Bank}',                 '{Pay,Finanz,Capital}'),
('Manufacturing',         14, '{Industries,Manufacturing,Components,Engineering,Precision,Plastics}', '{Maschinenbau,Werke,Metallbau,Industrietechnik,Anlagenbau}'),
('Healthcare',             9, '{Health,Medical,Care,Pharma,Clinics,Diagnostics,Biotech}',       '{Medizintechnik,Pharma,Kliniken,Pflege}'),
('Retail',                 9, '{Retail,Stores,Commerce,Brands,Market,Outfitters}',             '{Handel,Warenhaus,Moden,Markt}'),
('Logistics',              7, '{Logistics,Freight,Transport,Shipping,Cargo,Fulfillment}',      '{Logistik,Spedition,Transporte}'),
('Education',              5, '{Learning,Education,Academy,EdTech}',                           '{Bildung,Akademie,Lernen}'),
('Public Sector',          4, '{}', '{}'),
('Professional Services', 11, '{Consulting,Partners,Advisory,Group,Associates,Solutions}',     '{Beratung,Consulting,Partner,Treuhand}'),
('Media',                  5, '{Media,Studios,Publishing,Entertainment,Creative}',             '{Medien,Verlag,Studios}'),
('Real Estate',            4, '{Properties,"Real Estate",Estates,Realty,Living}',              '{Immobilien,Wohnbau,Grundbesitz}'),
('Hospitality',            4, '{Hotels,Hospitality,Resorts,Restaurants,Travel}',               '{Hotels,Gastronomie,Reisen}'),
('Energy',                 3, '{Energy,Solar,Power,Renewables,Utilities}',                     '{Energie,Solar,Energietechnik}');

-- first and last names per name set
CREATE TEMP TABLE t_names (nameset text PRIMARY KEY, female text[], male text[], last text[]);
INSERT INTO t_names VALUES
('en', '{Emily,Sarah,Jessica,Ashley,Jennifer,Amanda,Megan,Rachel,Laura,Olivia,Emma,Sophie,Charlotte,Hannah,Grace,Chloe,Lauren,Katie,Michelle,Nicole,Rebecca,Amy,Claire,Lucy,Kimberly,Stephanie,Heather,Natalie,Victoria,Siobhan}',
       '{James,John,Michael,David,Chris,Daniel,Matthew,Andrew,Ryan,Kevin,Brian,Jason,Tom,Oliver,Jack,Harry,George,William,Ben,Sam,Josh,Nick,Mark,Paul,Steven,Eric,Tyler,Brandon,Liam,Noah}',
       '{Smith,Johnson,Williams,Brown,Jones,Miller,Davis,Wilson,Anderson,Taylor,Thomas,Moore,Martin,Jackson,Thompson,White,Harris,Clark,Lewis,Walker,Hall,Allen,Young,King,Wright,Scott,Green,Baker,Adams,Nelson,Hill,Campbell,Mitchell,Roberts,Carter,Phillips,Evans,Turner,Parker,Collins,Edwards,Stewart,Morris,Murphy,Cook,Rogers,O''Brien,Kelly,Hughes,McDonald,Patel,Nguyen,Kim,Garcia,Lee}'),
('de', '{Anna,Julia,Laura,Lena,Katharina,Sarah,Lisa,Sabine,Claudia,Susanne,Stefanie,Nicole,Andrea,Petra,Monika,Jana,Franziska,Johanna,Sophie,Marie,Christina,Kerstin,Birgit,Anja,Nina,Carina,Miriam,Ursula,Theresa,Jülide}',
       '{Thomas,Michael,Andreas,Stefan,Christian,Markus,Alexander,Daniel,Jan,Tobias,Florian,Matthias,Sebastian,Martin,Frank,Jürgen,Klaus,Uwe,Lukas,Jonas,Maximilian,Felix,Philipp,Dominik,Benedikt,Johannes,Ralf,Wolfgang,Björn,Sören}',
       '{Müller,Schmidt,Schneider,Fischer,Weber,Meyer,Wagner,Becker,Schulz,Hoffmann,Schäfer,Koch,Bauer,Richter,Klein,Wolf,Schröder,Neumann,Schwarz,Zimmermann,Braun,Krüger,Hofmann,Hartmann,Lange,Schmitt,Werner,Krause,Meier,Lehmann,Huber,Gruber,Wimmer,Steiner,Moser,Brunner,Gerber,Keller,Frei,"von Berg",Weiß,Köhler,Groß,Böhm,Fuchs}'),
('fr', '{Marie,Camille,Léa,Manon,Chloé,Julie,Sophie,Claire,Émilie,Céline,Nathalie,Isabelle,Sandrine,Aurélie,Élodie,Pauline,Mathilde,Inès,Charlotte,Hélène,Valérie,Anaïs,Margaux,Lucie}',
       '{Jean,Pierre,Nicolas,Julien,Thomas,Alexandre,Antoine,Maxime,François,Olivier,Laurent,Sébastien,Guillaume,Mathieu,Benoît,Jérôme,Stéphane,Philippe,Hugo,Louis,Théo,Romain,Cédric,Frédéric,Jean-Luc,Marc-Antoine}',
       '{Martin,Bernard,Dubois,Thomas,Robert,Richard,Petit,Durand,Leroy,Moreau,Simon,Laurent,Lefèvre,Michel,Garcia,David,Bertrand,Roux,Vincent,Fournier,Morel,Girard,André,Mercier,Dupont,Lambert,Bonnet,François,Martinez,Legrand,Garnier,Faure,Rousseau,Blanc,Guérin,Muller,Henry,Roussel,Peeters,Janssens,Dupuis,Lemaire}'),
('es', '{María,Carmen,Laura,Lucía,Ana,Marta,Elena,Sofía,Paula,Cristina,Isabel,Raquel,Beatriz,Patricia,Alejandra,Gabriela,Daniela,Valeria,Fernanda,Ximena,Guadalupe,Rocío,Nuria,Montserrat}',
       '{José,Antonio,Manuel,Francisco,Javier,David,Daniel,Carlos,Alejandro,Miguel,Pablo,Sergio,Jorge,Luis,Alberto,Fernando,Raúl,Diego,Andrés,"Juan Carlos",Rodrigo,Eduardo,Ricardo,Iñaki}',
       '{García,Fernández,González,Rodríguez,López,Martínez,Sánchez,Pérez,Gómez,Martín,Jiménez,Ruiz,Hernández,Díaz,Moreno,Álvarez,Muñoz,Romero,Alonso,Gutiérrez,Navarro,Torres,Domínguez,Vázquez,Ramos,Castillo,Ortega,Morales,Flores,Reyes,Cruz,"de la Cruz",Mendoza,Aguilar,Ibáñez,Iglesias}'),
('pt', '{Ana,Maria,Mariana,Beatriz,Juliana,Fernanda,Camila,Larissa,Patrícia,Carolina,Gabriela,Letícia,Inês,Joana,Sofia,Rita,Catarina,Bruna,Aline,Renata,Tatiane,Luana,Vanessa,Débora}',
       '{João,José,Pedro,Lucas,Gabriel,Rafael,Bruno,Tiago,Felipe,Gustavo,Rodrigo,Ricardo,André,Paulo,Marcelo,Diogo,Rui,Nuno,Fábio,Leonardo,Thiago,Vinícius,Eduardo,Henrique}',
       '{Silva,Santos,Oliveira,Souza,Sousa,Pereira,Costa,Ferreira,Rodrigues,Almeida,Lima,Carvalho,Gomes,Martins,Araújo,Ribeiro,Barbosa,Rocha,Dias,Nascimento,Fernandes,Alves,Lopes,Monteiro,Cardoso,Teixeira,Correia,Mendes,Pinto,Moreira,Conceição,Gonçalves}'),
('nl', '{Anna,Emma,Sanne,Lisa,Anouk,Femke,Eva,Lotte,Sophie,Fleur,Iris,Marieke,Inge,Linda,Esther,Ilse,Annelies,Els,Liesbeth,Noor,Julia,Kim}',
       '{Jan,Pieter,Jeroen,Bas,Thijs,Sander,Ruben,Daan,Bram,Tim,Lars,Joost,Maarten,Wouter,Niels,Stefan,Dirk,Koen,Sven,Wim,Mark,Tom}',
       '{"de Jong",Jansen,"de Vries","van den Berg","van Dijk",Bakker,Janssen,Visser,Smit,Meijer,"de Boer",Mulder,"de Groot",Bos,Vos,Peters,Hendriks,"van Leeuwen",Dekker,Brouwer,"de Wit",Dijkstra,Smits,"de Graaf","van der Meer",Peeters,Maes,Jacobs,Willems,Claes,Goossens,Wouters,"De Smet",Vermeulen}'),
('it', '{Giulia,Francesca,Chiara,Sara,Martina,Valentina,Alessia,Federica,Elena,Silvia,Laura,Paola,Roberta,Elisa,Giorgia,Anna,Simona,Barbara,Ilaria,Beatrice}',
       '{Marco,Luca,Andrea,Alessandro,Francesco,Matteo,Lorenzo,Davide,Simone,Giuseppe,Stefano,Paolo,Roberto,Giovanni,Fabio,Riccardo,Nicola,Massimo,Antonio,Federico}',
       '{Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,Greco,Bruno,Gallo,Conti,"De Luca",Mancini,Costa,Giordano,Rizzo,Lombardi,Moretti,Barbieri,Fontana,Santoro,Mariani,Rinaldi,Caruso,Ferrara,Galli,Martini,Leone,Longo,Gentile,D''Angelo,Vitale,Marchetti}'),
('ja', '{Yuki,Haruka,Aiko,Yui,Sakura,Mei,Naoko,Keiko,Yoko,Emi,Ayumi,Misaki,Rina,Tomoko}',
       '{Hiroshi,Takeshi,Kenji,Satoshi,Yuto,Haruto,Daiki,Kazuki,Ryota,Shota,Takumi,Naoki,Koji,Masato}',
       '{Sato,Suzuki,Takahashi,Tanaka,Watanabe,Ito,Yamamoto,Nakamura,Kobayashi,Kato,Yoshida,Yamada,Sasaki,Yamaguchi,Matsumoto,Inoue,Kimura,Hayashi,Shimizu,Mori}'),
('zh', '{Li,Mei,"Xiu Ying",Jing,Hui,Yan,Ling,Fang,Xin,Yu,Wen,Min,Grace,Michelle}',
       '{Wei,Jun,Hao,Lei,Qiang,Jie,Tao,Ming,Chen,Yong,Bo,"Zhi Wei",Kevin,Jason}',
       '{Wang,Li,Zhang,Liu,Chen,Yang,Huang,Zhao,Wu,Zhou,Xu,Sun,Ma,Zhu,Hu,Guo,He,Lin,Tan,Lim,Ng,Goh,Ong}'),
('in', '{Priya,Ananya,Pooja,Neha,Divya,Shreya,Kavya,Aisha,Sneha,Ritu,Meera,Lakshmi}',
       '{Rahul,Amit,Arjun,Vikram,Rohan,Sanjay,Rajesh,Karthik,Aditya,Suresh,Anil,Vivek}',
       '{Sharma,Patel,Singh,Kumar,Gupta,Reddy,Iyer,Nair,Mehta,Joshi,Rao,Agarwal,Chopra,Desai,Menon,Krishnan}'),
('nordic', '{Anna,Emma,Ida,Maja,Sara,Karin,Elin,Linnea,Freja,Sofie,Mette,Camilla}',
       '{Erik,Lars,Anders,Johan,Magnus,Karl,Nils,Oskar,Mads,Søren,Rasmus,Henrik}',
       '{Andersson,Johansson,Karlsson,Nilsson,Eriksson,Larsson,Olsson,Persson,Svensson,Lindqvist,Jensen,Nielsen,Hansen,Pedersen,Christensen,Sørensen,Berg,Lund}'),
('pl', '{Anna,Katarzyna,Agnieszka,Magdalena,Joanna,Monika,Aleksandra,Małgorzata,Natalia,Karolina}',
       '{Piotr,Krzysztof,Tomasz,Paweł,Marcin,Michał,Łukasz,Jakub,Kamil,Grzegorz}',
       '{Nowak,Kowalski,Wiśniewski,Wójcik,Kowalczyk,Kamiński,Lewandowski,Zieliński,Szymański,Woźniak,Dąbrowski,Kozłowski}');

------------------------------------------------------------------------------
-- Title building blocks
--   level: exec (founder/owner/CEO/MD), c (C-level), vp, head, director,
--          manager, ic (individual contributor), intern, assistant
--   fn:    exec, sales, marketing, finance, hr, it, eng, security, procurement,
--          legal, ops, revops, cs, product, data   ('any' = every function)
--   g:     m / f / * (either)
------------------------------------------------------------------------------

-- function names per language: f = phrase, s = stem for German compounds
CREATE TEMP TABLE t_fun (lang text, fn text, f text, s text);
INSERT INTO t_fun VALUES
-- English
('en','sales','Sales',NULL),('en','sales','Business Development',NULL),('en','sales','Inside Sales',NULL),('en','sales','Enterprise Sales',NULL),
('en','marketing','Marketing',NULL),('en','marketing','Demand Generation',NULL),('en','marketing','Growth',NULL),('en','marketing','Digital Marketing',NULL),('en','marketing','Marketing Communications',NULL),
('en','finance','Finance',NULL),('en','finance','Accounting',NULL),('en','finance','FP&A',NULL),
('en','hr','HR',NULL),('en','hr','Human Resources',NULL),('en','hr','People',NULL),('en','hr','Talent Acquisition',NULL),
('en','it','IT',NULL),('en','it','Information Technology',NULL),('en','it','IT Infrastructure',NULL),('en','it','Enterprise Applications',NULL),
('en','eng','Engineering',NULL),('en','eng','Software Engineering',NULL),('en','eng','R&D',NULL),('en','eng','Platform',NULL),
('en','security','Information Security',NULL),('en','security','Security',NULL),('en','security','Cybersecurity',NULL),('en','security','InfoSec',NULL),
('en','procurement','Procurement',NULL),('en','procurement','Purchasing',NULL),('en','procurement','Strategic Sourcing',NULL),('en','procurement','Vendor Management',NULL),
('en','legal','Legal',NULL),('en','legal','Compliance',NULL),('en','legal','Legal & Compliance',NULL),
('en','ops','Operations',NULL),('en','ops','Supply Chain',NULL),('en','ops','Logistics',NULL),('en','ops','Business Operations',NULL),
('en','revops','Revenue Operations',NULL),('en','revops','RevOps',NULL),('en','revops','Sales Operations',NULL),('en','revops','Sales Ops',NULL),('en','revops','Marketing Operations',NULL),
('en','cs','Customer Success',NULL),('en','cs','Customer Support',NULL),('en','cs','Client Services',NULL),('en','cs','Customer Experience',NULL),
('en','product','Product',NULL),('en','product','Product Management',NULL),('en','product','Product Design',NULL),
('en','data','Data',NULL),('en','data','Analytics',NULL),('en','data','Business Intelligence',NULL),('en','data','Data Science',NULL),
-- German
('de','sales','Vertrieb','Vertriebs'),('de','sales','Sales',NULL),('de','sales','Verkauf','Verkaufs'),('de','sales','Vertrieb Innendienst',NULL),
('de','marketing','Marketing','Marketing'),('de','marketing','Online-Marketing',NULL),('de','marketing','Marketing & Kommunikation',NULL),('de','marketing','Unternehmenskommunikation',NULL),
('de','finance','Finanzen','Finanz'),('de','finance','Controlling',NULL),('de','finance','Rechnungswesen',NULL),('de','finance','Buchhaltung',NULL),('de','finance','Finanzen & Controlling',NULL),
('de','hr','Personal','Personal'),('de','hr','HR','HR-'),('de','hr','Personalentwicklung',NULL),('de','hr','Human Resources',NULL),
('de','it','IT','IT-'),('de','it','EDV','EDV-'),('de','it','Informationstechnologie',NULL),('de','it','IT-Infrastruktur',NULL),
('de','eng','Entwicklung','Entwicklungs'),('de','eng','Softwareentwicklung',NULL),('de','eng','Forschung & Entwicklung',NULL),('de','eng','Technik',NULL),
('de','security','IT-Sicherheit',NULL),('de','security','Informationssicherheit',NULL),
('de','procurement','Einkauf','Einkaufs'),('de','procurement','Beschaffung',NULL),('de','procurement','Strategischer Einkauf',NULL),('de','procurement','Materialwirtschaft',NULL),
('de','legal','Recht',NULL),('de','legal','Recht & Compliance',NULL),('de','legal','Compliance',NULL),('de','legal','Rechtsabteilung',NULL),
('de','ops','Operations',NULL),('de','ops','Logistik','Logistik'),('de','ops','Betrieb','Betriebs'),('de','ops','Produktion','Produktions'),('de','ops','Supply Chain',NULL),
('de','revops','Sales Operations',NULL),('de','revops','Vertriebssteuerung',NULL),('de','revops','Vertriebscontrolling',NULL),('de','revops','CRM','CRM-'),
('de','cs','Kundenservice','Kundenservice'),('de','cs','Customer Success',NULL),('de','cs','Kundenbetreuung',NULL),('de','cs','Kundendienst','Kundendienst'),
('de','product','Produktmanagement',NULL),('de','product','Produkt','Produkt'),
('de','data','Business Intelligence',NULL),('de','data','Data & Analytics',NULL),('de','data','Datenanalyse',NULL),
-- French
('fr','sales','des Ventes',NULL),('fr','sales','Ventes',NULL),('fr','sales','Business Development',NULL),('fr','sales','Grands Comptes',NULL),
('fr','marketing','Marketing',NULL),('fr','marketing','Marketing Digital',NULL),('fr','marketing','Communication',NULL),('fr','marketing','Marketing & Communication',NULL),
('fr','finance','Finance',NULL),('fr','finance','Comptabilité',NULL),('fr','finance','Contrôle de Gestion',NULL),
('fr','hr','RH',NULL),('fr','hr','Ressources Humaines',NULL),('fr','hr','des Ressources Humaines',NULL),('fr','hr','Recrutement',NULL),('fr','hr','Paie',NULL),
('fr','it','Informatique',NULL),('fr','it','SI',NULL),('fr','it','des Systèmes d''Information',NULL),('fr','it','Infrastructure',NULL),
('fr','eng','R&D',NULL),('fr','eng','Technique',NULL),('fr','eng','Développement',NULL),('fr','eng','Ingénierie',NULL),
('fr','security','Sécurité des SI',NULL),('fr','security','Cybersécurité',NULL),('fr','security','Sécurité Informatique',NULL),
('fr','procurement','Achats',NULL),('fr','procurement','des Achats',NULL),('fr','procurement','Approvisionnement',NULL),
('fr','legal','Juridique',NULL),('fr','legal','Conformité',NULL),('fr','legal','Juridique & Conformité',NULL),
('fr','ops','Opérations',NULL),('fr','ops','des Opérations',NULL),('fr','ops','Logistique',NULL),('fr','ops','Supply Chain',NULL),('fr','ops','Production',NULL),
('fr','revops','Sales Ops',NULL),('fr','revops','Administration des Ventes',NULL),('fr','revops','ADV',NULL),('fr','revops','CRM',NULL),
('fr','cs','Service Client',NULL),('fr','cs','Relation Client',NULL),('fr','cs','Customer Success',NULL),('fr','cs','Support',NULL),
('fr','product','Produit',NULL),('fr','product','Produits',NULL),
('fr','data','Data',NULL),('fr','data','Données',NULL),('fr','data','BI',NULL),
-- Spanish
('es','sales','Ventas',NULL),('es','sales','Desarrollo de Negocio',NULL),('es','sales','Grandes Cuentas',NULL),
('es','marketing','Marketing',NULL),('es','marketing','Marketing Digital',NULL),('es','marketing','Comunicación',NULL),('es','marketing','Mercadotecnia',NULL),
('es','finance','Finanzas',NULL),('es','finance','Contabilidad',NULL),('es','finance','Administración y Finanzas',NULL),('es','finance','Tesorería',NULL),
('es','hr','Recursos Humanos',NULL),('es','hr','RRHH',NULL),('es','hr','RR.HH.',NULL),('es','hr','Talento',NULL),('es','hr','Personas',NULL),
('es','it','Sistemas',NULL),('es','it','TI',NULL),('es','it','Tecnología',NULL),('es','it','Informática',NULL),('es','it','IT',NULL),
('es','eng','Ingeniería',NULL),('es','eng','Desarrollo',NULL),('es','eng','I+D',NULL),('es','eng','Software',NULL),
('es','security','Seguridad de la Información',NULL),('es','security','Ciberseguridad',NULL),('es','security','Seguridad IT',NULL),
('es','procurement','Compras',NULL),('es','procurement','Abastecimiento',NULL),('es','procurement','Aprovisionamiento',NULL),
('es','legal','Legal',NULL),('es','legal','Asesoría Jurídica',NULL),('es','legal','Cumplimiento',NULL),
('es','ops','Operaciones',NULL),('es','ops','Logística',NULL),('es','ops','Cadena de Suministro',NULL),('es','ops','Producción',NULL),
('es','revops','Sales Ops',NULL),('es','revops','Operaciones Comerciales',NULL),('es','revops','CRM',NULL),('es','revops','Revenue Operations',NULL),
('es','cs','Atención al Cliente',NULL),('es','cs','Customer Success',NULL),('es','cs','Servicio al Cliente',NULL),('es','cs','Soporte',NULL),
('es','product','Producto',NULL),('es','product','Producto Digital',NULL),
('es','data','Datos',NULL),('es','data','Business Intelligence',NULL),('es','data','Analítica',NULL),
-- Portuguese
('pt','sales','Vendas',NULL),('pt','sales','Novos Negócios',NULL),('pt','sales','Desenvolvimento de Negócios',NULL),('pt','sales','Contas Estratégicas',NULL),
('pt','marketing','Marketing',NULL),('pt','marketing','Marketing Digital',NULL),('pt','marketing','Comunicação',NULL),
('pt','finance','Finanças',NULL),('pt','finance','Controladoria',NULL),('pt','finance','Contabilidade',NULL),('pt','finance','Tesouraria',NULL),
('pt','hr','Recursos Humanos',NULL),('pt','hr','RH',NULL),('pt','hr','Gente e Gestão',NULL),('pt','hr','Pessoas',NULL),
('pt','it','TI',NULL),('pt','it','Tecnologia',NULL),('pt','it','Sistemas',NULL),('pt','it','Infraestrutura',NULL),
('pt','eng','Engenharia',NULL),('pt','eng','Desenvolvimento',NULL),('pt','eng','P&D',NULL),('pt','eng','Engenharia de Software',NULL),
('pt','security','Segurança da Informação',NULL),('pt','security','Cibersegurança',NULL),
('pt','procurement','Compras',NULL),('pt','procurement','Suprimentos',NULL),('pt','procurement','Aprovisionamento',NULL),
('pt','legal','Assuntos Jurídicos',NULL),('pt','legal','Compliance',NULL),
('pt','ops','Operações',NULL),('pt','ops','Logística',NULL),('pt','ops','Supply Chain',NULL),('pt','ops','Produção',NULL),
('pt','revops','Sales Ops',NULL),('pt','revops','Operações Comerciais',NULL),('pt','revops','CRM',NULL),('pt','revops','Revenue Operations',NULL),
('pt','cs','Sucesso do Cliente',NULL),('pt','cs','Customer Success',NULL),('pt','cs','Atendimento ao Cliente',NULL),('pt','cs','Suporte',NULL),
('pt','product','Produto',NULL),('pt','product','Produtos',NULL),
('pt','data','Dados',NULL),('pt','data','BI',NULL),('pt','data','Analytics',NULL),
-- Dutch
('nl','sales','Verkoop',NULL),('nl','sales','Sales',NULL),('nl','sales','Business Development',NULL),
('nl','marketing','Marketing',NULL),('nl','marketing','Communicatie',NULL),('nl','marketing','Marketing & Communicatie',NULL),('nl','marketing','Online Marketing',NULL),
('nl','finance','Financiën',NULL),('nl','finance','Finance',NULL),('nl','finance','Administratie',NULL),('nl','finance','Control',NULL),
('nl','hr','HR',NULL),('nl','hr','Personeelszaken',NULL),('nl','hr','P&O',NULL),('nl','hr','HRM',NULL),
('nl','it','ICT',NULL),('nl','it','IT',NULL),('nl','it','Automatisering',NULL),('nl','it','Informatievoorziening',NULL),
('nl','eng','Engineering',NULL),('nl','eng','Ontwikkeling',NULL),('nl','eng','R&D',NULL),('nl','eng','Software Development',NULL),
('nl','security','Informatiebeveiliging',NULL),('nl','security','Security',NULL),('nl','security','Cybersecurity',NULL),
('nl','procurement','Inkoop',NULL),('nl','procurement','Inkoop & Logistiek',NULL),('nl','procurement','Procurement',NULL),
('nl','legal','Juridische Zaken',NULL),('nl','legal','Legal',NULL),('nl','legal','Compliance',NULL),
('nl','ops','Operations',NULL),('nl','ops','Logistiek',NULL),('nl','ops','Bedrijfsvoering',NULL),('nl','ops','Productie',NULL),
('nl','revops','Sales Operations',NULL),('nl','revops','Sales Support',NULL),('nl','revops','CRM',NULL),('nl','revops','Verkoopbinnendienst',NULL),
('nl','cs','Klantenservice',NULL),('nl','cs','Customer Success',NULL),('nl','cs','Klantcontact',NULL),('nl','cs','Support',NULL),
('nl','product','Product',NULL),('nl','product','Productmanagement',NULL),
('nl','data','Data',NULL),('nl','data','BI',NULL),('nl','data','Data & Analytics',NULL),
-- Italian
('it','sales','Commerciale',NULL),('it','sales','Vendite',NULL),('it','sales','Sviluppo Commerciale',NULL),('it','sales','Business Development',NULL),
('it','marketing','Marketing',NULL),('it','marketing','Comunicazione',NULL),('it','marketing','Marketing e Comunicazione',NULL),('it','marketing','Digital Marketing',NULL),
('it','finance','Amministrazione',NULL),('it','finance','Amministrazione e Finanza',NULL),('it','finance','Finanza',NULL),('it','finance','Contabilità',NULL),('it','finance','Controllo di Gestione',NULL),
('it','hr','Risorse Umane',NULL),('it','hr','HR',NULL),('it','hr','Personale',NULL),('it','hr','Selezione del Personale',NULL),
('it','it','IT',NULL),('it','it','Sistemi Informativi',NULL),('it','it','ICT',NULL),('it','it','Infrastrutture IT',NULL),
('it','eng','R&D',NULL),('it','eng','Ricerca e Sviluppo',NULL),('it','eng','Ingegneria',NULL),('it','eng','Sviluppo Software',NULL),
('it','security','Sicurezza Informatica',NULL),('it','security','Cybersecurity',NULL),('it','security','Sicurezza IT',NULL),
('it','procurement','Acquisti',NULL),('it','procurement','Approvvigionamenti',NULL),('it','procurement','Procurement',NULL),
('it','legal','Legale',NULL),('it','legal','Affari Legali',NULL),('it','legal','Compliance',NULL),
('it','ops','Operations',NULL),('it','ops','Logistica',NULL),('it','ops','Produzione',NULL),('it','ops','Supply Chain',NULL),
('it','revops','Sales Operations',NULL),('it','revops','Sales Ops',NULL),('it','revops','CRM',NULL),('it','revops','Back Office Commerciale',NULL),
('it','cs','Customer Care',NULL),('it','cs','Assistenza Clienti',NULL),('it','cs','Customer Service',NULL),('it','cs','Customer Success',NULL),('it','cs','Post Vendita',NULL),
('it','product','Prodotto',NULL),('it','product','Product Management',NULL),
('it','data','Data',NULL),('it','data','Business Intelligence',NULL),('it','data','Data & Analytics',NULL);

-- level x function templates: {f} = function phrase, {s} = compound stem
CREATE TEMP TABLE t_tmpl (lang text, level text, g text, tmpl text);
INSERT INTO t_tmpl
SELECT lang, level, g, unnest(tmpls) FROM (VALUES
 ('en','vp','*',       '{"VP {f}","VP, {f}","VP of {f}","Vice President {f}","Vice President, {f}","SVP {f}","Senior Vice President, {f}","AVP {f}"}'::text[]),
 ('en','head','*',     '{"Head of {f}","Head of {f}","Global Head of {f}","{f} Lead","Head of {f}"}'),
 ('en','director','*', '{"Director of {f}","{f} Director","Director, {f}","Dir. {f}","Senior Director, {f}","Sr. Director {f}","Associate Director, {f}","Director {f}"}'),
 ('en','manager','*',  '{"{f} Manager","Manager, {f}","Senior {f} Manager","Sr. {f} Manager","{f} Mgr","{f} Team Lead","Mgr {f}","{f} manager"}'),
 ('en','ic','*',       '{"{f} Specialist","{f} Analyst","{f} Associate","{f} Coordinator","Senior {f} Specialist","Sr. {f} Analyst","{f} Representative","{f} Consultant"}'),
 ('en','intern','*',   '{"{f} Intern","Intern, {f}","{f} Trainee","Working Student {f}"}'),
 ('en','assistant','*','{"{f} Assistant","Assistant, {f}","{f} Admin","{f} Administrator"}'),

 ('de','vp','*',       '{"VP {f}","Vice President {f}","SVP {f}"}'),
 ('de','vp','m',       '{"Bereichsleiter {f}"}'),
 ('de','vp','f',       '{"Bereichsleiterin {f}"}'),
 ('de','head','*',     '{"Leitung {f}","Head of {f}"}'),
 ('de','head','m',     '{"Leiter {f}","{s}leiter","{s}leiter","Abteilungsleiter {f}"}'),
 ('de','head','f',     '{"Leiterin {f}","{s}leiterin","{s}leiterin","Abteilungsleiterin {f}"}'),
 ('de','director','*', '{"Director {f}"}'),
 ('de','director','m', '{"Direktor {f}","{s}direktor","Bereichsleiter {f}"}'),
 ('de','director','f', '{"Direktorin {f}","{s}direktorin","Bereichsleiterin {f}"}'),
 ('de','manager','*',  '{"Manager {f}","Senior Manager {f}","Teamlead {f}"}'),
 ('de','manager','m',  '{"{s}manager","Teamleiter {f}","Gruppenleiter {f}"}'),
 ('de','manager','f',  '{"{s}managerin","Teamleiterin {f}","Gruppenleiterin {f}"}'),
 ('de','ic','*',       '{"Specialist {f}"}'),
 ('de','ic','m',       '{"{s}referent","Referent {f}","Sachbearbeiter {f}","{s}mitarbeiter","Mitarbeiter {f}","Spezialist {f}","Senior Referent {f}"}'),
 ('de','ic','f',       '{"{s}referentin","Referentin {f}","Sachbearbeiterin {f}","{s}mitarbeiterin","Mitarbeiterin {f}","Spezialistin {f}","Senior Referentin {f}"}'),
 ('de','intern','*',   '{"Trainee {f}","Azubi {f}"}'),
 ('de','intern','m',   '{"Praktikant {f}","Werkstudent {f}"}'),
 ('de','intern','f',   '{"Praktikantin {f}","Werkstudentin {f}"}'),
 ('de','assistant','*','{"Assistenz {f}","Assistenz der Leitung {f}"}'),
 ('de','assistant','m','{"Assistent {f}"}'),
 ('de','assistant','f','{"Assistentin {f}"}'),

 ('fr','vp','*',       '{"VP {f}"}'),
 ('fr','vp','m',       '{"Vice-Président {f}"}'),
 ('fr','vp','f',       '{"Vice-Présidente {f}"}'),
 ('fr','head','*',     '{"Responsable {f}","Responsable {f}","Head of {f}"}'),
 ('fr','head','m',     '{"Directeur {f}"}'),
 ('fr','head','f',     '{"Directrice {f}"}'),
 ('fr','director','m', '{"Directeur {f}","Directeur {f} France","Directeur adjoint {f}"}'),
 ('fr','director','f', '{"Directrice {f}","Directrice {f} France","Directrice adjointe {f}"}'),
 ('fr','manager','*',  '{"Responsable {f}","Manager {f}","Responsable pôle {f}"}'),
 ('fr','manager','m',  '{"Chef de service {f}"}'),
 ('fr','manager','f',  '{"Cheffe de service {f}"}'),
 ('fr','ic','*',       '{"Analyste {f}","Spécialiste {f}"}'),
 ('fr','ic','m',       '{"Chargé {f}","Chargé de mission {f}","Consultant {f}"}'),
 ('fr','ic','f',       '{"Chargée {f}","Chargée de mission {f}","Consultante {f}"}'),
 ('fr','intern','*',   '{"Stagiaire {f}"}'),
 ('fr','intern','m',   '{"Alternant {f}","Apprenti {f}"}'),
 ('fr','intern','f',   '{"Alternante {f}","Apprentie {f}"}'),
 ('fr','assistant','m','{"Assistant {f}"}'),
 ('fr','assistant','f','{"Assistante {f}"}'),

 ('es','vp','*',       '{"VP de {f}","VP {f}"}'),
 ('es','vp','m',       '{"Vicepresidente de {f}"}'),
 ('es','vp','f',       '{"Vicepresidenta de {f}"}'),
 ('es','head','*',     '{"Responsable de {f}","Head of {f}"}'),
 ('es','head','m',     '{"Jefe de {f}","Director de {f}"}'),
 ('es','head','f',     '{"Jefa de {f}","Directora de {f}"}'),
 ('es','director','m', '{"Director de {f}","Subdirector de {f}"}'),
 ('es','director','f', '{"Directora de {f}","Subdirectora de {f}"}'),
 ('es','manager','*',  '{"Gerente de {f}","Responsable de {f}","Manager de {f}"}'),
 ('es','manager','m',  '{"Coordinador de {f}","Jefe de {f}","Supervisor de {f}"}'),
 ('es','manager','f',  '{"Coordinadora de {f}","Jefa de {f}","Supervisora de {f}"}'),
 ('es','ic','*',       '{"Analista de {f}","Especialista en {f}","Analista Sr. de {f}","Auxiliar de {f}"}'),
 ('es','ic','m',       '{"Técnico de {f}","Ejecutivo de {f}","Consultor de {f}"}'),
 ('es','ic','f',       '{"Técnica de {f}","Ejecutiva de {f}","Consultora de {f}"}'),
 ('es','intern','*',   '{"Practicante de {f}","Trainee {f}"}'),
 ('es','intern','m',   '{"Becario de {f}"}'),
 ('es','intern','f',   '{"Becaria de {f}"}'),
 ('es','assistant','*','{"Asistente de {f}","Auxiliar de {f}"}'),
 ('es','assistant','f','{"Secretaria de {f}"}'),

 ('pt','vp','*',       '{"VP de {f}","Vice-Presidente de {f}"}'),
 ('pt','head','*',     '{"Head de {f}","Head de {f}","Head of {f}","Chefe de {f}"}'),
 ('pt','head','m',     '{"Diretor de {f}"}'),
 ('pt','head','f',     '{"Diretora de {f}"}'),
 ('pt','director','*', '{"Superintendente de {f}"}'),
 ('pt','director','m', '{"Diretor de {f}","Diretor Executivo de {f}"}'),
 ('pt','director','f', '{"Diretora de {f}","Diretora Executiva de {f}"}'),
 ('pt','manager','*',  '{"Gerente de {f}","Gerente de {f}","Gerente Sênior de {f}","Gerente Senior de {f}"}'),
 ('pt','manager','m',  '{"Coordenador de {f}","Supervisor de {f}","Gestor de {f}"}'),
 ('pt','manager','f',  '{"Coordenadora de {f}","Supervisora de {f}","Gestora de {f}"}'),
 ('pt','ic','*',       '{"Analista de {f}","Analista de {f} Sênior","Analista de {f} Pleno","Analista de {f} Jr","Especialista em {f}","Auxiliar de {f}"}'),
 ('pt','ic','m',       '{"Técnico de {f}","Consultor de {f}"}'),
 ('pt','ic','f',       '{"Técnica de {f}","Consultora de {f}"}'),
 ('pt','intern','*',   '{"Trainee {f}","Estagiario {f}"}'),
 ('pt','intern','m',   '{"Estagiário de {f}"}'),
 ('pt','intern','f',   '{"Estagiária de {f}"}'),
 ('pt','assistant','*','{"Assistente de {f}"}'),
 ('pt','assistant','f','{"Secretária de {f}"}'),

 ('nl','vp','*',       '{"VP {f}","Vice President {f}"}'),
 ('nl','head','*',     '{"Hoofd {f}","Hoofd {f}","Head of {f}","Afdelingshoofd {f}"}'),
 ('nl','director','*', '{"Directeur {f}","Director {f}","Directeur {f} Benelux"}'),
 ('nl','manager','*',  '{"Manager {f}","Teamleider {f}","Teamlead {f}","Coördinator {f}","Coordinator {f}","Senior Manager {f}"}'),
 ('nl','ic','*',       '{"Medewerker {f}","Senior Medewerker {f}","Adviseur {f}","Specialist {f}","Consultant {f}","Junior Medewerker {f}","Beleidsmedewerker {f}"}'),
 ('nl','intern','*',   '{"Stagiair {f}","Afstudeerder {f}","Werkstudent {f}","Trainee {f}"}'),
 ('nl','intern','f',   '{"Stagiaire {f}"}'),
 ('nl','assistant','*','{"Assistent {f}","Medewerker Secretariaat {f}"}'),
 ('nl','assistant','f','{"Secretaresse {f}"}'),

 ('it','vp','*',       '{"VP {f}","Vice President {f}","Vicepresidente {f}"}'),
 ('it','head','*',     '{"Responsabile {f}","Responsabile {f}","Head of {f}"}'),
 ('it','head','m',     '{"Direttore {f}"}'),
 ('it','head','f',     '{"Direttrice {f}"}'),
 ('it','director','*', '{"Director {f}"}'),
 ('it','director','m', '{"Direttore {f}","Direttore {f} Italia"}'),
 ('it','director','f', '{"Direttrice {f}","Direttrice {f} Italia"}'),
 ('it','manager','*',  '{"Responsabile {f}","Manager {f}","Team Leader {f}","Responsabile Ufficio {f}"}'),
 ('it','manager','m',  '{"Coordinatore {f}"}'),
 ('it','manager','f',  '{"Coordinatrice {f}"}'),
 ('it','ic','*',       '{"Specialista {f}","Analista {f}","Consulente {f}"}'),
 ('it','ic','m',       '{"Addetto {f}","Impiegato {f}","Tecnico {f}"}'),
 ('it','ic','f',       '{"Addetta {f}","Impiegata {f}","Tecnica {f}"}'),
 ('it','intern','*',   '{"Stagista {f}","Tirocinante {f}","Stage {f}","Apprendista {f}"}'),
 ('it','assistant','*','{"Assistente {f}","Assistente Ufficio {f}"}'),
 ('it','assistant','f','{"Segretaria {f}"}')
) AS v(lang, level, g, tmpls);

-- fixed, realistic titles: (lang, levels, fn, g, titles)
CREATE TEMP TABLE t_fixed (lang text, levels text[], fn text, g text, titles text[]);
INSERT INTO t_fixed VALUES
-- ---------------------------------------------------------------- English
('en','{exec}','exec','*','{CEO,CEO,CEO,CEO,"Chief Executive Officer",Founder,Founder,Founder,Co-Founder,Co-Founder,Owner,Owner,Owner,"Managing Director","Managing Director",President,President,"Co-founder & CEO",Founder/CEO,"Founder & CEO",Owner,Owner/Operator,President,"President & CEO","Managing Director",MD,"Managing Partner",Partner,"General Manager",Chairman,"Board Member",Principal,Proprietor,"Owner / Managing Director","CEO & Founder","CEO/Founder","co-founder","Founder, CEO"}'),
('en','{c}','finance','*','{CFO,"Chief Financial Officer","Finance Director/CFO","CFO & COO"}'),
('en','{c}','sales','*','{CRO,"Chief Revenue Officer","Chief Sales Officer",CCO,"Chief Commercial Officer"}'),
('en','{c}','marketing','*','{CMO,"Chief Marketing Officer","CMO / Head of Growth"}'),
('en','{c}','it','*','{CIO,"Chief Information Officer","Chief Digital Officer"}'),
('en','{c}','eng','*','{CTO,"Chief Technology Officer","Co-Founder & CTO","CTO / Co-founder"}'),
('en','{c}','security','*','{CISO,"Chief Information Security Officer","Chief Security Officer"}'),
('en','{c}','hr','*','{CHRO,"Chief People Officer","Chief Human Resources Officer"}'),
('en','{c}','ops','*','{COO,"Chief Operating Officer","Chief of Staff"}'),
('en','{c}','product','*','{CPO,"Chief Product Officer"}'),
('en','{c}','data','*','{CDO,"Chief Data Officer","Chief Data & Analytics Officer"}'),
('en','{c}','legal','*','{"General Counsel","Chief Legal Officer",CLO,"General Counsel & Secretary"}'),
('en','{c}','procurement','*','{"Chief Procurement Officer","CPO (Procurement)"}'),
('en','{c}','cs','*','{"Chief Customer Officer","Chief Customer Officer (CCO)"}'),
('en','{vp}','sales','*','{"VP Sales","VP, Sales","VP of Sales","SVP Sales","SVP, Global Sales",RVP,"Area Vice President","Vice President Sales","VP Business Development","VP Sales & Marketing","VP of Sales EMEA","VP Sales, North America"}'),
('en','{head}','sales','*','{"Head of Sales","Head of Business Development","Head of Partnerships","Head of Inside Sales","Head of Sales DACH","Head of Sales & Partnerships"}'),
('en','{director}','sales','*','{"Director of Sales","Sales Director","Dir. Sales","Regional Sales Director","Director, Enterprise Sales","Director of Business Development","Strategic Account Director","Director of Sales & Bus. Dev."}'),
('en','{manager}','sales','*','{"Sales Manager","Regional Sales Manager","Area Sales Manager","Sales Team Lead","SDR Manager","BDR Team Lead","Manager, Inside Sales","Channel Sales Manager","Partner Manager","Mgr Sales","Sr. Sales Manager","Sales & Marketing Manager","Sales / Marketing Manager","Country Manager"}'),
('en','{ic}','sales','*','{SDR,BDR,"Sales Development Representative","Business Development Representative","Business Development Rep","Account Executive",AE,"Sr. Account Executive","Senior AE","Enterprise Account Executive","Mid-Market AE","Account Manager","Key Account Manager","Inside Sales Rep","Sales Rep","Sales Executive","Solutions Engineer","Sales Engineer","Pre-Sales Consultant","Business Development","Sales / Marketing","Sales & Business Development","Sr AE","Enterprise AE","Account Exec","Territory Manager","Sales Associate"}'),
('en','{vp}','marketing','*','{"VP Marketing","VP, Marketing","VP of Marketing","SVP Marketing","VP Growth","VP Demand Generation","VP Marketing & Communications"}'),
('en','{head}','marketing','*','{"Head of Marketing","Head of Growth","Head of Demand Gen","Head of Brand","Head of Communications","Head of Digital","Head of Content"}'),
('en','{director}','marketing','*','{"Marketing Director","Director of Marketing","Dir. Marketing","Director, Demand Generation","Director of Product Marketing","Director Marketing & Communications","Sr. Director, Marketing"}'),
('en','{manager}','marketing','*','{"Marketing Manager","Demand Generation Manager","Demand Gen Mgr","Product Marketing Manager",PMM,"Field Marketing Manager","Content Marketing Manager","Digital Marketing Manager","Marketing Ops Manager","Growth Marketing Lead","Brand Manager","Events Manager","Sr. Marketing Manager","Partner Marketing Manager","Field Marketing Manager, DACH","Marketing & Communications Manager"}'),
('en','{ic}','marketing','*','{"Marketing Coordinator","Marketing Specialist","Content Marketing Specialist","Digital Marketing Specialist","SEO Specialist","Social Media Manager","Marketing Ops Specialist","Marketing Operations","Demand Gen Specialist","Growth Marketer",Copywriter,"Graphic Designer","Communications Specialist","PR Manager",Marketing/Communications,"Events Coordinator","Marketing Associate","Content Writer","Marketing Assistant"}'),
('en','{vp}','finance','*','{"VP Finance","VP, Finance","VP of Finance & Administration","SVP Finance","VP Finance & Ops"}'),
('en','{head}','finance','*','{"Head of Finance","Head of FP&A","Head of Accounting","Head of Tax","Head of Finance & Admin"}'),
('en','{director}','finance','*','{"Finance Director","Director of Finance","Dir. Finance","Director, FP&A","Corporate Controller","Group Financial Controller"}'),
('en','{manager}','finance','*','{"Finance Manager",Controller,"Financial Controller","FP&A Manager","Accounting Manager","AP Manager","Treasury Manager","Mgr, Finance","Credit Manager","Finance & Admin Manager"}'),
('en','{ic}','finance','*','{Accountant,"Staff Accountant","Senior Accountant","AP Specialist","Accounts Payable Clerk","Billing Specialist","Financial Analyst","FP&A Analyst",Bookkeeper,"Payroll Specialist","Treasury Analyst","Tax Specialist","Accounts Receivable","Finance Associate","CPA"}'),
('en','{vp}','hr','*','{"VP People","VP, Human Resources","VP of HR","VP Talent","VP People & Culture"}'),
('en','{head}','hr','*','{"Head of People","Head of HR","Head of Talent","Head of People & Culture","Head of Talent Acquisition"}'),
('en','{director}','hr','*','{"HR Director","Director of People","Director, Talent Acquisition","Director of Human Resources","Dir. HR"}'),
('en','{manager}','hr','*','{"HR Manager","HR Business Partner","People Operations Manager","Talent Acquisition Manager","Recruiting Manager","L&D Manager","Compensation & Benefits Manager","People Partner","Sr. HRBP"}'),
('en','{ic}','hr','*','{Recruiter,"Technical Recruiter","Talent Acquisition Specialist","HR Generalist","HR Coordinator","HR Assistant","People Ops Specialist","HR Specialist","Payroll Administrator","L&D Specialist",HRBP,"People Ops","Talent Partner","Sourcer"}'),
('en','{vp}','it','*','{"VP IT","VP, Information Technology","VP of IT","VP Infrastructure","VP IT & Operations"}'),
('en','{head}','it','*','{"Head of IT","Head of Infrastructure","Head of IT Operations","Head of Enterprise Applications","Head of IT & Security"}'),
('en','{director}','it','*','{"IT Director","Director of IT","Director, Infrastructure","Director IT Operations","Dir. Information Technology","Director of Enterprise Systems"}'),
('en','{manager}','it','*','{"IT Manager","Mgr, IT","IT Operations Manager","Infrastructure Manager","IT Service Manager","IT Project Manager","Sr. IT Manager","Applications Manager","IT Mgr"}'),
('en','{ic}','it','*','{"System Administrator",Sysadmin,"IT Administrator","IT Support Specialist","Helpdesk Technician","IT Specialist","Network Engineer","Systems Engineer","IT Analyst","Salesforce Administrator","SFDC Admin","ERP Consultant","IT Support","Desktop Support","IT Technician","Systems Analyst","Cloud Engineer"}'),
('en','{vp}','eng','*','{"VP Engineering","VP, Engineering","VP of Engineering","SVP Engineering","VP R&D","VP Technology"}'),
('en','{head}','eng','*','{"Head of Engineering","Head of R&D","Head of Platform","Head of Development","Head of Technology"}'),
('en','{director}','eng','*','{"Director of Engineering","Engineering Director","Director, Platform Engineering","Dir. Engineering","Director R&D"}'),
('en','{manager}','eng','*','{"Engineering Manager","Eng Manager","Software Development Manager","QA Manager","Team Lead, Backend","Tech Lead","Engineering Lead","Development Manager"}'),
('en','{ic}','eng','*','{"Software Engineer","Senior Software Engineer","Sr. Software Engineer","Staff Engineer","Principal Engineer","Backend Developer","Frontend Developer","Full Stack Developer","DevOps Engineer",SRE,"Site Reliability Engineer","QA Engineer",Developer,"Mechanical Engineer","Process Engineer","Solutions Architect","Software Architect",Engineer,"Software Developer","sw engineer"}'),
('en','{vp}','security','*','{"VP Security","VP, Information Security"}'),
('en','{head}','security','*','{"Head of Security","Head of Information Security","Head of InfoSec","Head of Cybersecurity"}'),
('en','{director}','security','*','{"Director of Security","Director, Information Security","Security Director"}'),
('en','{manager}','security','*','{"Information Security Manager","IT Security Manager","Security Operations Manager","GRC Manager","Data Protection Officer",DPO}'),
('en','{ic}','security','*','{"Security Engineer","Security Analyst","Information Security Analyst","SOC Analyst","Cyber Security Specialist","Security Architect","Penetration Tester","GRC Analyst","Compliance Analyst"}'),
('en','{vp}','procurement','*','{"VP Procurement","VP, Global Sourcing","VP Supply Chain & Procurement"}'),
('en','{head}','procurement','*','{"Head of Procurement","Head of Purchasing","Head of Strategic Sourcing","Head of Vendor Management"}'),
('en','{director}','procurement','*','{"Director of Procurement","Procurement Director","Purchasing Director","Director, Strategic Sourcing","Dir. Purchasing"}'),
('en','{manager}','procurement','*','{"Procurement Manager","Purchasing Manager","Category Manager","Strategic Sourcing Manager","Sr. Mgr Procurement","Vendor Management Lead","Indirect Procurement Manager","IT Procurement Manager","Supply Manager"}'),
('en','{ic}','procurement','*','{Buyer,"Senior Buyer","Purchasing Agent","Procurement Specialist","Procurement Analyst","Sourcing Specialist","Purchasing Coordinator","Vendor Manager","Category Buyer"}'),
('en','{vp}','legal','*','{"VP Legal","VP, Legal Affairs","VP & General Counsel"}'),
('en','{head}','legal','*','{"Head of Legal","Head of Legal & Compliance","Head of Compliance"}'),
('en','{director}','legal','*','{"Director of Legal","Legal Director","Director, Legal & Compliance","Deputy General Counsel"}'),
('en','{manager}','legal','*','{"Legal Manager","Contracts Manager","Compliance Manager","Legal Operations Manager"}'),
('en','{ic}','legal','*','{"Legal Counsel","Corporate Counsel",Paralegal,"Contract Manager","Legal Assistant","Associate General Counsel","Senior Counsel","Compliance Officer",Attorney,Solicitor,"Contracts Administrator","Privacy Counsel"}'),
('en','{vp}','ops','*','{"VP Operations","VP, Operations","VP of Ops","SVP Operations","VP Supply Chain"}'),
('en','{head}','ops','*','{"Head of Operations","Head of Ops","Head of Supply Chain","Head of Logistics","Head of Business Operations","Head of Strategy & Ops"}'),
('en','{director}','ops','*','{"Director of Operations","Operations Director","Director, Supply Chain","Dir. Ops","Plant Director","Director of Strategy & Operations"}'),
('en','{manager}','ops','*','{"Operations Manager","Ops Manager","Supply Chain Manager","Logistics Manager","Project Manager","Program Manager","Plant Manager","Warehouse Manager","Facilities Manager","Business Operations Manager","PMO Manager","Store Manager"}'),
('en','{ic}','ops','*','{"Operations Coordinator","Operations Analyst","Logistics Coordinator","Supply Chain Analyst","Operations Specialist",Dispatcher,"Warehouse Supervisor","Project Coordinator","Business Analyst","Facilities Coordinator","Production Planner"}'),
('en','{vp}','revops','*','{"VP Revenue Operations","VP RevOps","VP, Sales Operations","VP GTM Strategy & Operations"}'),
('en','{head}','revops','*','{"Head of RevOps","Head of Revenue Operations","Head of Sales Operations","Head of Sales Enablement","Head of GTM Operations"}'),
('en','{director}','revops','*','{"Director of Revenue Operations","Director, RevOps","Director Sales Operations","Director of Sales Ops & Enablement","Dir. Revenue Operations"}'),
('en','{manager}','revops','*','{"RevOps Manager","Revenue Operations Manager","Sales Operations Manager","Sales Ops Manager","Marketing Ops Manager","Sales Enablement Manager","CRM Manager","GTM Operations Manager","Manager, Revenue Operations"}'),
('en','{ic}','revops','*','{"Revenue Operations Analyst","RevOps Analyst","Sales Operations Analyst","Sales Ops","Sales Ops Specialist","CRM Administrator","Salesforce Admin","HubSpot Admin","Marketing Operations Analyst","Deal Desk Analyst","GTM Operations Analyst",RevOps,"Rev Ops"}'),
('en','{vp}','cs','*','{"VP Customer Success","VP, Customer Experience","VP Client Services","VP Support"}'),
('en','{head}','cs','*','{"Head of Customer Success","Head of Support","Head of CX","Head of Client Services","Head of Customer Experience"}'),
('en','{director}','cs','*','{"Director of Customer Success","Director, Customer Support","Director Customer Experience","Dir. Client Services"}'),
('en','{manager}','cs','*','{"Customer Success Team Lead","Manager, Customer Success","Support Manager","Customer Service Manager","Implementation Manager","Customer Experience Manager","CX Manager"}'),
('en','{ic}','cs','*','{CSM,"Customer Success Manager","Sr CSM","Senior Customer Success Manager","Customer Success Associate","Support Engineer","Customer Support Specialist","Technical Account Manager",TAM,"Onboarding Specialist","Implementation Consultant","Renewals Specialist","Support Agent"}'),
('en','{vp}','product','*','{"VP Product","VP, Product","VP of Product Management","SVP Product"}'),
('en','{head}','product','*','{"Head of Product","Head of Design","Head of Product & Design"}'),
('en','{director}','product','*','{"Director of Product","Director, Product Management","Product Director","Director of Design"}'),
('en','{manager}','product','*','{"Senior Product Manager","Sr. PM","Group Product Manager","Lead Product Manager","Product Lead","Design Manager"}'),
('en','{ic}','product','*','{"Product Manager","Associate Product Manager",APM,"Product Owner","Product Analyst","UX Designer","Product Designer","UX Researcher","Technical Product Manager",PM}'),
('en','{vp}','data','*','{"VP Data","VP, Analytics","VP Data & AI"}'),
('en','{head}','data','*','{"Head of Data","Head of Analytics","Head of BI","Head of Data Science","Head of Data & Analytics"}'),
('en','{director}','data','*','{"Director of Data","Director, Analytics","Director of Data Science","Director BI"}'),
('en','{manager}','data','*','{"Analytics Manager","BI Manager","Data Science Manager","Data Engineering Manager","Manager, Business Intelligence"}'),
('en','{ic}','data','*','{"Data Analyst","Data Scientist","Data Engineer","BI Analyst","BI Developer","Analytics Engineer","Business Intelligence Analyst","Machine Learning Engineer","Senior Data Analyst","Reporting Analyst"}'),
('en','{assistant}','exec','*','{"Executive Assistant","Assistant to the CEO","EA to the CEO","Executive Assistant to the CFO","Personal Assistant","PA to Managing Director","Office Manager","Administrative Assistant",Receptionist,"Office Administrator","Assistant to the Managing Director","Exec. Assistant","EA to CEO & Founder"}'),
('en','{assistant}','any','*','{"Administrative Assistant","Team Assistant","Office Coordinator",Admin}'),
('en','{intern}','any','*','{Intern,"Summer Intern",Trainee,"Graduate Trainee",Apprentice,"Working Student","Co-op Student",Internship}'),
('en','{head,director,manager}','exec','*','{"Country Manager","General Manager","Branch Manager","Managing Director EMEA"}'),
-- ---------------------------------------------------------------- German
('de','{exec}','exec','m','{Geschäftsführer,Geschäftsführer,"Geschäftsführender Gesellschafter",Inhaber,Gründer,"Gründer & CEO",Vorstandsvorsitzender,Geschäftsinhaber,Prokurist,Mitgründer,Alleingeschäftsführer,"Geschäftsführer / Inhaber","Inhaber & Geschäftsführer"}'),
('de','{exec}','exec','f','{Geschäftsführerin,Geschäftsführerin,Inhaberin,Gründerin,"Gründerin & Geschäftsführerin",Vorstandsvorsitzende,Prokuristin,Mitgründerin,"Geschäftsführende Gesellschafterin"}'),
('de','{exec}','exec','*','{CEO,"Managing Director",Vorstand,Geschäftsleitung,GF,Co-Founder,Dr.,"Mitglied der Geschäftsleitung"}'),
('de','{c}','finance','m','{"Kaufmännischer Leiter","Kaufmännischer Geschäftsführer",Finanzvorstand}'),
('de','{c}','finance','f','{"Kaufmännische Leiterin","Kaufmännische Geschäftsführerin",Finanzvorständin}'),
('de','{c}','finance','*','{CFO,"CFO / Prokura"}'),
('de','{c}','eng','m','{"Technischer Geschäftsführer","Technischer Leiter"}'),
('de','{c}','eng','f','{"Technische Geschäftsführerin","Technische Leiterin"}'),
('de','{c}','sales','*','{"Vorstand Vertrieb","Geschäftsführer Vertrieb",CSO}'),
('de','{c}','hr','*','{Personalvorstand,Arbeitsdirektor,CHRO}'),
('de','{c}','ops','*','{"Vorstand Operations",COO}'),
('de','{c}','it','*','{CIO,CDO,"Leiter Digitalisierung / CIO"}'),
('de','{head}','sales','m','{"Vertriebsleiter DACH",Gesamtvertriebsleiter,Verkaufsleiter,"Leiter Vertrieb & Marketing","Leiter Key Account Management","Leiter Vertrieb / Marketing"}'),
('de','{head}','sales','f','{Vertriebsleiterin,"Vertriebsleiterin DACH","Leiterin Vertrieb Innendienst"}'),
('de','{head}','sales','*','{"Head of Sales DACH","Leitung Vertrieb / Marketing","Bereichsleitung Vertrieb"}'),
('de','{manager}','sales','m','{Gebietsverkaufsleiter,"Regionalleiter Vertrieb","Teamleiter Inside Sales"}'),
('de','{manager}','sales','f','{"Regionalleiterin Vertrieb","Teamleiterin Vertriebsinnendienst"}'),
('de','{ic}','sales','m','{"Key Account Manager",Außendienstmitarbeiter,Vertriebsmitarbeiter,Verkäufer,Vertriebsingenieur,Kundenberater,"Account Manager","Mitarbeiter Vertriebsinnendienst"}'),
('de','{ic}','sales','f','{"Key Account Managerin",Außendienstmitarbeiterin,Vertriebsassistentin,Verkäuferin,Kundenberaterin,"Account Managerin","Mitarbeiterin Vertriebsinnendienst"}'),
('de','{ic}','sales','*','{Vertriebsinnendienst,Vertrieb,Sales,"Inside Sales",SDR,"Business Development","Vertrieb Außendienst",Verkauf}'),
('de','{head}','marketing','m','{Marketingleiter,"Leiter Unternehmenskommunikation","Leiter Marketing"}'),
('de','{head}','marketing','f','{Marketingleiterin,"Leiterin Marketing & Kommunikation"}'),
('de','{ic}','marketing','m','{"Online-Marketing-Manager","Marketing Manager",PR-Referent,Grafiker,Mediengestalter}'),
('de','{ic}','marketing','f','{"Online Marketing Managerin",Marketingreferentin,"Marketing Managerin",PR-Referentin,Grafikerin,"Social Media Managerin",Mediengestalterin}'),
('de','{ic}','marketing','*','{Marketing,Kommunikation,"Content Marketing","Marketing / Vertrieb"}'),
('de','{head}','finance','m','{"Leiter Controlling","Leiter Rechnungswesen","Leiter Finanzen & Controlling",Finanzleiter,"Leiter Finanzbuchhaltung"}'),
('de','{head}','finance','f','{"Leiterin Rechnungswesen","Leiterin Controlling",Finanzleiterin}'),
('de','{ic}','finance','m','{Buchhalter,Finanzbuchhalter,Controller,Bilanzbuchhalter,Lohnbuchhalter,Steuerberater}'),
('de','{ic}','finance','f','{Buchhalterin,Finanzbuchhalterin,Controllerin,Bilanzbuchhalterin,Lohnbuchhalterin}'),
('de','{ic}','finance','*','{Dipl.-Kfm.,Buchhaltung,Controlling,Kreditorenbuchhaltung}'),
('de','{head}','hr','m','{Personalleiter,"Leiter Personal",Personalchef}'),
('de','{head}','hr','f','{Personalleiterin,"Leiterin Personal","Leiterin HR"}'),
('de','{head}','hr','*','{"Head of People & Culture","Leitung Personal"}'),
('de','{ic}','hr','m','{Personalreferent,Recruiter,"HR Business Partner",Personalsachbearbeiter}'),
('de','{ic}','hr','f','{Personalreferentin,Personalsachbearbeiterin,"HR Business Partnerin",Recruiterin,HR-Generalistin,"Lohn- und Gehaltsbuchhalterin",Personalentwicklerin}'),
('de','{ic}','hr','*','{HR,Personalabteilung,"Talent Acquisition","People & Culture"}'),
('de','{head}','it','m','{IT-Leiter,"Leiter IT","Leiter EDV",EDV-Leiter,"Leiter IT & Organisation"}'),
('de','{head}','it','f','{IT-Leiterin,"Leiterin IT"}'),
('de','{head}','it','*','{"Head of IT","CIO / Leitung IT"}'),
('de','{ic}','it','m','{IT-Administrator,Systemadministrator,Fachinformatiker,IT-Systemelektroniker,SAP-Berater,Netzwerkadministrator,IT-Supporter,Administrator}'),
('de','{ic}','it','f','{IT-Administratorin,Systemadministratorin,Fachinformatikerin,SAP-Beraterin}'),
('de','{ic}','it','*','{IT,EDV,"IT Support","1st Level Support"}'),
('de','{ic}','eng','m','{Softwareentwickler,Entwickler,"Senior Softwareentwickler",Ingenieur,Konstrukteur,Softwarearchitekt,Dipl.-Ing.,Entwicklungsingenieur,Verfahrenstechniker,Techniker}'),
('de','{ic}','eng','f','{Softwareentwicklerin,Entwicklerin,Ingenieurin,Konstrukteurin,Entwicklungsingenieurin}'),
('de','{ic}','eng','*','{"Software Engineer",Developer,"DevOps Engineer","Dipl.-Ing. (FH)"}'),
('de','{manager}','eng','m','{"Teamleiter Entwicklung","Teamleiter Softwareentwicklung"}'),
('de','{manager}','eng','f','{"Teamleiterin Entwicklung"}'),
('de','{manager}','eng','*','{"Engineering Manager","Tech Lead"}'),
('de','{ic}','security','m','{Informationssicherheitsbeauftragter,IT-Sicherheitsbeauftragter,Datenschutzbeauftragter,IT-Security-Spezialist}'),
('de','{ic}','security','f','{Informationssicherheitsbeauftragte,Datenschutzbeauftragte}'),
('de','{ic}','security','*','{ISB,IT-Security,"IT Security Engineer"}'),
('de','{head}','security','m','{"Leiter IT-Sicherheit","Leiter Informationssicherheit"}'),
('de','{head}','security','f','{"Leiterin Informationssicherheit"}'),
('de','{head}','security','*','{"Head of IT Security"}'),
('de','{ic}','procurement','m','{Einkäufer,"Strategischer Einkäufer","Operativer Einkäufer","Sachbearbeiter Einkauf",Disponent,"Technischer Einkäufer"}'),
('de','{ic}','procurement','f','{Einkäuferin,"Strategische Einkäuferin","Sachbearbeiterin Einkauf",Disponentin}'),
('de','{ic}','procurement','*','{Einkauf,Beschaffung,Purchasing}'),
('de','{head}','procurement','m','{Einkaufsleiter,"Leiter Einkauf","Leiter Einkauf & Logistik","Leiter strategischer Einkauf"}'),
('de','{head}','procurement','f','{Einkaufsleiterin,"Leiterin Einkauf"}'),
('de','{head}','procurement','*','{"Head of Procurement","Leitung Einkauf"}'),
('de','{ic}','legal','m','{Syndikusanwalt,Justiziar,Rechtsanwalt,Jurist,Volljurist,Compliance-Beauftragter}'),
('de','{ic}','legal','f','{Syndikusanwältin,Justiziarin,Rechtsanwältin,Juristin,Compliance-Beauftragte}'),
('de','{ic}','legal','*','{"Legal Counsel",Rechtsabteilung,"Compliance Officer"}'),
('de','{head}','legal','m','{"Leiter Recht","Leiter Rechtsabteilung",Chefjustiziar}'),
('de','{head}','legal','f','{"Leiterin Recht","Leiterin Rechtsabteilung"}'),
('de','{head}','legal','*','{"General Counsel","Head of Legal"}'),
('de','{ic}','ops','m','{Disponent,Logistiker,"Fachkraft für Lagerlogistik",Schichtleiter,Meister,Projektleiter,Projektmanager,Sachbearbeiter}'),
('de','{ic}','ops','f','{Disponentin,Projektleiterin,Projektmanagerin,Sachbearbeiterin}'),
('de','{ic}','ops','*','{Operations,Logistik,Produktion}'),
('de','{head}','ops','m','{Betriebsleiter,Werkleiter,Logistikleiter,Produktionsleiter,Standortleiter,Niederlassungsleiter,"Leiter Supply Chain"}'),
('de','{head}','ops','f','{Betriebsleiterin,Standortleiterin,Niederlassungsleiterin,Logistikleiterin}'),
('de','{head}','ops','*','{"Head of Operations"}'),
('de','{ic}','revops','m','{Vertriebscontroller,CRM-Manager,Salesforce-Administrator}'),
('de','{ic}','revops','f','{Vertriebscontrollerin,CRM-Managerin}'),
('de','{ic}','revops','*','{"Sales Operations",RevOps,"Sales Ops Analyst","CRM Administrator","Vertriebsinnendienst / CRM"}'),
('de','{head}','revops','m','{"Leiter Vertriebssteuerung"}'),
('de','{head}','revops','f','{"Leiterin Vertriebssteuerung"}'),
('de','{head}','revops','*','{"Head of Revenue Operations","Head of Sales Operations","Leitung Vertriebssteuerung"}'),
('de','{ic}','cs','m','{Kundenbetreuer,Servicetechniker,"Customer Success Manager"}'),
('de','{ic}','cs','f','{Kundenbetreuerin,"Customer Success Managerin",Servicemitarbeiterin}'),
('de','{ic}','cs','*','{CSM,Kundenservice,Support,"Customer Success"}'),
('de','{head}','cs','m','{"Leiter Kundenservice","Leiter Kundendienst"}'),
('de','{head}','cs','f','{"Leiterin Kundenservice"}'),
('de','{head}','cs','*','{"Head of Customer Success","Head of Support"}'),
('de','{ic}','product','m','{Produktmanager,Produktentwickler}'),
('de','{ic}','product','f','{Produktmanagerin,Produktdesignerin}'),
('de','{ic}','product','*','{"Product Owner","UX Designer","Product Manager"}'),
('de','{ic}','data','m','{Datenanalyst,BI-Berater,"Data Scientist"}'),
('de','{ic}','data','f','{Datenanalystin,BI-Beraterin}'),
('de','{ic}','data','*','{"Data Engineer","BI Analyst","Data Analyst"}'),
('de','{assistant}','exec','f','{"Assistentin der Geschäftsführung",Sekretärin,Chefsekretärin,"Office Managerin","Assistentin des Vorstands",Teamassistentin}'),
('de','{assistant}','exec','m','{"Assistent der Geschäftsführung","Referent der Geschäftsführung",Vorstandsreferent}'),
('de','{assistant}','exec','*','{"Assistenz der GF","Assistenz der Geschäftsleitung","Office Management",Sekretariat,"Assistenz Geschäftsführung"}'),
('de','{assistant}','any','*','{Backoffice,Empfang,Teamassistenz,Verwaltung}'),
('de','{intern}','any','m','{Praktikant,Werkstudent,Auszubildender,"Dualer Student"}'),
('de','{intern}','any','f','{Praktikantin,Werkstudentin,Auszubildende,"Duale Studentin"}'),
('de','{intern}','any','*','{Azubi,Trainee,Praktikum}'),
-- ---------------------------------------------------------------- French
('fr','{exec}','exec','m','{PDG,"Président Directeur Général","Directeur Général",Gérant,Fondateur,Co-fondateur,Président,"Fondateur & CEO","Directeur Général Délégué",Associé,"Associé gérant",Dirigeant}'),
('fr','{exec}','exec','f','{"Directrice Générale",Gérante,Fondatrice,Co-fondatrice,Présidente,Associée,"Présidente Directrice Générale",Dirigeante}'),
('fr','{exec}','exec','*','{CEO,DG,P.-D.G.,"CEO & co-fondateur"}'),
('fr','{c}','finance','m','{DAF,"Directeur Administratif et Financier","Directeur Financier"}'),
('fr','{c}','finance','f','{"Directrice Administrative et Financière","Directrice Financière",DAF}'),
('fr','{c}','it','m','{DSI,"Directeur des Systèmes d''Information"}'),
('fr','{c}','it','f','{DSI,"Directrice des Systèmes d''Information"}'),
('fr','{c}','security','*','{RSSI,"Responsable de la Sécurité des Systèmes d''Information"}'),
('fr','{c}','hr','m','{DRH,"Directeur des Ressources Humaines"}'),
('fr','{c}','hr','f','{DRH,"Directrice des Ressources Humaines"}'),
('fr','{c}','sales','m','{"Directeur Commercial","Directeur Commercial et Marketing"}'),
('fr','{c}','sales','f','{"Directrice Commerciale"}'),
('fr','{c}','eng','m','{"Directeur Technique",CTO}'),
('fr','{c}','eng','f','{"Directrice Technique",CTO}'),
('fr','{c}','ops','m','{"Directeur des Opérations",COO}'),
('fr','{c}','ops','f','{"Directrice des Opérations"}'),
('fr','{c}','marketing','m','{"Directeur Marketing",CMO}'),
('fr','{c}','marketing','f','{"Directrice Marketing"}'),
('fr','{ic}','sales','m','{"Ingénieur commercial","Ingénieur d''affaires",Commercial,"Attaché commercial","Chargé d''affaires",Technico-commercial,"Commercial sédentaire","Chef de secteur"}'),
('fr','{ic}','sales','f','{"Ingénieure commerciale","Ingénieure d''affaires",Commerciale,"Attachée commerciale","Chargée d''affaires"}'),
('fr','{ic}','sales','*','{"Business Developer","Key Account Manager","Account Executive",Sales}'),
('fr','{manager,head}','sales','m','{"Responsable Grands Comptes","Directeur Régional des Ventes","Chef des ventes","Responsable Commercial"}'),
('fr','{manager,head}','sales','f','{"Responsable Commerciale","Directrice Régionale","Responsable Grands Comptes"}'),
('fr','{manager,head}','sales','*','{"Sales Manager France","Responsable Développement Commercial"}'),
('fr','{ic}','marketing','m','{"Chargé de communication","Chef de projet marketing","Chef de produit marketing"}'),
('fr','{ic}','marketing','f','{"Chargée de communication","Chargée de marketing digital","Cheffe de projet digital","Chef de projet digital"}'),
('fr','{ic}','marketing','*','{"Community Manager","Traffic Manager","Growth Hacker"}'),
('fr','{ic}','finance','m','{Comptable,"Contrôleur de gestion",Expert-comptable,Trésorier,"Chef comptable"}'),
('fr','{ic}','finance','f','{Comptable,"Contrôleuse de gestion","Assistante comptable","Gestionnaire de paie"}'),
('fr','{ic}','finance','*','{Comptabilité}'),
('fr','{ic}','hr','m','{"Chargé de recrutement","Chargé RH","Gestionnaire de paie"}'),
('fr','{ic}','hr','f','{"Chargée de recrutement","Gestionnaire RH","Chargée RH","Talent Acquisition"}'),
('fr','{manager,head}','hr','*','{"Responsable RH","Responsable Formation","RRH"}'),
('fr','{ic}','it','m','{"Administrateur systèmes et réseaux","Technicien informatique","Ingénieur systèmes","Chef de projet informatique",Développeur,"Ingénieur DevOps","Architecte SI"}'),
('fr','{ic}','it','f','{"Administratrice systèmes","Technicienne informatique",Développeuse,"Cheffe de projet SI"}'),
('fr','{manager,head}','it','*','{"Responsable informatique","Responsable SI","Responsable Infrastructure"}'),
('fr','{ic}','eng','m','{Ingénieur,"Ingénieur R&D",Développeur,"Développeur Full Stack","Ingénieur logiciel",Technicien}'),
('fr','{ic}','eng','f','{Ingénieure,"Ingénieure R&D",Développeuse}'),
('fr','{ic}','eng','*','{"Lead Dev","Architecte logiciel"}'),
('fr','{ic}','security','m','{"Ingénieur sécurité","Analyste SOC","Délégué à la protection des données"}'),
('fr','{ic}','security','f','{"Ingénieure sécurité","Analyste cybersécurité","Déléguée à la protection des données"}'),
('fr','{ic}','security','*','{DPO}'),
('fr','{ic}','procurement','m','{Acheteur,"Acheteur projet",Approvisionneur,"Acheteur senior"}'),
('fr','{ic}','procurement','f','{Acheteuse,Approvisionneuse,"Acheteuse Senior"}'),
('fr','{manager,head}','procurement','*','{"Responsable Achats","Category Manager","Responsable des Achats"}'),
('fr','{ic}','legal','m','{Juriste,"Juriste d''entreprise",Avocat}'),
('fr','{ic}','legal','f','{Juriste,Avocate,"Juriste droit des affaires"}'),
('fr','{ic}','legal','*','{"Compliance Officer"}'),
('fr','{head}','legal','m','{"Directeur Juridique","Responsable juridique"}'),
('fr','{head}','legal','f','{"Directrice Juridique","Responsable juridique"}'),
('fr','{ic,manager}','ops','m','{"Chef de projet","Responsable logistique","Responsable d''exploitation","Chef d''équipe","Technicien de maintenance"}'),
('fr','{ic,manager}','ops','f','{"Cheffe de projet","Responsable logistique",Planificatrice}'),
('fr','{ic,manager}','ops','*','{"Supply Chain","Responsable de production"}'),
('fr','{ic,manager}','revops','*','{"Sales Ops","Responsable ADV","Administration des ventes","Chargé(e) CRM","RevOps Manager"}'),
('fr','{ic}','revops','f','{"Assistante ADV"}'),
('fr','{ic}','cs','m','{"Chargé de clientèle","Conseiller clientèle"}'),
('fr','{ic}','cs','f','{"Chargée de clientèle","Conseillère clientèle"}'),
('fr','{ic}','cs','*','{"Customer Success Manager",CSM,Support}'),
('fr','{manager,head}','cs','*','{"Responsable Service Client","Responsable Relation Client"}'),
('fr','{ic}','product','m','{"Chef de produit"}'),
('fr','{ic}','product','f','{"Cheffe de produit"}'),
('fr','{ic}','product','*','{"Product Manager","Product Owner","UX Designer"}'),
('fr','{ic}','data','m','{"Ingénieur data","Consultant BI"}'),
('fr','{ic}','data','*','{"Data Analyst","Data Scientist","Analyste BI"}'),
('fr','{assistant}','exec','f','{"Assistante de direction","Assistante du PDG","Secrétaire de direction","Assistante de Direction Générale",Assistante}'),
('fr','{assistant}','exec','m','{"Assistant de direction"}'),
('fr','{assistant}','exec','*','{"Office Manager"}'),
('fr','{assistant}','any','*','{Accueil,Secrétariat}'),
('fr','{intern}','any','*','{Stagiaire,"V.I.E.","Stagiaire RH"}'),
('fr','{intern}','any','m','{Alternant,Apprenti}'),
('fr','{intern}','any','f','{Alternante,Apprentie}'),
-- ---------------------------------------------------------------- Spanish
('es','{exec}','exec','m','{"Director General",Fundador,Cofundador,"Socio Fundador",Dueño,Propietario,"Gerente General","Socio Director",Presidente,"Consejero Delegado","Administrador Único","Director Ejecutivo"}'),
('es','{exec}','exec','f','{"Directora General",Fundadora,Cofundadora,"Socia Fundadora",Dueña,Propietaria,"Gerente General",Presidenta,"Consejera Delegada","Directora Ejecutiva"}'),
('es','{exec}','exec','*','{CEO,"CEO & Fundador",Gerente,Socio,DG}'),
('es','{c}','finance','m','{"Director Financiero","Director de Administración y Finanzas"}'),
('es','{c}','finance','f','{"Directora Financiera"}'),
('es','{c}','finance','*','{CFO}'),
('es','{c}','sales','m','{"Director Comercial"}'),
('es','{c}','sales','f','{"Directora Comercial"}'),
('es','{c}','it','*','{CIO,"Director de Sistemas"}'),
('es','{c}','eng','*','{CTO,"Director Técnico"}'),
('es','{c}','hr','m','{"Director de Personas"}'),
('es','{c}','hr','f','{"Directora de RRHH"}'),
('es','{c}','ops','m','{"Director de Operaciones",COO}'),
('es','{c}','ops','f','{"Directora de Operaciones"}'),
('es','{c}','marketing','*','{CMO,"Director de Marketing"}'),
('es','{ic}','sales','m','{"Ejecutivo de Cuentas","Ejecutivo Comercial",Comercial,"Asesor Comercial",Vendedor,"Representante de Ventas","Key Account Manager","Gestor de Cuentas"}'),
('es','{ic}','sales','f','{"Ejecutiva de Cuentas","Ejecutiva Comercial",Comercial,"Asesora Comercial",Vendedora,"Representante de Ventas","Gestora de Cuentas"}'),
('es','{ic}','sales','*','{SDR,"Business Developer","Account Manager",KAM}'),
('es','{manager,head}','sales','m','{"Gerente Comercial","Gerente de Ventas","Jefe de Ventas","Gerente de Cuentas Clave"}'),
('es','{manager,head}','sales','f','{"Gerente Comercial","Gerente de Ventas","Jefa de Ventas"}'),
('es','{ic}','marketing','f','{"Community Manager","Especialista en Marketing Digital","Coordinadora de Marketing","Responsable de Comunicación"}'),
('es','{ic}','marketing','m','{"Diseñador Gráfico","Responsable de Comunicación","Coordinador de Mercadotecnia"}'),
('es','{ic}','marketing','*','{Marketing,"Growth Marketing",SEO/SEM}'),
('es','{ic}','finance','m','{Contador,"Contador General",Contralor,Tesorero,"Analista Financiero","Auxiliar Contable"}'),
('es','{ic}','finance','f','{Contadora,Contralora,Tesorera,"Analista Financiera","Auxiliar Contable"}'),
('es','{ic}','finance','*','{Contabilidad,Controller,Administración}'),
('es','{ic}','hr','f','{"Técnica de Selección",Reclutadora,"Generalista de RRHH","Analista de Nómina"}'),
('es','{ic}','hr','m','{"Técnico de Selección",Reclutador}'),
('es','{ic}','hr','*','{"Talent Acquisition",RRHH,"Recursos Humanos"}'),
('es','{manager,head}','hr','*','{"Responsable de RRHH","Jefe de Personal","Gerente de RH"}'),
('es','{ic}','it','m','{"Administrador de Sistemas","Técnico de Sistemas","Ingeniero de Sistemas","Técnico Informático",Desarrollador}'),
('es','{ic}','it','f','{"Administradora de Sistemas","Técnica de Sistemas","Ingeniera de Sistemas",Desarrolladora}'),
('es','{ic}','it','*','{"Soporte Técnico",Sistemas}'),
('es','{manager,head}','it','*','{"Jefe de Sistemas","Responsable IT","Gerente de TI","Responsable de Sistemas"}'),
('es','{ic}','eng','m','{"Ingeniero de Software",Desarrollador,Programador,Ingeniero,"Arquitecto de Software","Ingeniero de Procesos"}'),
('es','{ic}','eng','f','{"Ingeniera de Software",Desarrolladora,Programadora,Ingeniera}'),
('es','{ic}','eng','*','{"Full Stack Developer",DevOps}'),
('es','{ic}','security','m','{"Analista de Ciberseguridad","Delegado de Protección de Datos"}'),
('es','{ic}','security','*','{DPO,"Analista SOC"}'),
('es','{manager,head}','security','*','{"Responsable de Seguridad","Responsable de Seguridad de la Información",CISO}'),
('es','{ic}','procurement','m','{Comprador,"Comprador Senior"}'),
('es','{ic}','procurement','f','{Compradora}'),
('es','{ic}','procurement','*','{Compras,Procurement,Abastecimiento}'),
('es','{manager,head}','procurement','m','{"Jefe de Compras","Responsable de Compras"}'),
('es','{manager,head}','procurement','f','{"Jefa de Compras","Responsable de Compras"}'),
('es','{ic}','legal','m','{Abogado,"Asesor Jurídico","Abogado Corporativo"}'),
('es','{ic}','legal','f','{Abogada,"Asesora Jurídica","Abogada Corporativa"}'),
('es','{ic}','legal','*','{Legal,"Compliance Officer"}'),
('es','{head}','legal','*','{"Director Jurídico","Responsable Legal"}'),
('es','{manager}','ops','m','{"Jefe de Operaciones","Jefe de Almacén","Jefe de Planta","Gerente de Logística","Jefe de Proyecto"}'),
('es','{manager}','ops','f','{"Jefa de Operaciones","Jefa de Proyecto","Coordinadora de Logística"}'),
('es','{ic}','ops','m','{Encargado}'),
('es','{ic}','ops','f','{Encargada}'),
('es','{ic}','ops','*','{Operaciones,Logística,"Project Manager"}'),
('es','{ic}','revops','m','{"Coordinador Comercial","Administrador CRM"}'),
('es','{ic}','revops','f','{"Coordinadora Comercial"}'),
('es','{ic}','revops','*','{"Sales Ops","Analista de CRM",RevOps}'),
('es','{ic}','cs','m','{"Ejecutivo de Atención al Cliente","Técnico de Soporte"}'),
('es','{ic}','cs','f','{"Ejecutiva de Atención al Cliente","Agente de Servicio al Cliente"}'),
('es','{ic}','cs','*','{CSM,"Customer Success Manager",Soporte,"Atención al Cliente"}'),
('es','{ic}','product','m','{"Jefe de Producto","Diseñador UX"}'),
('es','{ic}','product','f','{"Jefa de Producto","Diseñadora UX"}'),
('es','{ic}','product','*','{"Product Manager","Product Owner"}'),
('es','{ic}','data','m','{"Científico de Datos","Ingeniero de Datos"}'),
('es','{ic}','data','f','{"Científica de Datos","Ingeniera de Datos"}'),
('es','{ic}','data','*','{"Analista de Datos","Data Analyst","Analista BI"}'),
('es','{assistant}','exec','f','{"Asistente de Dirección","Secretaria de Dirección",Secretaria,"Asistente Ejecutiva","Asistente del Director General"}'),
('es','{assistant}','exec','m','{"Asistente de Dirección"}'),
('es','{assistant}','exec','*','{"Office Manager"}'),
('es','{assistant}','any','m','{"Auxiliar Administrativo"}'),
('es','{assistant}','any','f','{"Auxiliar Administrativa",Recepcionista}'),
('es','{intern}','any','m','{Becario,Practicante,Trainee}'),
('es','{intern}','any','f','{Becaria,Practicante,"Becaria de Marketing"}'),
('es','{intern}','any','*','{Prácticas,"Estudiante en prácticas"}'),
-- ---------------------------------------------------------------- Portuguese
('pt','{exec}','exec','m','{"Diretor Geral",Fundador,Cofundador,Sócio,Sócio-Diretor,"Sócio Fundador",Proprietário,Presidente,Diretor-Presidente,Administrador,Dono,"Gerente Geral",Sócio-Administrador,"Diretor Executivo"}'),
('pt','{exec}','exec','f','{"Diretora Geral",Fundadora,Cofundadora,Sócia,Sócia-Diretora,Proprietária,Presidente,Diretora-Presidente,Administradora,"Diretora Executiva"}'),
('pt','{exec}','exec','*','{CEO,"CEO & Co-founder",Socio-Diretor}'),
('pt','{c}','finance','m','{"Diretor Financeiro",CFO}'),
('pt','{c}','finance','f','{"Diretora Financeira"}'),
('pt','{c}','sales','m','{"Diretor Comercial"}'),
('pt','{c}','sales','f','{"Diretora Comercial"}'),
('pt','{c}','it','m','{"Diretor de TI",CIO}'),
('pt','{c}','it','f','{"Diretora de TI"}'),
('pt','{c}','eng','*','{CTO}'),
('pt','{c}','hr','m','{"Diretor de Gente e Gestão"}'),
('pt','{c}','hr','f','{"Diretora de RH"}'),
('pt','{c}','ops','m','{"Diretor de Operações",COO}'),
('pt','{c}','ops','f','{"Diretora de Operações"}'),
('pt','{c}','marketing','*','{CMO}'),
('pt','{c}','legal','m','{"Diretor Jurídico"}'),
('pt','{c}','legal','f','{"Diretora Jurídica"}'),
('pt','{ic}','sales','m','{"Executivo de Contas","Executivo de Vendas",Vendedor,"Representante Comercial","Consultor Comercial","Gerente de Contas","Key Account"}'),
('pt','{ic}','sales','f','{"Executiva de Contas","Executiva de Vendas",Vendedora,"Consultora Comercial","Gerente de Contas"}'),
('pt','{ic}','sales','*','{SDR,BDR,Closer,"Inside Sales",Pré-vendas,Pre-vendas,Hunter,Farmer,"Account Executive"}'),
('pt','{manager,head}','sales','*','{"Gerente Comercial","Gerente de Vendas","Head Comercial","Head de Vendas","Gerente Regional de Vendas","Gerente Nacional de Vendas"}'),
('pt','{manager}','sales','m','{"Coordenador Comercial"}'),
('pt','{manager}','sales','f','{"Coordenadora Comercial"}'),
('pt','{ic}','marketing','*','{"Analista de Marketing","Analista de Marketing Digital","Social Media",Designer,Growth,"Analista de Growth","Analista de Comunicação"}'),
('pt','{ic}','marketing','m','{Redator}'),
('pt','{ic}','marketing','f','{Redatora}'),
('pt','{manager,head}','marketing','*','{"Head de Marketing","Gerente de Marketing"}'),
('pt','{ic}','finance','m','{Contador,"Analista Financeiro",Tesoureiro}'),
('pt','{ic}','finance','f','{Contadora,"Analista Financeira",Tesoureira}'),
('pt','{ic}','finance','*','{Controller,Controladoria,Financeiro,"Contas a Pagar"}'),
('pt','{manager}','finance','m','{"Gerente Financeiro","Coordenador Financeiro"}'),
('pt','{manager}','finance','f','{"Gerente Financeira","Coordenadora Financeira"}'),
('pt','{ic}','hr','*','{"Analista de RH","Business Partner de RH","Tech Recruiter","Analista de Departamento Pessoal",DP,"Analista de Gente e Gestão","BP de RH"}'),
('pt','{ic}','hr','m','{Recrutador}'),
('pt','{ic}','hr','f','{Recrutadora}'),
('pt','{manager,head}','hr','*','{"Gerente de RH","Head de Gente e Gestão"}'),
('pt','{ic}','it','*','{"Analista de TI","Analista de Suporte","Analista de Sistemas","Analista de Infraestrutura","Suporte Técnico","Analista de Sistemas Sênior","Analista de Sistemas Senior"}'),
('pt','{ic}','it','m','{"Técnico de Informática","Administrador de Redes"}'),
('pt','{manager}','it','*','{"Gerente de TI","Coordenador de TI"}'),
('pt','{ic}','eng','m','{Desenvolvedor,"Engenheiro de Software",Programador,"Arquiteto de Software","Desenvolvedor Full Stack",Engenheiro,"Desenvolvedor Back-end"}'),
('pt','{ic}','eng','f','{Desenvolvedora,"Engenheira de Software",Engenheira}'),
('pt','{ic}','eng','*','{"Tech Lead"}'),
('pt','{ic}','security','*','{"Analista de Segurança da Informação","Analista de Seguranca da Informacao","Especialista em Cibersegurança","Encarregado de Dados (DPO)"}'),
('pt','{manager}','security','*','{"Gerente de Segurança da Informação"}'),
('pt','{ic}','procurement','m','{Comprador,"Comprador Sênior"}'),
('pt','{ic}','procurement','f','{Compradora}'),
('pt','{ic}','procurement','*','{"Analista de Compras",Suprimentos,Compras}'),
('pt','{manager}','procurement','m','{"Gerente de Compras","Coordenador de Suprimentos"}'),
('pt','{manager}','procurement','f','{"Gerente de Compras","Coordenadora de Suprimentos"}'),
('pt','{ic}','legal','m','{Advogado,"Consultor Jurídico","Advogado Sênior"}'),
('pt','{ic}','legal','f','{Advogada,"Consultora Jurídica",Paralegal}'),
('pt','{ic}','legal','*','{"Analista de Compliance",Jurídico}'),
('pt','{manager,head}','legal','m','{"Gerente Jurídico"}'),
('pt','{manager,head}','legal','f','{"Gerente Jurídica"}'),
('pt','{ic}','ops','*','{"Analista de Operações","Analista de Logística","Analista de Processos"}'),
('pt','{ic}','ops','m','{Encarregado,"Supervisor de Produção"}'),
('pt','{ic}','ops','f','{Encarregada}'),
('pt','{manager}','ops','*','{"Gerente de Operações","Gerente de Projetos"}'),
('pt','{manager}','ops','m','{"Coordenador de Logística"}'),
('pt','{ic}','revops','*','{"Analista de Sales Ops","Sales Operations","Analista de RevOps","Analista de CRM","Analista Comercial"}'),
('pt','{head}','revops','*','{"Head de RevOps"}'),
('pt','{ic}','cs','*','{"Analista de Sucesso do Cliente","Customer Success",CS,"Analista de Suporte",Atendimento,"Analista de CS"}'),
('pt','{manager,head}','cs','*','{"Gerente de Customer Success","Head de CS"}'),
('pt','{ic}','product','*','{"Product Manager",PM,"Product Owner",PO,"Product Designer","UX Designer"}'),
('pt','{manager,head}','product','*','{"Head de Produto","Gerente de Produto"}'),
('pt','{ic}','data','*','{"Analista de Dados","Cientista de Dados","Analista de BI"}'),
('pt','{ic}','data','m','{"Engenheiro de Dados"}'),
('pt','{ic}','data','f','{"Engenheira de Dados"}'),
('pt','{head}','data','*','{"Head de Dados"}'),
('pt','{assistant}','exec','f','{"Secretária Executiva","Assistente Executiva",Secretária,"Assistente de Diretoria"}'),
('pt','{assistant}','exec','m','{"Assistente Executivo"}'),
('pt','{assistant}','exec','*','{"Assistente da Diretoria","Office Manager"}'),
('pt','{assistant}','any','m','{"Assistente Administrativo","Auxiliar Administrativo"}'),
('pt','{assistant}','any','f','{"Assistente Administrativa",Recepcionista}'),
('pt','{assistant}','any','*','{Administrativo}'),
('pt','{intern}','any','m','{Estagiário,"Jovem Aprendiz",Trainee}'),
('pt','{intern}','any','f','{Estagiária,"Jovem Aprendiz"}'),
('pt','{intern}','any','*','{Estágio,Estagiario,Trainee}'),
-- ---------------------------------------------------------------- Dutch
('nl','{exec}','exec','*','{"Algemeen Directeur",Directeur-eigenaar,Eigenaar,Oprichter,Mede-oprichter,CEO,Directeur,"Managing Director",Partner,DGA,Bestuurder,Zaakvoerder,Directeur/Eigenaar,Founder,"Directeur / eigenaar"}'),
('nl','{exec}','exec','f','{Zaakvoerster,Eigenaresse,Directrice}'),
('nl','{c}','finance','*','{CFO,"Financieel Directeur"}'),
('nl','{c}','eng','*','{CTO,"Technisch Directeur"}'),
('nl','{c}','it','*','{CIO}'),
('nl','{c}','sales','*','{"Commercieel Directeur",CCO}'),
('nl','{c}','ops','*','{COO,"Operationeel Directeur"}'),
('nl','{c}','hr','*','{"HR Directeur"}'),
('nl','{c}','marketing','*','{CMO}'),
('nl','{ic}','sales','*','{Accountmanager,"Account Manager","Accountmanager Buitendienst","Binnendienst Medewerker",Verkoper,"Commercieel Medewerker","Business Developer","Key Accountmanager",Vertegenwoordiger,"Medewerker Verkoop Binnendienst"}'),
('nl','{manager,head}','sales','*','{Salesmanager,"Sales Manager Benelux",Verkoopleider,"Commercieel Manager","Hoofd Verkoop"}'),
('nl','{ic}','marketing','*','{Marketeer,"Online Marketeer",Communicatieadviseur,Contentmarketeer,Marketingcoördinator,"Grafisch Ontwerper"}'),
('nl','{manager}','marketing','*','{"Marketing Manager",Marketingmanager}'),
('nl','{ic}','finance','*','{Controller,"Financieel Controller",Boekhouder,"Financieel Medewerker","Medewerker Crediteurenadministratie","Financial Controller",Administrateur}'),
('nl','{head}','finance','*','{"Hoofd Financiële Administratie","Hoofd Financien"}'),
('nl','{ic}','hr','*','{"HR Adviseur",HR-adviseur,Recruiter,"P&O Adviseur","HR Business Partner",Personeelsfunctionaris,Salarisadministrateur,"Corporate Recruiter"}'),
('nl','{manager}','hr','*','{"HR Manager","Manager P&O"}'),
('nl','{ic}','it','*','{Systeembeheerder,"ICT Beheerder",Netwerkbeheerder,"Functioneel Beheerder",Applicatiebeheerder,"Servicedesk Medewerker",ICT-coördinator}'),
('nl','{manager}','it','*','{ICT-manager,"IT Manager"}'),
('nl','{ic}','eng','*','{"Software Developer",Ontwikkelaar,Softwareontwikkelaar,Engineer,"Werktuigbouwkundig Ingenieur","Lead Developer","Tech Lead"}'),
('nl','{ic,manager}','security','*','{"Security Officer","Information Security Officer","Functionaris Gegevensbescherming","Privacy Officer","Security Specialist"}'),
('nl','{c}','security','*','{CISO}'),
('nl','{ic}','procurement','*','{Inkoper,"Senior Inkoper","Strategisch Inkoper","Tactisch Inkoper",Inkoopadviseur}'),
('nl','{manager,head}','procurement','*','{Inkoopmanager,"Hoofd Inkoop","Category Manager"}'),
('nl','{ic}','legal','*','{Jurist,Bedrijfsjurist,Advocaat,"Legal Counsel","Compliance Officer","Juridisch Adviseur"}'),
('nl','{ic}','ops','*','{"Logistiek Medewerker",Planner,Projectleider,Projectmanager}'),
('nl','{manager,head}','ops','*','{"Operationeel Manager",Bedrijfsleider,Vestigingsmanager,Magazijnchef,Productieleider}'),
('nl','{ic,manager}','revops','*','{"Sales Operations Manager","CRM Specialist","Sales Support","Medewerker Verkoopbinnendienst",RevOps}'),
('nl','{ic}','cs','*','{Klantenservicemedewerker,"Medewerker Klantenservice","Customer Success Manager",Supportmedewerker}'),
('nl','{manager}','cs','*','{"Teamleider Klantenservice"}'),
('nl','{ic}','product','*','{Productmanager,"Product Owner","Product Manager","UX Designer"}'),
('nl','{ic}','data','*','{"Data Analist","Data Analyst","BI Specialist","Data Scientist","Data Engineer","BI Consultant"}'),
('nl','{assistant}','exec','*','{Directiesecretaresse,"Office Manager",Managementassistent,Managementassistente,Officemanager,Directieassistent}'),
('nl','{assistant}','any','*','{Secretaresse,Receptioniste,"Medewerker Secretariaat"}'),
('nl','{intern}','any','*','{Stagiair,Stagiaire,Afstudeerstagiair,Werkstudent,Trainee,BBL-leerling}'),
-- ---------------------------------------------------------------- Italian
('it','{exec}','exec','m','{"Amministratore Delegato",Titolare,"Socio Fondatore",Fondatore,Presidente,"Direttore Generale","Amministratore Unico",Socio,Co-fondatore,"Legale Rappresentante"}'),
('it','{exec}','exec','f','{"Amministratrice Delegata",Titolare,"Socia Fondatrice",Fondatrice,Presidente,"Direttrice Generale","Amministratrice Unica",Socia}'),
('it','{exec}','exec','*','{CEO,AD,A.D.,Owner,"General Manager","CEO & Founder"}'),
('it','{c}','finance','m','{CFO,"Direttore Amministrativo","Direttore Amministrazione Finanza e Controllo"}'),
('it','{c}','finance','f','{CFO,"Direttrice Amministrativa"}'),
('it','{c}','sales','m','{"Direttore Commerciale"}'),
('it','{c}','sales','f','{"Direttrice Commerciale"}'),
('it','{c}','sales','*','{"Chief Commercial Officer"}'),
('it','{c}','it','*','{CIO,"Direttore Sistemi Informativi"}'),
('it','{c}','eng','m','{CTO,"Direttore Tecnico"}'),
('it','{c}','eng','f','{CTO,"Direttrice Tecnica"}'),
('it','{c}','hr','m','{"Direttore del Personale"}'),
('it','{c}','hr','f','{"Direttrice Risorse Umane"}'),
('it','{c}','ops','m','{COO,"Direttore Operativo","Direttore di Stabilimento"}'),
('it','{c}','ops','f','{"Direttrice Operativa"}'),
('it','{ic}','sales','m','{"Agente di commercio",Commerciale,Venditore,"Commerciale Estero","Area Manager","Key Account","Funzionario Commerciale","Export Manager","Capo Area"}'),
('it','{ic}','sales','f','{Commerciale,Venditrice,"Agente di commercio","Export Manager","Addetta Commerciale Estero"}'),
('it','{ic}','sales','*','{"Key Account Manager","Sales Account","Inside Sales","Business Developer"}'),
('it','{head}','sales','*','{"Responsabile Commerciale Italia","Responsabile Vendite","Sales Manager Italia"}'),
('it','{ic}','marketing','m','{"Addetto Marketing",Grafico}'),
('it','{ic}','marketing','f','{"Addetta Marketing",Grafica}'),
('it','{ic}','marketing','*','{"Social Media Manager","Digital Specialist","Ufficio Stampa"}'),
('it','{manager}','marketing','*','{"Marketing Manager","Responsabile Comunicazione"}'),
('it','{ic}','finance','m','{Ragioniere,Contabile,"Impiegato Amministrativo",Controller,Tesoriere,Revisore}'),
('it','{ic}','finance','f','{Ragioniera,Contabile,"Impiegata Amministrativa",Controller}'),
('it','{ic}','finance','*','{Amministrazione,"Ufficio Amministrazione","Contabilità Fornitori"}'),
('it','{manager}','finance','m','{"Responsabile Amministrativo"}'),
('it','{manager}','finance','f','{"Responsabile Amministrativa"}'),
('it','{ic}','hr','*','{"HR Specialist",Recruiter,"HR Business Partner"}'),
('it','{ic}','hr','m','{"Addetto Paghe"}'),
('it','{ic}','hr','f','{"Addetta Selezione"}'),
('it','{manager,head}','hr','*','{"HR Manager","Responsabile Risorse Umane","Responsabile del Personale","Responsabile Formazione"}'),
('it','{ic}','it','*','{Sistemista,"Help Desk","Consulente SAP"}'),
('it','{ic}','it','m','{"Tecnico Informatico","Amministratore di Sistema","Analista Programmatore"}'),
('it','{manager,head}','it','*','{"Responsabile IT","Responsabile Sistemi Informativi","IT Manager"}'),
('it','{ic}','eng','m','{"Sviluppatore Software",Programmatore,Ingegnere,"Ingegnere di Processo","Disegnatore Tecnico"}'),
('it','{ic}','eng','f','{Sviluppatrice,Ingegnera}'),
('it','{ic}','eng','*','{Progettista,"Software Engineer"}'),
('it','{manager,head}','eng','*','{"Responsabile Ufficio Tecnico","Responsabile R&D"}'),
('it','{ic,manager}','security','*','{"Security Manager","Responsabile Sicurezza Informatica",DPO,"Responsabile Protezione Dati","Security Analyst",RSPP}'),
('it','{ic}','procurement','m','{Buyer,"Addetto Acquisti","Impiegato Ufficio Acquisti",Approvvigionatore}'),
('it','{ic}','procurement','f','{Buyer,"Addetta Acquisti","Impiegata Ufficio Acquisti"}'),
('it','{ic}','procurement','*','{"Ufficio Acquisti",Acquisti}'),
('it','{manager,head}','procurement','*','{"Responsabile Acquisti","Purchasing Manager","Responsabile Ufficio Acquisti"}'),
('it','{ic}','legal','m','{Avvocato}'),
('it','{ic}','legal','f','{Avvocata}'),
('it','{ic}','legal','*','{"Legale Interno",Giurista,"Compliance Officer","Legal Counsel","Consulente Legale"}'),
('it','{head}','legal','*','{"Responsabile Ufficio Legale"}'),
('it','{ic}','ops','m','{Magazziniere,Pianificatore}'),
('it','{ic}','ops','f','{"Addetta Logistica"}'),
('it','{ic}','ops','*','{"Project Manager","Capo Progetto"}'),
('it','{manager,head}','ops','*','{"Responsabile di Produzione","Responsabile Logistica","Responsabile di Stabilimento","Operations Manager","Responsabile Qualità"}'),
('it','{manager}','ops','m','{"Capo Magazzino"}'),
('it','{ic}','revops','*','{"Sales Operations","Back Office Commerciale","CRM Specialist","Sales Ops Analyst"}'),
('it','{ic}','revops','m','{"Addetto Back Office"}'),
('it','{ic}','revops','f','{"Addetta Back Office"}'),
('it','{ic}','cs','*','{"Customer Care","Customer Success Manager"}'),
('it','{ic}','cs','m','{"Addetto Assistenza Clienti","Tecnico Assistenza"}'),
('it','{ic}','cs','f','{"Addetta Customer Care"}'),
('it','{manager}','cs','*','{"Responsabile Post Vendita"}'),
('it','{ic}','product','*','{"Product Manager","Product Owner","UX Designer","Product Specialist"}'),
('it','{manager}','product','*','{"Responsabile Prodotto"}'),
('it','{ic}','data','*','{"Data Analyst","Data Scientist","Analista Dati","BI Specialist","Data Engineer"}'),
('it','{assistant}','exec','f','{"Segretaria di Direzione","Assistente di Direzione",Segretaria,"Assistente del CEO"}'),
('it','{assistant}','exec','m','{"Assistente di Direzione"}'),
('it','{assistant}','exec','*','{"Office Manager",Segreteria,"Executive Assistant"}'),
('it','{assistant}','any','*','{Receptionist}'),
('it','{assistant}','any','m','{Impiegato}'),
('it','{assistant}','any','f','{Impiegata}'),
('it','{intern}','any','*','{Stagista,Tirocinante,Stage,Apprendista,Praticante}'),
-- ---------------------------------------------------------------- Japanese
('ja','{exec}','exec','*','{代表取締役社長,代表取締役,社長,代表取締役CEO,取締役会長,創業者}'),
('ja','{c}','finance','*','{取締役CFO,財務担当取締役}'),
('ja','{c}','eng','*','{取締役CTO,技術担当役員}'),
('ja','{c}','it','*','{情報システム担当役員,"執行役員 CIO"}'),
('ja','{c}','sales','*','{営業担当役員,"取締役 営業本部長"}'),
('ja','{c}','ops','*','{取締役COO}'),
('ja','{vp}','sales','*','{営業本部長,"執行役員 営業本部長"}'),
('ja','{vp}','marketing','*','{"執行役員 マーケティング本部長"}'),
('ja','{head,director}','sales','*','{営業部長,"営業部 部長",第一営業部長,営業部長（東日本）}'),
('ja','{head,director}','marketing','*','{マーケティング部長,"マーケティング部 部長"}'),
('ja','{head,director}','finance','*','{経理部長,財務部長}'),
('ja','{head,director}','hr','*','{人事部長,"人事部 部長"}'),
('ja','{head,director}','it','*','{情報システム部長,"情報システム部 部長"}'),
('ja','{head,director}','eng','*','{開発部長,技術部長}'),
('ja','{head,director}','procurement','*','{購買部長,調達部長}'),
('ja','{head,director}','legal','*','{法務部長}'),
('ja','{head,director}','ops','*','{物流部長,製造部長}'),
('ja','{head,director}','cs','*','{カスタマーサクセス部長}'),
('ja','{head,director}','security','*','{情報セキュリティ室長}'),
('ja','{head,director}','product','*','{プロダクト部長}'),
('ja','{head,director}','data','*','{データ分析部長}'),
('ja','{head,director}','revops','*','{営業企画部長}'),
('ja','{manager}','sales','*','{営業課長,"営業部 課長","営業第二課 課長"}'),
('ja','{manager}','marketing','*','{マーケティング課長,マーケティングマネージャー}'),
('ja','{manager}','finance','*','{経理課長,"経理部 課長"}'),
('ja','{manager}','hr','*','{人事課長,採用担当マネージャー}'),
('ja','{manager}','it','*','{情報システム課長,"情報システム部 課長",システム管理課長}'),
('ja','{manager}','eng','*','{開発課長,プロジェクトマネージャー}'),
('ja','{manager}','procurement','*','{購買課長,資材課長}'),
('ja','{manager}','legal','*','{法務課長}'),
('ja','{manager}','ops','*','{物流課長,工場長}'),
('ja','{manager}','cs','*','{カスタマーサポート課長}'),
('ja','{manager}','security','*','{セキュリティ課長}'),
('ja','{manager}','product','*','{プロダクトマネージャー}'),
('ja','{manager}','data','*','{データ分析課長}'),
('ja','{manager}','revops','*','{営業企画課長}'),
('ja','{ic}','sales','*','{営業,営業担当,営業部,インサイドセールス,フィールドセールス,"営業部 主任"}'),
('ja','{ic}','marketing','*','{マーケティング担当,広報,マーケティング部}'),
('ja','{ic}','finance','*','{経理,経理担当,財務担当}'),
('ja','{ic}','hr','*','{人事,人事担当,採用担当}'),
('ja','{ic}','it','*','{情報システム担当,社内SE,システムエンジニア}'),
('ja','{ic}','eng','*','{エンジニア,ソフトウェアエンジニア,開発担当,プログラマー}'),
('ja','{ic}','procurement','*','{購買担当,調達担当}'),
('ja','{ic}','legal','*','{法務担当,法務部}'),
('ja','{ic}','ops','*','{物流担当,生産管理}'),
('ja','{ic}','cs','*','{カスタマーサクセス,サポート担当}'),
('ja','{ic}','security','*','{セキュリティエンジニア}'),
('ja','{ic}','product','*','{プロダクトマネージャー}'),
('ja','{ic}','data','*','{データアナリスト,データサイエンティスト}'),
('ja','{ic}','revops','*','{営業企画,営業推進}'),
('ja','{assistant}','exec','*','{秘書,社長秘書,役員秘書}'),
('ja','{assistant}','any','*','{事務,アシスタント,総務}'),
('ja','{intern}','any','*','{インターン,インターン生}'),
-- ---------------------------------------------------------------- Chinese
('zh','{exec}','exec','*','{总经理,首席执行官,董事长,创始人,联合创始人,总裁}'),
('zh','{c}','finance','*','{财务总监,首席财务官}'),
('zh','{c}','eng','*','{首席技术官,技术总监}'),
('zh','{c}','it','*','{首席信息官,信息总监}'),
('zh','{c}','hr','*','{人力资源总监}'),
('zh','{c}','ops','*','{运营总监}'),
('zh','{c}','marketing','*','{首席营销官}'),
('zh','{c}','sales','*','{销售副总裁}'),
('zh','{vp}','sales','*','{销售副总裁,副总裁}'),
('zh','{vp}','marketing','*','{市场副总裁}'),
('zh','{head,director}','sales','*','{销售总监,大客户总监,华东区销售总监}'),
('zh','{head,director}','marketing','*','{市场总监,品牌总监}'),
('zh','{head,director}','finance','*','{财务总监}'),
('zh','{head,director}','hr','*','{人力资源总监,HR总监}'),
('zh','{head,director}','it','*','{IT总监,信息技术总监}'),
('zh','{head,director}','eng','*','{研发总监,技术总监}'),
('zh','{head,director}','procurement','*','{采购总监}'),
('zh','{head,director}','legal','*','{法务总监}'),
('zh','{head,director}','ops','*','{运营总监,供应链总监}'),
('zh','{head,director}','cs','*','{客户成功总监}'),
('zh','{head,director}','security','*','{信息安全总监}'),
('zh','{head,director}','product','*','{产品总监}'),
('zh','{head,director}','data','*','{数据总监}'),
('zh','{head,director}','revops','*','{销售运营总监}'),
('zh','{manager}','sales','*','{销售经理,区域销售经理,大客户经理}'),
('zh','{manager}','marketing','*','{市场经理,市场部经理}'),
('zh','{manager}','finance','*','{财务经理}'),
('zh','{manager}','hr','*','{人事经理,招聘经理}'),
('zh','{manager}','it','*','{IT经理}'),
('zh','{manager}','eng','*','{研发经理,项目经理}'),
('zh','{manager}','procurement','*','{采购经理}'),
('zh','{manager}','legal','*','{法务经理}'),
('zh','{manager}','ops','*','{运营经理,物流经理}'),
('zh','{manager}','cs','*','{客服经理}'),
('zh','{manager}','security','*','{安全经理}'),
('zh','{manager}','product','*','{产品经理}'),
('zh','{manager}','data','*','{数据分析经理}'),
('zh','{manager}','revops','*','{销售运营经理}'),
('zh','{ic}','sales','*','{销售代表,客户经理,销售}'),
('zh','{ic}','marketing','*','{市场专员,新媒体运营}'),
('zh','{ic}','finance','*','{会计,出纳,财务专员}'),
('zh','{ic}','hr','*','{HR专员,招聘专员}'),
('zh','{ic}','it','*','{IT工程师,系统管理员}'),
('zh','{ic}','eng','*','{软件工程师,工程师,开发工程师}'),
('zh','{ic}','procurement','*','{采购专员,采购员}'),
('zh','{ic}','legal','*','{法务专员,律师}'),
('zh','{ic}','ops','*','{运营专员,物流专员}'),
('zh','{ic}','cs','*','{客服专员,客户成功专员}'),
('zh','{ic}','security','*','{安全工程师}'),
('zh','{ic}','product','*','{产品专员}'),
('zh','{ic}','data','*','{数据分析师}'),
('zh','{ic}','revops','*','{销售运营专员}'),
('zh','{assistant}','exec','*','{总经理助理,行政助理,秘书}'),
('zh','{assistant}','any','*','{行政专员,助理}'),
('zh','{intern}','any','*','{实习生}');

-- all candidate titles, grouped by (lang, level, fn, gender, pool);
-- arrays are sorted with COLLATE "C" so picks do not depend on the locale
CREATE TEMP TABLE t_pool AS
WITH fns(fn) AS (
  VALUES ('exec'),('sales'),('marketing'),('finance'),('hr'),('it'),('eng'),('security'),
         ('procurement'),('legal'),('ops'),('revops'),('cs'),('product'),('data')
), expanded AS (
  SELECT x.lang, lvl AS level, f.fn, x.g, 'fixed' AS pool, t AS title
    FROM t_fixed x
    CROSS JOIN LATERAL unnest(x.levels) AS lvl
    JOIN fns f ON f.fn = x.fn OR (x.fn = 'any' AND f.fn <> 'exec')
    CROSS JOIN LATERAL unnest(x.titles) AS t
  UNION ALL
  SELECT t.lang, t.level, f.fn, t.g, 'tmpl',
         CASE WHEN t.tmpl LIKE '%{s}%'
              THEN pg_temp.hyphen_cap(replace(t.tmpl, '{s}', f.s))
              ELSE replace(t.tmpl, '{f}', f.f) END
    FROM t_tmpl t
    JOIN t_fun f ON f.lang = t.lang
   WHERE t.tmpl NOT LIKE '%{s}%' OR f.s IS NOT NULL
), gendered AS (
  SELECT lang, level, fn, gg AS gender, pool, title
    FROM expanded
    CROSS JOIN LATERAL unnest(CASE g WHEN '*' THEN ARRAY['m','f'] ELSE ARRAY[g] END) AS gg
)
SELECT lang, level, fn, gender, pool,
       array_agg(DISTINCT title COLLATE "C" ORDER BY title COLLATE "C") AS titles
  FROM gendered
 GROUP BY lang, level, fn, gender, pool;
CREATE INDEX ON t_pool (level, fn, gender, lang);
ANALYZE t_pool;

-- departments per function (weighted by repetition)
CREATE TEMP TABLE t_dept (fn text PRIMARY KEY, depts text[]);
INSERT INTO t_dept VALUES
('exec',       '{Executive,Executive,Executive,Management,Management,"Executive Office"}'),
('sales',      '{Sales,Sales,Sales,Sales,Sales,"Business Development"}'),
('marketing',  '{Marketing,Marketing,Marketing,Marketing,"Marketing & Communications"}'),
('finance',    '{Finance,Finance,Finance,Finance,Accounting}'),
('hr',         '{"Human Resources","Human Resources","Human Resources",HR,HR,People}'),
('it',         '{IT,IT,IT,IT,"Information Technology"}'),
('eng',        '{Engineering,Engineering,Engineering,Engineering,R&D}'),
('security',   '{"IT Security","Information Security",IT}'),
('procurement','{Procurement,Procurement,Procurement,Purchasing,Purchasing}'),
('legal',      '{Legal,Legal,Legal,Legal,"Legal & Compliance"}'),
('ops',        '{Operations,Operations,Operations,Operations,"Supply Chain",Logistics}'),
('revops',     '{"Revenue Operations","Revenue Operations","Sales Operations","Sales Operations",Sales}'),
('cs',         '{"Customer Success","Customer Success","Customer Success","Customer Support",Support}'),
('product',    '{Product,Product,Product,"Product Management"}'),
('data',       '{"Data & Analytics","Data & Analytics","Business Intelligence",Analytics}');

-- the messiness real CRM titles have
CREATE FUNCTION pg_temp.mess(t text, tlang text, lvl text, fn text, region text, k text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  u1 float8 := pg_temp.u(k || '#1');
  u2 float8 := pg_temp.u(k || '#2');
  u3 float8 := pg_temp.u(k || '#3');
  u4 float8 := pg_temp.u(k || '#4');
  sfx text;
BEGIN
  -- missing values and junk
  IF u1 < 0.013 THEN RETURN NULL; END IF;
  IF u1 < 0.020 THEN RETURN ''; END IF;
  IF u1 < 0.0245 THEN
    RETURN pg_temp.pick('{-,n/a,N/A,test,.,?,xxx,tbd,unknown,--,none,TEST,asdf,x,NA,"*"}', k || '#j');
  END IF;
  IF tlang IN ('ja', 'zh') THEN RETURN t; END IF;

  -- missing accents / umlauts
  IF tlang = 'de' AND u2 < 0.05 THEN
    t := pg_temp.deumlaut(t);
  ELSIF tlang IN ('de', 'fr', 'es', 'pt', 'it', 'nl') AND u2 < 0.13 THEN
    t := pg_temp.deaccent(t);
  END IF;

  -- sales-style regional suffixes
  IF ((lvl IN ('vp', 'head', 'director', 'manager') AND fn IN ('sales', 'marketing', 'cs', 'ops', 'revops', 'finance', 'hr') AND u3 < 0.12)
      OR (lvl = 'ic' AND fn IN ('sales', 'cs') AND u3 < 0.06))
     AND t !~ '(DACH|EMEA|APAC|LATAM|Benelux|France|Italia|Germany|North America|Europe)'
  THEN
    sfx := pg_temp.pick(CASE region
             WHEN 'DACH'  THEN '{DACH,DACH,DACH,D-A-CH,Deutschland,Germany,"Central Europe",EMEA,Süd,Nord-West}'::text[]
             WHEN 'EMEA'  THEN '{EMEA,EMEA,EMEA,Europe,UK&I,Benelux,Iberia,"Southern Europe",Nordics,France,"Western Europe",International}'::text[]
             WHEN 'NA'    THEN '{NA,"North America","North America",Americas,US,East,West,Central,"US & Canada",Enterprise}'::text[]
             WHEN 'LATAM' THEN '{LATAM,LATAM,Latam,Americas,México,Brasil,"South America","Cono Sur"}'::text[]
             ELSE              '{APAC,APAC,ANZ,"Asia Pacific",Japan,SEA,Asia}'::text[] END, k || '#r');
    IF pg_temp.u(k || '#p') < 0.2 THEN
      t := t || ' (' || sfx || ')';
    ELSE
      t := t || pg_temp.pick('{" "," "," ",", ",", "," - "," | "," – "}', k || '#s') || sfx;
    END IF;
  END IF;

  -- case variants and whitespace
  IF u4 < 0.045 THEN
    t := pg_temp.lower_x(t);
  ELSIF u4 < 0.060 THEN
    t := pg_temp.upper_x(t);
  ELSIF u4 < 0.070 THEN
    IF octet_length(t) = char_length(t) THEN t := initcap(t COLLATE "C"); END IF;
  ELSIF u4 < 0.077 THEN
    t := t || ' ';
  ELSIF u4 < 0.080 THEN
    t := ' ' || t;
  ELSIF u4 < 0.083 THEN
    t := regexp_replace(t, ' ', '  ');
  END IF;
  RETURN t;
END $$;

------------------------------------------------------------------------------
-- crm.owners
------------------------------------------------------------------------------
CREATE TABLE crm.owners (
  id          integer PRIMARY KEY,
  name        text    NOT NULL,
  email       text    NOT NULL UNIQUE,
  team        text    NOT NULL,
  role        text    NOT NULL,
  region      text    NOT NULL,
  manager_id  integer REFERENCES crm.owners (id)
);
COMMENT ON TABLE crm.owners IS 'Sales reps and managers who own accounts and leads (synthetic)';

INSERT INTO crm.owners (id, name, email, team, role, region, manager_id) VALUES
( 1, 'Sandra Whitfield', 'sandra.whitfield@persona-demo.example', 'Leadership',       'VP Sales',         'Global', NULL),
( 2, 'Marcus Reed',      'marcus.reed@persona-demo.example',      'Sales Management', 'Sales Manager',    'NA',     1),
( 3, 'Jessica Park',     'jessica.park@persona-demo.example',     'Enterprise',       'AE',               'NA',     2),
( 4, 'Tyler Brooks',     'tyler.brooks@persona-demo.example',     'Mid-Market',       'AE',               'NA',     2),
( 5, 'Megan O''Neill',   'megan.oneill@persona-demo.example',     'Mid-Market',       'AE',               'NA',     2),
( 6, 'Brandon Ellis',    'brandon.ellis@persona-demo.example',    'SMB',              'AE',               'NA',     2),
( 7, 'Kayla Nguyen',     'kayla.nguyen@persona-demo.example',     'SDR',              'SDR',              'NA',     2),
( 8, 'Josh Ramirez',     'josh.ramirez@persona-demo.example',     'SDR',              'SDR',              'NA',     2),
( 9, 'Charlotte Davies', 'charlotte.davies@persona-demo.example', 'Sales Management', 'Sales Manager',    'EMEA',   1),
(10, 'Oliver Bennett',   'oliver.bennett@persona-demo.example',   'Enterprise',       'AE',               'EMEA',   9),
(11, 'Pierre Lambert',   'pierre.lambert@persona-demo.example',   'Mid-Market',       'AE',               'EMEA',   9),
(12, 'Lucía Fernández',  'lucia.fernandez@persona-demo.example',  'Mid-Market',       'AE',               'EMEA',   9),
(13, 'Jeroen de Vries',  'jeroen.devries@persona-demo.example',   'SMB',              'AE',               'EMEA',   9),
(14, 'Chiara Ricci',     'chiara.ricci@persona-demo.example',     'SDR',              'SDR',              'EMEA',   9),
(15, 'Sophie Martin',    'sophie.martin@persona-demo.example',    'SDR',              'SDR',              'EMEA',   9),
(16, 'Katrin Hoffmann',  'katrin.hoffmann@persona-demo.example',  'Sales Management', 'Sales Manager',    'DACH',   1),
(17, 'Jonas Weber',      'jonas.weber@persona-demo.example',      'Enterprise',       'AE',               'DACH',   16),
(18, 'Lena Bauer',       'lena.bauer@persona-demo.example',       'Mid-Market',       'AE',               'DACH',   16),
(19, 'Matthias Gruber',  'matthias.gruber@persona-demo.example',  'SMB',              'AE',               'DACH',   16),
(20, 'Felix Brandt',     'felix.brandt@persona-demo.example',     'SDR',              'SDR',              'DACH',   16),
(21, 'Ana Souza',        'ana.souza@persona-demo.example',        'Mid-Market',       'AE',               'LATAM',  2),
(22, 'Diego Ramírez',    'diego.ramirez@persona-demo.example',    'SMB',              'AE',               'LATAM',  2),
(23, 'Camila Rocha',     'camila.rocha@persona-demo.example',     'SDR',              'SDR',              'LATAM',  2),
(24, 'Liam O''Connor',   'liam.oconnor@persona-demo.example',     'Mid-Market',       'AE',               'APAC',   1),
(25, 'Yuki Tanaka',      'yuki.tanaka@persona-demo.example',      'Enterprise',       'AE',               'APAC',   1),
(26, 'Rachel Stone',     'rachel.stone@persona-demo.example',     'Customer Success', 'CSM',              'Global', 1);

------------------------------------------------------------------------------
-- crm.accounts
------------------------------------------------------------------------------
CREATE TABLE crm.accounts (
  id          integer PRIMARY KEY,
  name        text    NOT NULL,
  domain      text    NOT NULL UNIQUE,
  industry    text    NOT NULL,
  employees   integer NOT NULL CHECK (employees > 0),
  country     text    NOT NULL,      -- ISO 3166-1 alpha-2
  region      text    NOT NULL,      -- NA, LATAM, EMEA, DACH, APAC
  owner_id    integer NOT NULL REFERENCES crm.owners (id),
  created_at  timestamptz NOT NULL
);
COMMENT ON TABLE crm.accounts IS 'Companies (synthetic)';

\set n_accounts 1500

INSERT INTO crm.accounts (id, name, domain, industry, employees, country, region, owner_id, created_at)
WITH base AS (
  SELECT g AS id,
         -- (g*617) mod 1763 is a bijection on 0..1762; CRT on 41*43 gives unique (prefix, root) pairs
         (g * 617) % 1763 AS k,
         pg_temp.wpick((SELECT array_agg(code ORDER BY code COLLATE "C") FROM t_country),
                       (SELECT array_agg(w    ORDER BY code COLLATE "C") FROM t_country), 'acct-country-' || g) AS country,
         pg_temp.wpick((SELECT array_agg(industry ORDER BY industry COLLATE "C") FROM t_industry),
                       (SELECT array_agg(w        ORDER BY industry COLLATE "C") FROM t_industry), 'acct-industry-' || g) AS industry,
         pg_temp.wpick('{1,2,3,4,5,6}', '{30,27,20,12,7,4}', 'acct-band-' || g)::int AS band
    FROM generate_series(1, :n_accounts) AS g
), named AS (
  SELECT b.*,
         (ARRAY['Nord','Blue','Alp','Bright','Silver','Iron','Green','Red','Oak','Stone','North','Sun','Star',
                'Cedar','Clear','Swift','True','Prime','Polar','Terra','Nova','Vita','Aqua','Helio','Quant',
                'Lumen','Vert','Alto','Mar','Sol','Rio','Bel','Val','Stern','Wald','Berg','Hoch','Fjord',
                'Atlas','Orbit','Core'])[1 + b.k % 41]
         || (ARRAY['wave','point','bridge','field','works','stack','line','path','gate','hub','logic','forge',
                   'mark','ridge','view','scale','tech','soft','data','flow','craft','labs','port','loop','wind',
                   'haus','stein','feld','werk','ia','ico','ora','ent','ex','io','ify','ly','sphere','vista','base',
                   'node','nest','grid'])[1 + b.k % 43] AS basename,
         least(CASE WHEN b.industry IN ('Public Sector', 'Education') THEN b.band + 2 ELSE b.band END, 6) AS sband
    FROM base b
)
SELECT n.id,
       CASE
         WHEN n.industry = 'Public Sector'
           THEN replace(pg_temp.pick(c.pub, 'acct-pub-' || n.id), '{n}', n.basename)
         WHEN n.industry = 'Education' AND pg_temp.u('acct-edu-' || n.id) < 0.5
           THEN replace(pg_temp.pick(c.edu, 'acct-edu2-' || n.id), '{n}', n.basename)
         ELSE n.basename
              || CASE WHEN pg_temp.u('acct-word-' || n.id) < 0.55
                      THEN ' ' || pg_temp.pick(CASE WHEN c.region = 'DACH' AND pg_temp.u('acct-de-' || n.id) < 0.6
                                                    THEN i.de_words ELSE i.en_words END, 'acct-word2-' || n.id)
                      ELSE '' END
              || CASE WHEN pg_temp.u('acct-sfx-' || n.id) < 0.8
                      THEN (SELECT CASE WHEN s LIKE ',%' THEN s ELSE ' ' || s END
                              FROM pg_temp.pick(c.suffixes, 'acct-sfx2-' || n.id) AS s)
                      ELSE '' END
       END AS name,
       lower(n.basename COLLATE "C") || '.'
         || CASE WHEN n.industry IN ('SaaS', 'FinTech') AND pg_temp.u('acct-tld-' || n.id) < 0.35
                 THEN pg_temp.pick('{io,com,ai,io}', 'acct-tld2-' || n.id)
                 ELSE c.tld END AS domain,
       n.industry,
       -- log-uniform inside the size band
       greatest(1, floor(exp(ln(lo) + pg_temp.u('acct-emp-' || n.id) * (ln(hi + 1) - ln(lo)))))::int AS employees,
       n.country,
       c.region,
       (SELECT o.id FROM crm.owners o
         WHERE o.role = 'AE' AND o.region = c.region
         ORDER BY (o.team = CASE WHEN n.sband >= 5 THEN 'Enterprise' WHEN n.sband >= 3 THEN 'Mid-Market' ELSE 'SMB' END) DESC,
                  md5('acct-owner-' || n.id || '-' || o.id) COLLATE "C"
         LIMIT 1) AS owner_id,
       timestamptz '2018-01-01 00:00:00+00'
         + make_interval(secs => (pg_temp.h('acct-created-' || n.id) % (7 * 365 * 86400))::double precision) AS created_at
  FROM named n
  JOIN t_country  c ON c.code = n.country
  JOIN t_industry i ON i.industry = n.industry
  CROSS JOIN LATERAL (SELECT (ARRAY[1, 11, 51, 201, 1001, 5001])[n.sband] AS lo,
                             (ARRAY[10, 50, 200, 1000, 5000, 50000])[n.sband] AS hi) AS b;

------------------------------------------------------------------------------
-- crm.leads
------------------------------------------------------------------------------
CREATE TABLE crm.leads (
  id               bigint  PRIMARY KEY,
  account_id       integer NOT NULL,
  first_name       text    NOT NULL,
  last_name        text    NOT NULL,
  email            text,
  title            text,
  department       text,
  country          text    NOT NULL,      -- ISO 3166-1 alpha-2
  lifecycle_stage  text    NOT NULL CHECK (lifecycle_stage IN
                     ('subscriber','lead','mql','sql','opportunity','customer','evangelist')),
  lead_source      text    NOT NULL,
  owner_id         integer NOT NULL,
  attrs            jsonb   NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL
);
COMMENT ON TABLE crm.leads IS 'Contacts / leads at accounts, with messy real-world job titles (synthetic)';

-- contacts per account: mostly 3-40, some single-threaded, a few with 100+
CREATE TEMP TABLE t_acc_n AS
SELECT a.id AS account_id,
       least(a.employees,
         CASE
           WHEN a.employees >= 5000 AND pg_temp.u('n-big-' || a.id) < 0.35
             THEN 100 + (pg_temp.h('n-bign-' || a.id) % 160)::int
           WHEN pg_temp.u('n-' || a.id) < CASE WHEN a.employees <= 50 THEN 0.12 ELSE 0.06 END THEN 1
           WHEN pg_temp.u('n-' || a.id) < CASE WHEN a.employees <= 50 THEN 0.16 ELSE 0.09 END THEN 2
           ELSE 3 + floor(38 * power(pg_temp.u('n-k-' || a.id),
                    CASE WHEN a.employees <= 10 THEN 2.2 WHEN a.employees <= 50 THEN 1.5
                         WHEN a.employees <= 200 THEN 1.0 WHEN a.employees <= 1000 THEN 0.7 ELSE 0.45 END))::int
         END) AS n,
       pg_temp.u('acct-customer-' || a.id) < 0.22 AS is_customer,
       pg_temp.pick('{salesforce,salesforce,salesforce,hubspot,hubspot,dynamics,pipedrive,zoho,none,spreadsheets}', 'acct-stack-' || a.id) AS stack,
       pg_temp.pick('{starter,pro,pro,enterprise}', 'acct-plan-' || a.id) AS plan
  FROM crm.accounts a;
ANALYZE t_acc_n;

-- e-mail local parts, computed once per distinct name
CREATE TEMP TABLE t_mailpart AS
SELECT DISTINCT n.name, g.german, pg_temp.mailpart(n.name, g.german) AS part
  FROM (SELECT unnest(female || male || last) AS name FROM t_names
        UNION SELECT regexp_replace(unnest(last), 'ki$', 'ka') FROM t_names) n
  CROSS JOIN (VALUES (true), (false)) AS g(german);
CREATE UNIQUE INDEX ON t_mailpart (name, german);
ANALYZE t_mailpart;

-- one row per lead with its generated attributes
CREATE TEMP TABLE t_lead AS
SELECT b.*,
       ct.region AS lead_region,
       CASE WHEN nl.nlang = 'en' THEN ct.nameset ELSE nl.nlang END AS nameset,
       nl.nlang,
       CASE WHEN nl.nlang <> 'en' AND pg_temp.u(b.k || 'en') < tl.en_share THEN 'en' ELSE nl.nlang END AS tlang,
       CASE WHEN pg_temp.u(b.k || 'g') < 0.42 THEN 'f' ELSE 'm' END AS gender,
       lv.level
  FROM (
    SELECT a.id AS account_id, s.seq, 'L' || a.id || '.' || s.seq AS k,
           a.employees, a.domain, a.owner_id AS acc_owner, a.created_at AS acc_created,
           n.is_customer, n.stack, n.plan,
           CASE WHEN pg_temp.u('L' || a.id || '.' || s.seq || 'fc') < CASE WHEN a.employees >= 1000 THEN 0.22 ELSE 0.05 END
                THEN pg_temp.wpick((SELECT array_agg(code ORDER BY code COLLATE "C") FROM t_country),
                                   (SELECT array_agg(fw   ORDER BY code COLLATE "C") FROM t_country),
                                   'L' || a.id || '.' || s.seq || 'c')
                ELSE a.country END AS country
      FROM crm.accounts a
      JOIN t_acc_n n ON n.account_id = a.id
      CROSS JOIN LATERAL generate_series(1, n.n) AS s(seq)
  ) b
  JOIN t_country ct ON ct.code = b.country
  CROSS JOIN LATERAL (SELECT pg_temp.wpick(ct.langs, ct.lang_w, b.k || 'lang') AS nlang) nl
  JOIN t_lang tl ON tl.lang = nl.nlang
  CROSS JOIN LATERAL (
    SELECT pg_temp.cpick('{exec,c,vp,head,director,manager,ic,intern,assistant}',
             CASE WHEN b.employees <= 50   THEN pg_temp.cum('{16,6,1,7,4,18,38,4,6}')
                  WHEN b.employees <= 1000 THEN pg_temp.cum('{3,4,4,10,9,24,40,3,3}')
                  ELSE                          pg_temp.cum('{1,3,6,9,13,25,38,2,3}') END,
             b.k || 'lvl') AS level) lv;

ALTER TABLE t_lead ADD COLUMN fn text;
UPDATE t_lead SET fn = CASE
  WHEN level = 'exec' THEN 'exec'
  WHEN level = 'c' THEN pg_temp.cpick('{finance,eng,it,sales,marketing,ops,hr,security,product,legal,data,procurement,cs}',
                                      pg_temp.cum('{20,14,10,14,10,10,6,4,3,3,2,2,2}'), k || 'fn')
  WHEN level = 'assistant' AND pg_temp.u(k || 'asx') < 0.6 THEN 'exec'
  ELSE pg_temp.cpick('{sales,marketing,finance,hr,it,eng,security,procurement,legal,ops,revops,cs,product,data}',
                     pg_temp.cum('{20,14,8,7,10,9,2,6,3,7,3,5,4,3}'), k || 'fn') END;
ANALYZE t_lead;

-- resolve the title pool once per (level, fn, gender, title language, preferred pool):
-- own language first, then the preferred pool, English as the fallback
CREATE TEMP TABLE t_choice AS
SELECT d.level, d.fn, d.gender, d.tlang, pr.pref, ch.titles, ch.lang
  FROM (SELECT DISTINCT level, fn, gender, tlang FROM t_lead) d
  CROSS JOIN (VALUES ('fixed'), ('tmpl')) AS pr(pref)
  CROSS JOIN LATERAL (
    SELECT p.titles, p.lang
      FROM t_pool p
     WHERE p.level = d.level AND p.fn = d.fn AND p.gender = d.gender AND p.lang IN (d.tlang, 'en')
     ORDER BY (p.lang = d.tlang) DESC, (p.pool = pr.pref) DESC
     LIMIT 1) ch;

CREATE TEMP TABLE t_x AS
    SELECT l.account_id, l.seq, l.country,
           nm.first_name, nm.last_name,
           CASE WHEN pg_temp.u(l.k || 'nomail') < 0.015 THEN NULL
                ELSE em.local || '@' ||
                     CASE WHEN pg_temp.u(l.k || 'free') < 0.03
                          THEN pg_temp.pick(CASE WHEN l.nameset = 'de' THEN '{gmx.de,web.de,gmail.com,t-online.de}'::text[]
                                                 ELSE '{gmail.com,gmail.com,outlook.com,yahoo.com,hotmail.com}'::text[] END, l.k || 'free2')
                          ELSE l.domain END END AS email,
           pg_temp.mess(t.title, t.lang, l.level, l.fn, l.lead_region, l.k) AS title,
           CASE WHEN pg_temp.u(l.k || 'dep') < 0.045 THEN NULL
                WHEN pg_temp.u(l.k || 'dep') < 0.070 THEN 'Other'
                ELSE (SELECT pg_temp.pick(d.depts, l.k || 'dep2') FROM t_dept d WHERE d.fn = l.fn) END AS department,
           st.stage,
           src.source,
           CASE WHEN pg_temp.u(l.k || 'own') < 0.72 THEN l.acc_owner
                WHEN pg_temp.u(l.k || 'own') < 0.92
                  THEN coalesce((SELECT o.id FROM crm.owners o
                                  WHERE o.role = 'SDR' AND o.region = (SELECT region FROM crm.accounts WHERE id = l.account_id)
                                  ORDER BY md5(l.k || 'sdr' || o.id) COLLATE "C" LIMIT 1), l.acc_owner)
                WHEN st.stage IN ('customer', 'evangelist') THEN 26
                ELSE l.acc_owner END AS owner_id,
           jsonb_strip_nulls(jsonb_build_object(
             'tech_stack',   CASE WHEN pg_temp.u(l.k || 'ts') < 0.8 THEN l.stack END,
             'plan',         CASE WHEN st.stage IN ('customer', 'evangelist') THEN l.plan END,
             'lead_score',   CASE WHEN pg_temp.u(l.k || 'sc') < 0.85 THEN (pg_temp.h(l.k || 'sc2') % 101)::int END,
             'email_opt_in', pg_temp.u(l.k || 'opt') < 0.7,
             'language',     l.nlang,
             'utm_campaign', CASE WHEN src.source IN ('paid_search', 'paid_social', 'webinar', 'content')
                                  THEN pg_temp.pick('{brand_search_q1,competitor_g2,webinar_revops_2024,ebook_buying_committee,retargeting_eu,linkedin_abm_dach,summit_2024_followup,pricing_page_test}', l.k || 'utm') END
           )) AS attrs,
           l.acc_created + make_interval(secs =>
             floor(pg_temp.u(l.k || 'cr') * extract(epoch FROM (timestamptz '2025-06-30 00:00:00+00' - l.acc_created)))) AS created_at
      FROM t_lead l
      JOIN t_names ns ON ns.nameset = l.nameset
      CROSS JOIN LATERAL (
        SELECT pg_temp.pick(CASE l.gender WHEN 'f' THEN ns.female ELSE ns.male END, l.k || 'fn1') AS first_name,
               CASE WHEN l.nameset = 'pl' AND l.gender = 'f'
                    THEN regexp_replace(pg_temp.pick(ns.last, l.k || 'ln1'), 'ki$', 'ka')
                    ELSE pg_temp.pick(ns.last, l.k || 'ln1') END AS last_name
      ) nm
      CROSS JOIN LATERAL (
        SELECT CASE
                 WHEN u < 0.55 THEN f || '.' || s
                 WHEN u < 0.70 THEN left(f, 1) || '.' || s
                 WHEN u < 0.80 THEN f || s
                 WHEN u < 0.87 THEN f
                 WHEN u < 0.93 THEN left(f, 1) || s
                 WHEN u < 0.97 THEN s || '.' || f
                 ELSE f || '_' || s END AS local
          FROM (SELECT mf.part AS f, ms.part AS s, pg_temp.u(l.k || 'em') AS u
                  FROM t_mailpart mf, t_mailpart ms
                 WHERE mf.name = nm.first_name AND mf.german = (l.nameset = 'de')
                   AND ms.name = nm.last_name  AND ms.german = (l.nameset = 'de')
                 OFFSET 0) p
      ) em
      JOIN t_choice c
        ON c.level = l.level AND c.fn = l.fn AND c.gender = l.gender AND c.tlang = l.tlang
       AND c.pref = CASE WHEN pg_temp.u(l.k || 'pool') < 0.45 THEN 'fixed' ELSE 'tmpl' END
      CROSS JOIN LATERAL (
        SELECT c.titles[1 + pg_temp.h(l.k || 'title') % cardinality(c.titles)] AS title, c.lang
      ) t
      CROSS JOIN LATERAL (
        SELECT pg_temp.cpick('{subscriber,lead,mql,sql,opportunity,customer,evangelist}',
                 CASE WHEN l.is_customer THEN pg_temp.cum('{8,15,8,5,12,45,7}') ELSE pg_temp.cum('{25,40,17,10,8,0,0}') END,
                 l.k || 'stage') AS stage
      ) st
      CROSS JOIN LATERAL (
        SELECT pg_temp.cpick('{web,event,referral,outbound,partner,paid_search,paid_social,webinar,content,list_import}',
                             pg_temp.cum('{26,10,7,20,7,10,5,6,5,4}'), l.k || 'src') AS source
      ) src
;

-- lead ids follow creation time
INSERT INTO crm.leads (id, account_id, first_name, last_name, email, title, department, country,
                       lifecycle_stage, lead_source, owner_id, attrs, created_at)
SELECT row_number() OVER (ORDER BY x.created_at, x.account_id, x.seq) AS id,
       x.account_id, x.first_name, x.last_name, x.email, x.title, x.department, x.country,
       x.stage, x.source, x.owner_id, x.attrs, x.created_at
  FROM t_x x;

-- foreign keys are added after the bulk load (one validation query instead of per-row triggers)
ALTER TABLE crm.leads ADD CONSTRAINT leads_account_id_fkey FOREIGN KEY (account_id) REFERENCES crm.accounts (id);
ALTER TABLE crm.leads ADD CONSTRAINT leads_owner_id_fkey   FOREIGN KEY (owner_id)   REFERENCES crm.owners (id);

CREATE INDEX leads_account_id_idx  ON crm.leads (account_id);
CREATE INDEX leads_owner_id_idx    ON crm.leads (owner_id);
CREATE INDEX accounts_owner_id_idx ON crm.accounts (owner_id);
CREATE INDEX owners_manager_id_idx ON crm.owners (manager_id);

COMMENT ON COLUMN crm.leads.title IS 'Free-text job title as typed into the CRM: multilingual, abbreviated, sometimes empty or junk';
COMMENT ON COLUMN crm.leads.attrs IS 'Extra attributes: tech_stack, plan, lead_score, email_opt_in, language, utm_campaign';

COMMIT;

ANALYZE crm.owners;
ANALYZE crm.accounts;
ANALYZE crm.leads;

SELECT (SELECT count(*) FROM crm.owners)   AS n_owners,
       (SELECT count(*) FROM crm.accounts) AS n_accounts,
       (SELECT count(*) FROM crm.leads)    AS n_leads,
       (SELECT md5(string_agg(concat_ws('|', id, account_id, first_name, last_name, email, title, department, country,
                                        lifecycle_stage, lead_source, owner_id, attrs::text,
                                        extract(epoch FROM created_at)), E'\n' ORDER BY id))
          FROM crm.leads) AS leads_md5 \gset
\echo 'crm sample loaded:' :n_owners 'owners,' :n_accounts 'accounts,' :n_leads 'leads; leads md5' :leads_md5

-- Sanity checks (uncomment to run):
-- SELECT attrs->>'language' AS lang, count(*) FROM crm.leads GROUP BY 1 ORDER BY 2 DESC;
-- SELECT CASE WHEN employees <= 50 THEN '1-50' WHEN employees <= 200 THEN '51-200' WHEN employees <= 1000 THEN '201-1000'
--             WHEN employees <= 5000 THEN '1001-5000' ELSE '5001+' END AS band, count(*)
--   FROM crm.accounts GROUP BY 1 ORDER BY min(employees);
-- SELECT n_contacts, count(*) FROM (SELECT account_id, count(*) AS n_contacts FROM crm.leads GROUP BY 1) s GROUP BY 1 ORDER BY 1;
-- SELECT title, count(*) FROM crm.leads GROUP BY 1 ORDER BY 2 DESC LIMIT 50;
-- SELECT id, title, department, country FROM crm.leads ORDER BY md5(id::text) LIMIT 30;
