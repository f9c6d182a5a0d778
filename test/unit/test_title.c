/*-------------------------------------------------------------------------
 *
 * test_title.c
 *	  Unit test of the title classifier core (src/title.c, src/lexicon.c)
 *	  without a server: every convention of docs/classification.md, edge
 *	  inputs (empty, whitespace, 1 MB, invalid UTF-8, every byte value,
 *	  non-Latin scripts) and the user lexicon overlay.
 *
 * Titles are copied into heap buffers of exactly their length, without a
 * terminating NUL, so valgrind and AddressSanitizer catch any read past
 * len.  The last line of output is "N passed, N failed"; the exit status
 * is non-zero on any failure.
 *
 * test/unit/test_title.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "title.h"
#include "lexicon.h"

static int	npassed = 0;
static int	nfailed = 0;
static PersonaTitle *pt;

#define CHECK(cond, ...) \
	do { \
		if (cond) \
			npassed++; \
		else \
		{ \
			nfailed++; \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__); \
			putchar('\n'); \
		} \
	} while (0)

/* Classify a title held in a buffer of exactly its length. */
static void
classify_n(const char *title, size_t len, const PersonaLexicon *user)
{
	char	   *buf = malloc(len ? len : 1);

	if (!buf)
		abort();
	memcpy(buf, title, len);
	persona_title_classify(buf, len, user, pt);
	free(buf);
}

static void
classify(const char *title, const PersonaLexicon *user)
{
	classify_n(title, strlen(title), user);
}

static const char *
nz(const char *s)
{
	return s ? s : "(null)";
}

/* Check seniority and primary function of a title. */
static void
expect_u(const char *title, const PersonaLexicon *user, int sen, int fn,
		 int line)
{
	classify(title, user);
	if (pt->seniority == sen && pt->function == fn)
		npassed++;
	else
	{
		nfailed++;
		printf("FAIL line %d: \"%s\" -> %s/%s (normalised \"%s\"), expected %s/%s\n",
			   line, title, nz(persona_seniority_name(pt->seniority)),
			   nz(persona_function_name(pt->function)), pt->normalized,
			   nz(persona_seniority_name(sen)), nz(persona_function_name(fn)));
	}
}

#define EXPECT(title, sen, fn) \
	expect_u(title, NULL, PERSONA_SEN_##sen, PERSONA_FN_##fn, __LINE__)
#define EXPECT_USER(title, user, sen, fn) \
	expect_u(title, user, PERSONA_SEN_##sen, PERSONA_FN_##fn, __LINE__)

/* Check the normalised form. */
static void
expect_norm_l(const char *title, const char *norm, int line)
{
	char		out[PERSONA_NORM_MAX];
	size_t		n;
	char	   *buf = malloc(strlen(title) + 1);

	if (!buf)
		abort();
	memcpy(buf, title, strlen(title));
	n = persona_title_normalize(buf, strlen(title), NULL, out, sizeof(out));
	free(buf);
	if (strcmp(out, norm) == 0 && n == strlen(norm))
		npassed++;
	else
	{
		nfailed++;
		printf("FAIL line %d: normalise \"%s\" -> \"%s\" (%zu), expected \"%s\"\n",
			   line, title, out, n, norm);
	}
}

#define EXPECT_NORM(title, norm) expect_norm_l(title, norm, __LINE__)

/* Does the normalised title contain these words on word boundaries? */
static int
has_words(const char *norm, const char *words)
{
	size_t		wl = strlen(words);
	const char *p = norm;

	while ((p = strstr(p, words)) != NULL)
	{
		if ((p == norm || p[-1] == ' ') && (p[wl] == '\0' || p[wl] == ' '))
			return 1;
		p++;
	}
	return 0;
}

static int
has_function(int fn)
{
	return (pt->functions & ((uint32_t) 1 << fn)) != 0;
}

static void
test_normalisation(void)
{
	char		a[PERSONA_NORM_MAX];
	char		b[PERSONA_NORM_MAX];

	/* case, punctuation, separators */
	EXPECT_NORM("  SALES   Manager  ", "sales manager");
	EXPECT_NORM("Sales/Marketing (EMEA)", "sales marketing emea");
	EXPECT_NORM("Head of Sales, DACH", "head of sales dach");
	EXPECT_NORM("VP, North America", "vice president north america");
	/* abbreviations expand */
	EXPECT_NORM("Sr. Dir., Rev Ops", "senior director revenue operations");
	EXPECT_NORM("SVP", "senior vice president");
	EXPECT_NORM("Mgr", "manager");
	EXPECT_NORM("SDR", "sales development representative");
	EXPECT_NORM("RevOps", "revenue operations");
	EXPECT_NORM("SalesOps", "sales operations");
	EXPECT_NORM("R&D", "research and development");
	EXPECT_NORM("Jr. Eng", "junior engineering");
	/* both ways: keyword and title normalise alike */
	persona_title_normalize("cfo", 3, NULL, a, sizeof(a));
	persona_title_normalize("Chief Financial Officer", 23, NULL, b, sizeof(b));
	CHECK(strcmp(a, b) == 0, "cfo -> \"%s\" but Chief Financial Officer -> \"%s\"", a, b);
	persona_title_normalize("revenue operations", 18, NULL, a, sizeof(a));
	CHECK(strcmp(a, "revenue operations") == 0, "keyword revenue operations -> \"%s\"", a);
	/* accents folded; umlauts written out agree */
	EXPECT_NORM("Geschäftsführer", "managing director");
	EXPECT_NORM("Geschaeftsfuehrer", "managing director");
	EXPECT_NORM("Geschaftsfuhrer", "managing director");
	EXPECT_NORM("GESCHÄFTSFÜHRERIN", "managing director");
	EXPECT_NORM("Directeur commercial", "sales director");
	EXPECT_NORM("Director de ventas", "director of sales");
	/* German compounds split */
	EXPECT_NORM("Vertriebsleiterin", "sales head");
	EXPECT_NORM("Einkaufsleiter", "purchasing head");
	EXPECT_NORM("Personalreferent", "human resources specialist");
	EXPECT_NORM("Personal Banker", "personal banker");
	EXPECT_NORM("Marketingleiter", "marketing head");
	/* word boundaries */
	classify("Publicity Manager", NULL);
	CHECK(!has_words(pt->normalized, "city manager"),
		  "publicity manager normalised to \"%s\"", pt->normalized);
	CHECK(has_words(pt->normalized, "publicity manager"), "\"%s\"", pt->normalized);
	classify("City Manager", NULL);
	CHECK(has_words(pt->normalized, "city manager"), "\"%s\"", pt->normalized);
	/* regions are kept but say nothing */
	classify("EMEA", NULL);
	CHECK(pt->seniority == PERSONA_SEN_NONE && pt->function == PERSONA_FN_NONE &&
		  strcmp(pt->normalized, "emea") == 0, "EMEA -> %d/%d \"%s\"",
		  pt->seniority, pt->function, pt->normalized);
}

/*
 * Every canonical form of the lexicon normalises to itself, so that a
 * keyword or user term normalised twice does not drift.
 */
static void
test_lexicon_fixed_points(void)
{
	int			i;
	int			bad = 0;
	char		out[PERSONA_NORM_MAX];

	for (i = 0; i < persona_lexicon_size; i++)
	{
		const PersonaLexEntry *e = &persona_lexicon[i];

		/* a phrase's first word alone is never written out as this entry */
		if (e->canon[0] == '\0' || (e->flags & LEX_PREFIXONLY))
			continue;
		persona_title_normalize(e->canon, strlen(e->canon), NULL, out, sizeof(out));
		if (strcmp(out, e->canon) != 0)
		{
			if (bad++ < 10)
				printf("FAIL canonical \"%s\" (of \"%s\") normalises to \"%s\"\n",
					   e->canon, e->term, out);
		}
		else
			npassed++;
	}
	nfailed += bad;
}

static void
test_seniority(void)
{
	EXPECT("CEO", CXO, EXECUTIVE);
	EXPECT("Chief Executive Officer", CXO, EXECUTIVE);
	EXPECT("CFO", CXO, FINANCE);
	EXPECT("Chief Financial Officer", CXO, FINANCE);
	EXPECT("CTO", CXO, ENGINEERING);
	EXPECT("CMO", CXO, MARKETING);
	EXPECT("CRO", CXO, SALES);
	EXPECT("COO", CXO, OPERATIONS);
	EXPECT("CIO", CXO, IT);
	EXPECT("CISO", CXO, IT);
	EXPECT("Chief Happiness Officer", CXO, EXECUTIVE);
	EXPECT("Chief Revenue Officer, EMEA", CXO, SALES);
	EXPECT("Chief Engineer", HEAD, ENGINEERING);
	EXPECT("Chief of Staff", DIRECTOR, NONE);
	EXPECT("Chief of Staff to the CEO", DIRECTOR, NONE);
	EXPECT("Advisor to the CFO", ENTRY, CONSULTING);
	EXPECT("President", CXO, EXECUTIVE);
	EXPECT("Vice President", VP, NONE);
	EXPECT("Vice-President Sales", VP, SALES);
	EXPECT("VP Sales & Marketing", VP, SALES);
	EXPECT("SVP, Global Sales", VP, SALES);
	EXPECT("EVP Finance", VP, FINANCE);
	EXPECT("AVP, Finance", VP, FINANCE);
	EXPECT("Managing Director", CXO, EXECUTIVE);
	EXPECT("Executive Director", CXO, EXECUTIVE);
	EXPECT("Co-Founder", OWNER, EXECUTIVE);
	EXPECT("Cofounder & CEO", OWNER, EXECUTIVE);
	EXPECT("Founder & CTO", OWNER, ENGINEERING);
	EXPECT("Owner", OWNER, EXECUTIVE);
	EXPECT("Product Owner", ENTRY, PRODUCT);
	EXPECT("Managing Partner", PARTNER, NONE);
	EXPECT("HR Business Partner", ENTRY, HR);
	EXPECT("Talent Acquisition Partner", ENTRY, HR);
	EXPECT("Tax Partner", PARTNER, FINANCE);
	EXPECT("Owner/Operator", OWNER, EXECUTIVE);
	EXPECT("Chairman of the Board", BOARD, EXECUTIVE);
	EXPECT("Board Member", BOARD, EXECUTIVE);
	EXPECT("Non-Executive Director", BOARD, EXECUTIVE);
	EXPECT("Head of Sales", HEAD, SALES);
	EXPECT("Sales Head", HEAD, SALES);
	EXPECT("Director of Engineering", DIRECTOR, ENGINEERING);
	EXPECT("Dir. Marketing", DIRECTOR, MARKETING);
	EXPECT("General Manager", DIRECTOR, NONE);
	EXPECT("Sales Manager", MANAGER, SALES);
	EXPECT("Team Lead, Customer Support", MANAGER, CUSTOMER_SUCCESS);
	EXPECT("Engineering Lead", SENIOR, ENGINEERING);
	EXPECT("Lead Designer", SENIOR, DESIGN);
	EXPECT("Principal Engineer", SENIOR, ENGINEERING);
	EXPECT("Staff Software Engineer", SENIOR, ENGINEERING);
	EXPECT("Staff Accountant", ENTRY, FINANCE);
	EXPECT("Sr. Software Engineer", SENIOR, ENGINEERING);
	EXPECT("Jr Developer", ENTRY, ENGINEERING);
	EXPECT("Software Engineer", ENTRY, ENGINEERING);
	EXPECT("Accountant", ENTRY, FINANCE);
	EXPECT("Account Executive", ENTRY, SALES);
	EXPECT("Marketing Intern", TRAINING, MARKETING);
	EXPECT("Senior Marketing Intern", TRAINING, MARKETING);
	EXPECT("Working Student Sales", TRAINING, SALES);
	EXPECT("Student", UNPAID, NONE);
	EXPECT("Volunteer", UNPAID, NONE);
	EXPECT("Assistant to the CEO", ENTRY, ADMINISTRATIVE);
	EXPECT("Executive Assistant to the CEO", ENTRY, ADMINISTRATIVE);
	EXPECT("Personal Assistant", ENTRY, ADMINISTRATIVE);
	EXPECT("Sales", NONE, SALES);
	EXPECT("Acme Corp", NONE, NONE);
	EXPECT("Sales Manager at Acme", MANAGER, SALES);
	EXPECT("Student at University of Michigan", UNPAID, NONE);
	EXPECT("Engineer @ Marketing Agency", ENTRY, ENGINEERING);
}

static void
test_function(void)
{
	classify("VP Sales & Marketing", NULL);
	CHECK(has_function(PERSONA_FN_SALES) && has_function(PERSONA_FN_MARKETING),
		  "VP Sales & Marketing functions %x", (unsigned) pt->functions);
	classify("Founder & CTO", NULL);
	CHECK(has_function(PERSONA_FN_EXECUTIVE) && pt->function == PERSONA_FN_ENGINEERING,
		  "Founder & CTO functions %x primary %d", (unsigned) pt->functions, pt->function);
	classify("Senior Manager, Revenue Operations", NULL);
	CHECK(pt->function == PERSONA_FN_OPERATIONS &&
		  strcmp(nz(pt->subfunction), "revenue_operations") == 0,
		  "revops subfunction %s", nz(pt->subfunction));
	EXPECT("Cashier", ENTRY, SALES);
	EXPECT("Bank Teller", ENTRY, FINANCE);
	EXPECT("Dispatcher", ENTRY, OPERATIONS);
	EXPECT("File Clerk", ENTRY, ADMINISTRATIVE);
	EXPECT("Billing Clerk", ENTRY, FINANCE);
	EXPECT("Legal Secretary", ENTRY, ADMINISTRATIVE);
	EXPECT("Paralegal", ENTRY, LEGAL);
	EXPECT("Data Scientist", ENTRY, DATA);
	EXPECT("Software QA Tester", ENTRY, QUALITY);
	EXPECT("Recruiter", ENTRY, HR);
	EXPECT("IT Support Specialist", ENTRY, IT);
	EXPECT("UX Designer", ENTRY, DESIGN);
	EXPECT("Registered Nurse", ENTRY, HEALTHCARE);
	EXPECT("Realtor", ENTRY, REAL_ESTATE);
	EXPECT("Project Manager", MANAGER, PROJECT_MANAGEMENT);
	EXPECT("Product Manager", MANAGER, PRODUCT);
	EXPECT("Management Consultant", ENTRY, CONSULTING);
	EXPECT("Research Scientist", ENTRY, RESEARCH);
	EXPECT("High School Teacher", ENTRY, EDUCATION);
	EXPECT("Public Relations Manager", MANAGER, MEDIA_COMMUNICATIONS);
	EXPECT("City Manager", MANAGER, PUBLIC_SECTOR);
	EXPECT("Plant Manager", MANAGER, TRADES_MANUFACTURING);
	EXPECT("Hotel Manager", MANAGER, HOSPITALITY);
	EXPECT("Purchasing Manager", MANAGER, PROCUREMENT);
	EXPECT("Customer Success Manager", MANAGER, CUSTOMER_SUCCESS);
	EXPECT("CSM", MANAGER, CUSTOMER_SUCCESS);
	EXPECT("BDR", ENTRY, SALES);
	EXPECT("Business Development Manager", MANAGER, BUSINESS_DEVELOPMENT);
	EXPECT("Manager", MANAGER, NONE);
	EXPECT("Director", DIRECTOR, NONE);
	/* "Personal" is German HR only beside other German words */
	EXPECT("Personal Banker", ENTRY, FINANCE);
	EXPECT("Leiter Personal", HEAD, HR);
	/* a quality auditor audits quality, not accounts */
	EXPECT("Quality Auditor", ENTRY, QUALITY);
	EXPECT("auditrice qualité", ENTRY, QUALITY);
	EXPECT("Internal Auditor", ENTRY, FINANCE);
}

/* Plurals of role nouns: the people only when they are the head noun */
static void
test_plurals(void)
{
	EXPECT("Fundraisers", ENTRY, BUSINESS_DEVELOPMENT);
	EXPECT("Software Developers", ENTRY, ENGINEERING);
	EXPECT("analistas de sistemas", ENTRY, IT);
	EXPECT("desarrolladores web", ENTRY, ENGINEERING);
	/* another person word or a preposition before it: what they work on */
	EXPECT("Artists Materials Sales Representative", ENTRY, SALES);
	EXPECT("montador de aparatos médicos", NONE, NONE);
	/* words with a level of their own are not read as plurals */
	EXPECT("Assembler, Flexible Leads", ENTRY, TRADES_MANUFACTURING);
	EXPECT_NORM("Biostatisticians", "biostatistician");
}

static void
test_languages(void)
{
	EXPECT("Geschäftsführer", CXO, EXECUTIVE);
	EXPECT("Geschäftsführerin", CXO, EXECUTIVE);
	EXPECT("Geschaeftsfuehrer", CXO, EXECUTIVE);
	EXPECT("Vertriebsleiterin", HEAD, SALES);
	EXPECT("Einkaufsleiter", HEAD, PROCUREMENT);
	EXPECT("Personalreferent", ENTRY, HR);
	EXPECT("Marketingleiter", HEAD, MARKETING);
	EXPECT("Leiter Vertrieb", HEAD, SALES);
	EXPECT("Gründer", OWNER, EXECUTIVE);
	EXPECT("Praktikant Marketing", TRAINING, MARKETING);
	EXPECT("Werkstudentin Vertrieb", TRAINING, SALES);
	EXPECT("Assistenz der Geschäftsführung", ENTRY, ADMINISTRATIVE);
	EXPECT("Directeur commercial", DIRECTOR, SALES);
	EXPECT("Directrice commerciale", DIRECTOR, SALES);
	EXPECT("Responsable marketing", MANAGER, MARKETING);
	EXPECT("Directeur général", CXO, EXECUTIVE);
	EXPECT("Stagiaire RH", TRAINING, HR);
	EXPECT("Comptable", ENTRY, FINANCE);
	EXPECT("Director de ventas", DIRECTOR, SALES);
	EXPECT("Directora de Marketing", DIRECTOR, MARKETING);
	EXPECT("Gerente", MANAGER, NONE);
	EXPECT("Gerente de Compras", MANAGER, PROCUREMENT);
	EXPECT("Diretor Financeiro", DIRECTOR, FINANCE);
	EXPECT("Diretora de Vendas", DIRECTOR, SALES);
	EXPECT("Hoofd Verkoop", HEAD, SALES);
	EXPECT("Medewerker Klantenservice", ENTRY, CUSTOMER_SUCCESS);
	EXPECT("Mitarbeiter", NONE, NONE);
	EXPECT("Vertriebsmitarbeiter", ENTRY, SALES);
	EXPECT("Responsabile Vendite", MANAGER, SALES);
	EXPECT("Direttore Generale", CXO, EXECUTIVE);
	EXPECT("Ingegnere del software", ENTRY, ENGINEERING);
	EXPECT("Infirmière", ENTRY, HEALTHCARE);
	EXPECT("Enfermera", ENTRY, HEALTHCARE);
	EXPECT("Becario de marketing", TRAINING, MARKETING);
}

static void
test_evidence(void)
{
	int			k;
	int			ndecided = 0;
	int			sen_ok = 0;
	int			fn_ok = 0;
	const char *title = "Sr. Dir., Rev Ops";

	classify(title, NULL);
	for (k = 0; k < pt->n_evidence; k++)
	{
		const PersonaEvidence *ev = &pt->evidence[k];

		CHECK(ev->norm_start + ev->norm_len <= pt->normalized_len,
			  "evidence %d outside the normalised title", k);
		CHECK(ev->src_start + ev->src_len <= strlen(title),
			  "evidence %d outside the source", k);
		if (ev->decided)
		{
			ndecided++;
			if (ev->seniority == pt->seniority)
				sen_ok = 1;
			if (ev->function == pt->function)
				fn_ok = 1;
		}
	}
	CHECK(ndecided >= 2 && sen_ok && fn_ok,
		  "decided evidence: %d, seniority %d, function %d", ndecided, sen_ok, fn_ok);
	/* "Dir" in the source for "director" */
	for (k = 0; k < pt->n_evidence; k++)
		if (pt->evidence[k].seniority == PERSONA_SEN_DIRECTOR)
			CHECK(memcmp(title + pt->evidence[k].src_start, "Dir", 3) == 0 &&
				  pt->evidence[k].src_len == 3, "source of director evidence");

	/* a role word without level: the default rule decides */
	classify("Accountant", NULL);
	CHECK(pt->n_evidence >= 1 &&
		  pt->evidence[pt->n_evidence - 1].rule == PERSONA_RULE_DEFAULT &&
		  pt->evidence[pt->n_evidence - 1].decided,
		  "default evidence for Accountant");
	classify("Assistant to the CEO", NULL);
	CHECK(pt->n_evidence >= 1 && pt->evidence[0].rule == PERSONA_RULE_ASSISTANT_TO,
		  "assistant rule evidence");
	classify("Vertriebsleiterin", NULL);
	CHECK(pt->n_evidence == 2 && pt->evidence[0].rule == PERSONA_RULE_COMPOUND,
		  "compound evidence");
	CHECK(strcmp(persona_rule_name(PERSONA_RULE_COMPOUND), "compound") == 0 &&
		  persona_rule_name(99) == NULL, "rule names");
	CHECK(strcmp(persona_seniority_name(PERSONA_SEN_BOARD), "board") == 0 &&
		  persona_seniority_name(PERSONA_SEN_NONE) == NULL &&
		  persona_seniority_name(PERSONA_SEN_COUNT) == NULL, "seniority names");
	CHECK(strcmp(persona_function_name(PERSONA_FN_HOSPITALITY), "hospitality") == 0 &&
		  persona_function_name(PERSONA_FN_NONE) == NULL &&
		  persona_function_name(PERSONA_FN_COUNT) == NULL, "function names");
}

static void
test_user_lexicon(void)
{
	/* sorted by strcmp on term */
	static const PersonaUserTerm terms[] = {
		{"chief financial officer", NULL, PERSONA_SEN_CXO, PERSONA_FN_SALES, "odd"},
		{"growth hacker", "growth marketer", PERSONA_SEN_SENIOR, PERSONA_FN_MARKETING, "demand_generation"},
		{"sales head", NULL, PERSONA_SEN_DIRECTOR, PERSONA_FN_SALES, NULL},
		{"sfdc", "salesforce", PERSONA_SEN_NONE, PERSONA_FN_IT, NULL},
		{"sfdc administrator", "salesforce administrator", PERSONA_SEN_NONE, PERSONA_FN_OPERATIONS, "sales_operations"},
	};
	PersonaLexicon lex = {5, terms};
	PersonaLexicon empty = {0, NULL};
	char		out[64];

	/* adds words and phrases */
	EXPECT_USER("Growth Hacker", &lex, SENIOR, MARKETING);
	CHECK(strcmp(pt->normalized, "growth marketer") == 0 &&
		  strcmp(nz(pt->subfunction), "demand_generation") == 0 &&
		  pt->n_evidence >= 1 && pt->evidence[0].rule == PERSONA_RULE_USER,
		  "user phrase: \"%s\" %s", pt->normalized, nz(pt->subfunction));
	EXPECT_USER("SFDC", &lex, NONE, IT);
	CHECK(strcmp(pt->normalized, "salesforce") == 0, "\"%s\"", pt->normalized);
	/* longest user phrase wins */
	EXPECT_USER("SFDC Admin", &lex, NONE, OPERATIONS);
	CHECK(strcmp(pt->normalized, "salesforce administrator") == 0, "\"%s\"", pt->normalized);
	/* overrides a built-in word, whichever spelling the title uses */
	EXPECT_USER("CFO", &lex, CXO, SALES);
	EXPECT_USER("Chief Financial Officer", &lex, CXO, SALES);
	/* matches the canonical words of a split compound */
	EXPECT_USER("Vertriebsleiter", &lex, DIRECTOR, SALES);
	/* without the overlay the built-in meaning stands */
	EXPECT_USER("CFO", &empty, CXO, FINANCE);
	EXPECT("Growth Hacker", NONE, MARKETING);
	/* keywords normalise through the overlay too */
	persona_title_normalize("sfdc admin", 10, &lex, out, sizeof(out));
	CHECK(strcmp(out, "salesforce administrator") == 0, "\"%s\"", out);
}

static void
test_edges(void)
{
	char		out[PERSONA_NORM_MAX];
	char	   *big;
	size_t		i;
	size_t		n;
	unsigned char all[256];
	static const char *nonlatin[] = {
		"\xe9\x94\x80\xe5\x94\xae\xe7\xbb\x8f\xe7\x90\x86",	/* 销售经理 */
		"\xd0\x9c\xd0\xb5\xd0\xbd\xd0\xb5\xd0\xb4\xd0\xb6\xd0\xb5\xd1\x80",	/* Менеджер */
		"\xd9\x85\xd8\xaf\xd9\x8a\xd8\xb1",	/* مدير */
		"\xe3\x82\xbb\xe3\x83\xbc\xe3\x83\xab\xe3\x82\xb9",	/* セールス */
		"\xf0\x9f\x98\x80\xf0\x9f\x9a\x80",	/* emoji */
	};

	/* empty, NULL, whitespace */
	classify_n("", 0, NULL);
	CHECK(pt->seniority == PERSONA_SEN_NONE && pt->function == PERSONA_FN_NONE &&
		  pt->normalized[0] == '\0' && pt->normalized_len == 0 &&
		  pt->n_evidence == 0 && pt->functions == 0 && pt->subfunction == NULL,
		  "empty title");
	persona_title_classify(NULL, 0, NULL, pt);
	CHECK(pt->seniority == PERSONA_SEN_NONE && pt->normalized[0] == '\0', "NULL title");
	persona_title_classify(NULL, 10, NULL, pt);
	CHECK(pt->seniority == PERSONA_SEN_NONE && pt->normalized[0] == '\0', "NULL title with a length");
	classify(" \t\r\n  ", NULL);
	CHECK(pt->seniority == PERSONA_SEN_NONE && pt->normalized[0] == '\0', "whitespace title");
	classify(",,,//&&()--- ", NULL);
	CHECK(pt->normalized[0] == '\0', "punctuation only: \"%s\"", pt->normalized);

	/* 1 MB: only the first PERSONA_TITLE_MAX_BYTES bytes count */
	big = malloc(1 << 20);
	if (!big)
		abort();
	for (i = 0; i < (1 << 20); i++)
		big[i] = "CEO, VP "[i % 8];
	persona_title_classify(big, 1 << 20, NULL, pt);
	CHECK(pt->seniority == PERSONA_SEN_CXO && pt->normalized_len < PERSONA_NORM_MAX &&
		  strlen(pt->normalized) == pt->normalized_len,
		  "1 MB title: %d, %u", pt->seniority, pt->normalized_len);
	memset(big, 'a', 1 << 20);
	persona_title_classify(big, 1 << 20, NULL, pt);
	CHECK(pt->seniority == PERSONA_SEN_NONE && pt->normalized_len == PERSONA_TITLE_MAX_BYTES,
		  "1 MB word: %u", pt->normalized_len);
	memcpy(big + PERSONA_TITLE_MAX_BYTES - 3, " ceo", 4);
	persona_title_classify(big, 1 << 20, NULL, pt);
	CHECK(pt->seniority == PERSONA_SEN_NONE, "a word after the limit is not read");
	for (i = 0; i < (1 << 20); i++)
		big[i] = (i % 2) ? ' ' : 'x';
	persona_title_classify(big, 1 << 20, NULL, pt);
	CHECK(strlen(pt->normalized) == pt->normalized_len, "many one-letter words");
	for (i = 0; i < (1 << 20); i++)
		big[i] = "vp,"[i % 3];
	persona_title_classify(big, 1 << 20, NULL, pt);
	CHECK(pt->seniority == PERSONA_SEN_VP && pt->normalized_len < PERSONA_NORM_MAX,
		  "expanding abbreviations fill the buffer safely: %u", pt->normalized_len);
	free(big);

	/* invalid UTF-8 bytes are separators */
	classify("Sales\xff" "Manager", NULL);
	CHECK(strcmp(pt->normalized, "sales manager") == 0, "\"%s\"", pt->normalized);
	classify("\xc3" "CEO", NULL);	/* truncated sequence */
	CHECK(pt->seniority == PERSONA_SEN_CXO, "truncated sequence before CEO");
	classify("CEO\xc3", NULL);	/* truncated at the end */
	CHECK(pt->seniority == PERSONA_SEN_CXO, "truncated sequence after CEO");
	classify("\xc0\xaf" "CEO\xed\xa0\x80\xf4\x90\x80\x80", NULL);	/* overlong, surrogate, > U+10FFFF */
	CHECK(pt->seniority == PERSONA_SEN_CXO && strcmp(pt->normalized, "chief executive officer") == 0,
		  "invalid forms: \"%s\"", pt->normalized);
	classify("Gesch\xe4" "ftsf\xfc" "hrer", NULL);	/* Latin-1, not UTF-8 */
	CHECK(strlen(pt->normalized) == pt->normalized_len, "Latin-1 input");

	/* every byte value, alone and together */
	for (i = 0; i < 256; i++)
	{
		char		c = (char) i;

		classify_n(&c, 1, NULL);
		CHECK(strlen(pt->normalized) == pt->normalized_len, "byte %zu", i);
		all[i] = (unsigned char) i;
	}
	classify_n((const char *) all, 256, NULL);
	CHECK(strlen(pt->normalized) == pt->normalized_len, "all bytes");
	for (i = 0; i < 256; i++)
		all[i] = (unsigned char) (255 - i);
	classify_n((const char *) all, 256, NULL);
	CHECK(strlen(pt->normalized) == pt->normalized_len, "all bytes reversed");

	/* non-Latin scripts produce no words */
	for (i = 0; i < sizeof(nonlatin) / sizeof(nonlatin[0]); i++)
	{
		classify(nonlatin[i], NULL);
		CHECK(pt->seniority == PERSONA_SEN_NONE && pt->function == PERSONA_FN_NONE &&
			  pt->normalized[0] == '\0', "non-Latin %zu: \"%s\"", i, pt->normalized);
	}
	classify("\xe9\x94\x80\xe5\x94\xae CEO", NULL);
	CHECK(pt->seniority == PERSONA_SEN_CXO, "Latin word beside CJK");

	/* normalise into small buffers: whole words, always terminated */
	n = persona_title_normalize("VP Sales", 8, NULL, out, 1);
	CHECK(n == 0 && out[0] == '\0', "bufsize 1");
	n = persona_title_normalize("VP Sales", 8, NULL, out, 0);
	CHECK(n == 0, "bufsize 0");
	n = persona_title_normalize("VP Sales", 8, NULL, out, 16);
	CHECK(n == 14 && strcmp(out, "vice president") == 0, "bufsize 16: \"%s\"", out);
	n = persona_title_normalize(NULL, 0, NULL, out, sizeof(out));
	CHECK(n == 0 && out[0] == '\0', "normalise NULL");
}

int
main(void)
{
	pt = malloc(sizeof(PersonaTitle));
	if (!pt)
		return 2;
	test_normalisation();
	test_lexicon_fixed_points();
	test_seniority();
	test_function();
	test_plurals();
	test_languages();
	test_evidence();
	test_user_lexicon();
	test_edges();
	free(pt);
	printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed ? 1 : 0;
}
