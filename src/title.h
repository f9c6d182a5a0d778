/*-------------------------------------------------------------------------
 *
 * title.h
 *	  The job-title classifier: normalise a raw CRM title and classify it
 *	  into a seniority and job functions.
 *
 * This interface is plain C99 with no PostgreSQL headers on purpose: the
 * same code runs inside the server (title_sql.c), in the unit-test driver,
 * under valgrind and under libFuzzer.  It never allocates: the caller owns
 * every buffer, so a cancel (longjmp) in the server can never leak.  Its
 * cost is bounded because it reads at most PERSONA_TITLE_MAX_BYTES of a
 * title (real titles are under 200 bytes; the rest of a longer value is
 * ignored, which is documented in the README).
 *
 * src/title.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PERSONA_TITLE_H
#define PERSONA_TITLE_H

#include <stddef.h>
#include <stdint.h>

/* How many bytes of a title are read; the rest is ignored. */
#define PERSONA_TITLE_MAX_BYTES		1024
/* Room for the normalised form (abbreviations expand, so it can grow). */
#define PERSONA_NORM_MAX			4096
/* How many pieces of evidence one classification keeps for explaining. */
#define PERSONA_MAX_EVIDENCE		32

/*
 * Seniority, lowest first.  The order and the names are the SQL enum
 * persona.seniority (SPEC section 2): keep them in step.
 */
typedef enum PersonaSeniority
{
	PERSONA_SEN_NONE = -1,		/* unknown: SQL NULL */
	PERSONA_SEN_UNPAID = 0,
	PERSONA_SEN_TRAINING,
	PERSONA_SEN_ENTRY,
	PERSONA_SEN_SENIOR,
	PERSONA_SEN_MANAGER,
	PERSONA_SEN_DIRECTOR,
	PERSONA_SEN_HEAD,
	PERSONA_SEN_VP,
	PERSONA_SEN_CXO,
	PERSONA_SEN_PARTNER,
	PERSONA_SEN_OWNER,
	PERSONA_SEN_BOARD,
	PERSONA_SEN_COUNT
} PersonaSeniority;

/*
 * Job functions.  The order and the names are the SQL enum
 * persona.job_function (SPEC section 2): keep them in step.
 */
typedef enum PersonaFunction
{
	PERSONA_FN_NONE = -1,		/* unknown: SQL NULL */
	PERSONA_FN_EXECUTIVE = 0,
	PERSONA_FN_SALES,
	PERSONA_FN_MARKETING,
	PERSONA_FN_BUSINESS_DEVELOPMENT,
	PERSONA_FN_CUSTOMER_SUCCESS,
	PERSONA_FN_OPERATIONS,
	PERSONA_FN_FINANCE,
	PERSONA_FN_HR,
	PERSONA_FN_IT,
	PERSONA_FN_ENGINEERING,
	PERSONA_FN_DATA,
	PERSONA_FN_PRODUCT,
	PERSONA_FN_DESIGN,
	PERSONA_FN_LEGAL,
	PERSONA_FN_PROCUREMENT,
	PERSONA_FN_ADMINISTRATIVE,
	PERSONA_FN_PROJECT_MANAGEMENT,
	PERSONA_FN_CONSULTING,
	PERSONA_FN_RESEARCH,
	PERSONA_FN_QUALITY,
	PERSONA_FN_EDUCATION,
	PERSONA_FN_HEALTHCARE,
	PERSONA_FN_MEDIA_COMMUNICATIONS,
	PERSONA_FN_REAL_ESTATE,
	PERSONA_FN_PUBLIC_SECTOR,
	PERSONA_FN_TRADES_MANUFACTURING,
	PERSONA_FN_HOSPITALITY,
	PERSONA_FN_COUNT
} PersonaFunction;

/*
 * One entry of a user lexicon (the table persona.lexicon, compiled into a
 * persona.ruleset).  term and canonical are already normalised by
 * persona_title_normalize(..., NULL, ...): lower-case ASCII words separated
 * by one space.  A user term is looked up before the built-in lexicon, so it
 * can both add words and override built-in ones.
 */
typedef struct PersonaUserTerm
{
	const char *term;			/* one or more words */
	const char *canonical;		/* replacement words, or NULL to keep term */
	int8_t		seniority;		/* PersonaSeniority, PERSONA_SEN_NONE if none */
	int8_t		function;		/* PersonaFunction, PERSONA_FN_NONE if none */
	const char *subfunction;	/* free text, or NULL */
} PersonaUserTerm;

typedef struct PersonaLexicon
{
	int			nterms;
	const PersonaUserTerm *terms;	/* sorted by strcmp on term */
} PersonaLexicon;

/* What kind of rule produced a piece of evidence (for explaining). */
typedef enum PersonaRule
{
	PERSONA_RULE_WORD = 0,		/* a built-in word or abbreviation */
	PERSONA_RULE_PHRASE,		/* a built-in phrase of several words */
	PERSONA_RULE_COMPOUND,		/* part of a split compound (Vertriebsleiter) */
	PERSONA_RULE_USER,			/* an entry of the user lexicon */
	PERSONA_RULE_ASSISTANT_TO,	/* "assistant to the CEO": not a CEO */
	PERSONA_RULE_DEFAULT		/* a role word with no level: entry */
} PersonaRule;

typedef struct PersonaEvidence
{
	uint16_t	norm_start;		/* the words in PersonaTitle.normalized */
	uint16_t	norm_len;
	uint16_t	src_start;		/* the bytes of the input they came from */
	uint16_t	src_len;
	int8_t		seniority;		/* what it says, or PERSONA_SEN_NONE */
	int8_t		function;		/* what it says, or PERSONA_FN_NONE */
	uint8_t		rule;			/* PersonaRule */
	uint8_t		decided;		/* 1 if it decided the final seniority or
								 * primary function */
	const char *subfunction;	/* static or user string, or NULL */
} PersonaEvidence;

typedef struct PersonaTitle
{
	int8_t		seniority;		/* PersonaSeniority */
	int8_t		function;		/* primary PersonaFunction */
	uint32_t	functions;		/* bit (1 << f) for every function found */
	const char *subfunction;	/* static or user string, or NULL */
	uint16_t	normalized_len;
	char		normalized[PERSONA_NORM_MAX];	/* NUL-terminated */
	uint8_t		n_evidence;
	PersonaEvidence evidence[PERSONA_MAX_EVIDENCE];
} PersonaTitle;

/*
 * Classify a title of len bytes (UTF-8; invalid bytes are treated as word
 * separators, never read past len).  user may be NULL.  Fills *out
 * completely.
 */
extern void persona_title_classify(const char *title, size_t len,
								   const PersonaLexicon *user,
								   PersonaTitle *out);

/*
 * The same with flags that skip work a caller does not need; the other
 * fields of *out are exactly what persona_title_classify gives.
 *	PERSONA_CLASSIFY_NO_EVIDENCE: n_evidence is 0, evidence[] is not written.
 *	PERSONA_CLASSIFY_NO_NORMALIZED: normalized is "", normalized_len 0 (and
 *	  any evidence has norm_start = norm_len = 0).
 * A caller that only needs seniority, function, functions and subfunction
 * passes both.  Results of different flags must not share a cache entry.
 */
#define PERSONA_CLASSIFY_NO_EVIDENCE	0x0001
#define PERSONA_CLASSIFY_NO_NORMALIZED	0x0002

extern void persona_title_classify_flags(const char *title, size_t len,
										 const PersonaLexicon *user,
										 int flags, PersonaTitle *out);

/*
 * Normalise text exactly as titles are normalised (used for profile
 * keywords): writes at most bufsize - 1 bytes and a NUL, returns the length
 * written.
 */
extern size_t persona_title_normalize(const char *text, size_t len,
									  const PersonaLexicon *user,
									  char *buf, size_t bufsize);

extern const char *persona_seniority_name(int seniority);
extern const char *persona_function_name(int function);
extern const char *persona_rule_name(int rule);

#endif							/* PERSONA_TITLE_H */
