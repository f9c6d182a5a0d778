/*-------------------------------------------------------------------------
 *
 * ruleset.h
 *	  The persona.ruleset value: its decoded form, its stored (varlena)
 *	  form, and the one validation both the text and binary inputs use.
 *
 * A ruleset is decoded into a RulesetSpec only when a value enters the
 * server (text or binary input) and once per call site when a matcher is
 * built from it (matcher.c); per row, matching uses the matcher.
 *
 * docs/ruleset.md describes the text form and the rules checked here.
 *
 * src/ruleset.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PERSONA_RULESET_H
#define PERSONA_RULESET_H

#include "lib/stringinfo.h"

#define RULESET_FORMAT			1	/* text "format", stored and send byte */
#define RULESET_MAX_ITEMS		100000	/* any one list: a sanity bound */

/* An optional set of enum labels, as a bit per label. */
typedef struct LabelSet
{
	bool		present;		/* false: the criterion is not set (NULL) */
	uint32		bits;
} LabelSet;

typedef struct TextList
{
	int			n;				/* 0 means NULL: empty lists are not kept */
	char	  **items;
} TextList;

typedef struct RulesetProfile
{
	char	   *key;
	char	   *name;
	int32		priority;
	float4		min_score;
	bool		weighted;		/* match_mode: false 'all', true 'weighted' */
	TextList	title_keywords;
	TextList	title_exclude;
	LabelSet	seniorities;
	LabelSet	functions;
	TextList	industries;
	bool		has_employees;
	char	   *employees;		/* canonical int4range text */
	int64		employees_lo;	/* inclusive; PG_INT64_MIN when unbounded */
	int64		employees_hi;	/* exclusive; PG_INT64_MAX when unbounded */
	TextList	countries;
	char	   *attributes;		/* canonical jsonb text of an object, or NULL */
	LabelSet	buying_functions;
} RulesetProfile;

typedef struct RulesetTerm
{
	char	   *term;
	char	   *canonical;		/* NULL if none */
	int8		seniority;		/* PersonaSeniority, -1 if none */
	int8		function;		/* PersonaFunction, -1 if none */
	char	   *subfunction;	/* NULL if none */
} RulesetTerm;

typedef struct RulesetRole
{
	char	   *code;
	char	   *label;
	bool		required;
	float4		weight;
	int32		display_order;
	char	   *sfdc_role;		/* NULL if none */
} RulesetRole;

typedef struct RulesetRoleRule
{
	char	   *role;			/* a code of RulesetSpec.roles */
	LabelSet	seniorities;
	LabelSet	functions;
	int8		buying_function;	/* -1 either, 0 must not be, 1 must be */
	bool		has_min_employees;
	int32		min_employees;
	bool		has_max_employees;
	int32		max_employees;
} RulesetRoleRule;

typedef struct RulesetSpec
{
	int32		version;		/* 0 for a draft (JSON null) */
	LabelSet	buying_functions;
	int			nprofiles;
	RulesetProfile *profiles;
	int			nterms;
	RulesetTerm *terms;
	int			nroles;
	RulesetRole *roles;
	int			nrules;
	RulesetRoleRule *rules;
} RulesetSpec;

/*
 * The stored form: a varlena header, this fixed header, then the payload
 * (the binary encoding of a RulesetSpec, which is also what send writes
 * after its format byte).
 */
typedef struct RulesetData
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		format;			/* RULESET_FORMAT */
	uint8		flags;			/* always zero for now */
	uint16		reserved;		/* always zero for now */
	int32		version;		/* copy of the spec's, for cheap access */
	uint32		hash_lo;		/* 64-bit hash of the payload: the cache */
	uint32		hash_hi;		/* key of matchers built from this value */
	char		payload[FLEXIBLE_ARRAY_MEMBER];
} RulesetData;

#define RULESET_HEADER_SIZE		offsetof(RulesetData, payload)
#define RulesetPayloadSize(r)	(VARSIZE(r) - RULESET_HEADER_SIZE)
#define RulesetHash(r)			(((uint64) (r)->hash_hi << 32) | (r)->hash_lo)

#define DatumGetRulesetP(X)		((RulesetData *) PG_DETOAST_DATUM(X))
#define PG_GETARG_RULESET_P(n)	DatumGetRulesetP(PG_GETARG_DATUM(n))
#define PG_RETURN_RULESET_P(x)	PG_RETURN_POINTER(x)

/*
 * Where an input error is reported: the text and binary inputs both raise
 * 22P02 with a detail naming the path ("profiles[2].min_score").
 */
extern void ruleset_error(const char *path, const char *fmt,...) pg_attribute_printf(2, 3) pg_attribute_noreturn();

/* The SQLSTATE ruleset_error() raises: 22P02 (text) or 22P03 (binary). */
extern int	ruleset_input_errcode;

/* An int4range literal into p's canonical text and bounds. */
extern void ruleset_parse_employees(RulesetProfile *p, const char *literal,
									const char *path);

/*
 * The canonical text of a profile's attributes given as JSON text (an
 * object of strings, numbers and booleans), or NULL for an empty object.
 */
extern char *ruleset_attributes_from_text(const char *text, const char *path);

/* Check, sort into canonical order, and fill defaults; errors via ruleset_error. */
extern void ruleset_validate(RulesetSpec *spec);

/* Binary payload encoding; decode validates bounds, enum ranges, encoding. */
extern void ruleset_encode_payload(const RulesetSpec *spec, StringInfo buf);
extern RulesetSpec *ruleset_decode_payload(const char *data, int len);

/* The stored form of a validated spec. */
extern RulesetData *ruleset_build(const RulesetSpec *spec);
/* The spec of a stored value (trusted: it was validated when it came in). */
extern RulesetSpec *ruleset_unpack(const RulesetData *r);

/* Text form (ruleset_json.c). */
extern RulesetSpec *ruleset_parse_json(const char *text);
extern void ruleset_write_json(const RulesetSpec *spec, StringInfo out);

/* Label-set helpers shared by the encodings and the matcher. */
static inline bool
labelset_contains(const LabelSet *set, int label)
{
	return label >= 0 && (set->bits & ((uint32) 1 << label)) != 0;
}

#endif							/* PERSONA_RULESET_H */
