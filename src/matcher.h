/*-------------------------------------------------------------------------
 *
 * matcher.h
 *	  A ruleset compiled for matching: what persona.match, match_all,
 *	  explain, infer_role and the tagging trigger use per row.
 *
 * A Matcher is built once per call site (or once per backend for the
 * active ruleset) from a persona.ruleset value and lives in its own memory
 * context; per row, matching allocates nothing.
 *
 * src/matcher.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PERSONA_MATCHER_H
#define PERSONA_MATCHER_H

#include "utils/jsonb.h"

#include "ruleset.h"
#include "title.h"

/* The criteria of a profile, in the order explain lists them. */
typedef enum MatchCriterion
{
	CRIT_TITLE_KEYWORDS = 0,
	CRIT_TITLE_EXCLUDE,
	CRIT_SENIORITIES,
	CRIT_FUNCTIONS,
	CRIT_INDUSTRIES,
	CRIT_EMPLOYEES,
	CRIT_COUNTRIES,
	CRIT_ATTRIBUTES,
	CRIT_COUNT
} MatchCriterion;

/* One lead, as the SQL functions and the trigger hand it over. */
typedef struct MatchLead
{
	Datum		title;			/* text, or 0 when NULL */
	Datum		department;		/* text, or 0 when NULL */
	const char *industry;		/* server encoding, not terminated, or NULL */
	int			industry_len;
	const char *country;		/* likewise */
	int			country_len;
	bool		has_employees;
	int32		employees;
	Datum		attrs;			/* jsonb, or 0 when NULL */
} MatchLead;

typedef struct CriterionResult
{
	bool		set;			/* the profile sets this criterion */
	bool		held;
	float4		weight;
	float4		quality;		/* 0 when it does not hold */
	int			keyword;		/* the keyword that matched or excluded, or -1 */
} CriterionResult;

typedef struct ProfileResult
{
	float4		score;
	bool		reached;		/* the profile matches the lead */
	CriterionResult criteria[CRIT_COUNT];
} ProfileResult;

typedef struct MatchKeyword
{
	int			nwords;			/* 0: normalises to nothing, never matches */
	uint32	   *words;			/* hashes of the normalised words */
	char	   *text;			/* the normalised keyword */
	int			len;
} MatchKeyword;

/* Where a keyword's first word leads: the keyword index of the ruleset. */
typedef struct KeywordRef
{
	uint32		first_word;		/* hash of the keyword's first word */
	int			profile;
	int			keyword;		/* index in title_keywords or title_exclude */
	bool		exclude;
	int			next;			/* next ref in the same bucket, or -1 */
} KeywordRef;

/* One key/value pair a profile's attributes ask for. */
typedef struct MatchAttribute
{
	char	   *key;
	int			keylen;
	JsonbValue	value;			/* a string, number or boolean */
} MatchAttribute;

typedef struct MatchProfile
{
	const RulesetProfile *profile;
	MatchKeyword *keywords;
	MatchKeyword *excludes;
	int			nattributes;
	MatchAttribute *attributes;
	float4		total_weight;	/* of every criterion it sets */

	/*
	 * The quick test of an 'all' profile (see profile_may_match): the lead
	 * seniority and function bits that can meet its criteria, every bit
	 * when it sets none.
	 */
	uint32		seniority_mask;
	uint32		function_mask;
} MatchProfile;

/* A role rule's conditions on seniority, function and buying function. */
typedef struct RoleRuleTest
{
	uint32		seniority_mask;
	uint32		function_mask;
	uint32		buying_mask;
	int			role;			/* index into spec->roles, or -1 */
} RoleRuleTest;

#define MATCH_MAX_WORDS 256

typedef struct Matcher
{
	MemoryContext cxt;			/* everything below lives here */
	RulesetSpec *spec;
	uint64		hash;			/* of the ruleset it was built from */
	int32		size;
	PersonaLexicon lexicon;		/* the user lexicon, as the classifier reads it */
	int			title_flags;	/* classify titles for only what is read */
	MatchProfile *profiles;
	ProfileResult *results;		/* per profile, for the row last matched */
	Datum	   *profile_keys;	/* text Datums of the profile keys, names */
	Datum	   *profile_names;	/* and role codes, made once so a row */
	Datum	   *role_codes;		/* needs none */
	RoleRuleTest *rule_tests;	/* per role rule, in order */

	/* Every keyword of every profile, hashed by its first word. */
	int			nbuckets;		/* a power of two */
	int		   *buckets;		/* first ref of each bucket, or -1 */
	KeywordRef *refs;

	/* Per profile, for the row last matched, once keywords were scanned. */
	bool		keywords_scanned;
	int		   *kw_longest;		/* words of the longest keyword found */
	int		   *kw_which;		/* its index, or -1 */
	int		   *ex_which;		/* an exclusion found, or -1 */

	/* The row last matched (scratch, reused). */
	PersonaTitle title;
	PersonaTitle department;
	int8		seniority;
	int8		function;
	uint32		functions;
	Jsonb	   *row_attrs;		/* the lead's attrs, once detoasted */
	int			nwords;
	uint32		words[MATCH_MAX_WORDS];	/* hashes of the normalised words */
	uint16		word_start[MATCH_MAX_WORDS];	/* their bytes in title.normalized */
	uint16		word_end[MATCH_MAX_WORDS];
} Matcher;

typedef struct MatchOutcome
{
	int			best;			/* profile index, or -1 */
	float4		score;			/* of best; 0 when none */
	int			runner_up;		/* profile index, or -1 */
	float4		runner_up_score;
	int			role;			/* index into spec->roles, or -1 */
} MatchOutcome;

/* A text Datum (or 0 for NULL) as bytes, read in place when in-line. */
extern void matcher_text_arg(Datum value, const char **bytes, int *len);

extern Matcher *matcher_build(const RulesetData *ruleset, MemoryContext parent);
extern void matcher_free(Matcher *m);

/*
 * Classify and score one lead against every profile: fills m->results
 * (score and reached; with detail also every criterion, for explain).
 */
extern void matcher_match(Matcher *m, const MatchLead *lead, MatchOutcome *out,
						  bool detail);

/* After matcher_match: the profiles that matched, best first; how many. */
extern int	matcher_ranked(const Matcher *m, int *order);

/* The role rules: the first that holds gives the role index, or -1. */
extern int	matcher_infer_role(const Matcher *m, int seniority, int function,
							   bool has_employees, int32 employees,
							   const LabelSet *buying_functions);

#endif							/* PERSONA_MATCHER_H */
