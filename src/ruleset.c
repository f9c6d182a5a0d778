/*-------------------------------------------------------------------------
 *
 * ruleset.c
 *	  Validation and binary encoding of persona.ruleset values.
 *
 * Every way into the type — text input, binary receive, and unpacking a
 * stored value for a matcher — ends in ruleset_validate(), so a value that
 * exists was checked by the same rules whichever door it came through.  The
 * binary encoding is the payload of the stored form and, after a format
 * byte, the send format; its decoder checks every length against what is
 * left, so garbage gives an error, never a read past the end.
 *
 * src/ruleset.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "ruleset.h"
#include "title.h"

/*
 * The SQLSTATE of input errors: 22P02 for text, 22P03 for binary.  Set by
 * the entry points of ruleset_type.c before they decode anything.
 */
int			ruleset_input_errcode = ERRCODE_INVALID_TEXT_REPRESENTATION;

void
ruleset_error(const char *path, const char *fmt,...)
{
	char		detail[512];
	va_list		args;

	va_start(args, fmt);
	vsnprintf(detail, sizeof(detail), fmt, args);
	va_end(args);

	ereport(ERROR,
			(errcode(ruleset_input_errcode),
			 errmsg("invalid persona.ruleset value"),
			 errdetail("At %s: %s.", path, detail),
			 errhint("docs/ruleset.md describes the form; persona.compile() builds a valid one from the profile tables.")));
}

/* ---------- validation ---------- */

static bool
is_blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char) *s))
			return false;
	return true;
}

static bool
is_slug(const char *s)
{
	int			n = 0;

	if (!(*s >= 'a' && *s <= 'z'))
		return false;
	for (; *s; s++, n++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return n <= 63;
}

static void
validate_text_list(const TextList *list, const char *path)
{
	int			i;
	char		item[128];

	for (i = 0; i < list->n; i++)
	{
		if (is_blank(list->items[i]))
		{
			snprintf(item, sizeof(item), "%s[%d]", path, i);
			ruleset_error(item, "a blank string is not allowed");
		}
	}
}

static int
compare_profiles(const void *a, const void *b)
{
	return strcmp(((const RulesetProfile *) a)->key,
				  ((const RulesetProfile *) b)->key);
}

static int
compare_terms(const void *a, const void *b)
{
	const RulesetTerm *ta = a;
	const RulesetTerm *tb = b;
	int			c = pg_strcasecmp(ta->term, tb->term);

	return c != 0 ? c : strcmp(ta->term, tb->term);
}

static int
compare_roles(const void *a, const void *b)
{
	const RulesetRole *ra = a;
	const RulesetRole *rb = b;

	if (ra->display_order != rb->display_order)
		return ra->display_order < rb->display_order ? -1 : 1;
	return strcmp(ra->code, rb->code);
}

static bool
profile_sets_something(const RulesetProfile *p)
{
	return p->title_keywords.n > 0 || p->seniorities.present ||
		p->functions.present || p->industries.n > 0 || p->has_employees ||
		p->countries.n > 0 || p->attributes != NULL;
}

/* An empty label set constrains nothing: keep one form of "not set". */
static void
normalise_labelset(LabelSet *set)
{
	if (set->bits == 0)
		set->present = false;
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* -0 and 0 are one value: keep one, so equal rulesets have equal bytes. */
static float4
positive_zero(float4 value)
{
	return value == 0 ? 0.0f : value;
}

void
ruleset_validate(RulesetSpec *spec)
{
	char		path[128];
	char	  **codes;
	int			i;

	normalise_labelset(&spec->buying_functions);
	for (i = 0; i < spec->nprofiles; i++)
	{
		normalise_labelset(&spec->profiles[i].seniorities);
		normalise_labelset(&spec->profiles[i].functions);
		normalise_labelset(&spec->profiles[i].buying_functions);
	}
	for (i = 0; i < spec->nrules; i++)
	{
		normalise_labelset(&spec->rules[i].seniorities);
		normalise_labelset(&spec->rules[i].functions);
		/* An absent bound has no value: keep one form of it. */
		if (!spec->rules[i].has_min_employees)
			spec->rules[i].min_employees = 0;
		if (!spec->rules[i].has_max_employees)
			spec->rules[i].max_employees = 0;
	}

	if (spec->version < 0)
		ruleset_error("version", "must be a positive integer or null, not %d",
					  spec->version);

	for (i = 0; i < spec->nprofiles; i++)
	{
		RulesetProfile *p = &spec->profiles[i];

		CHECK_FOR_INTERRUPTS();
		p->min_score = positive_zero(p->min_score);
		snprintf(path, sizeof(path), "profiles[%d].key", i);
		if (!is_slug(p->key))
			ruleset_error(path, "\"%s\" is not a slug (a lower-case letter, then up to 62 letters, digits or underscores)", p->key);
		snprintf(path, sizeof(path), "profiles[%d].name", i);
		if (is_blank(p->name))
			ruleset_error(path, "the name must not be blank");
		snprintf(path, sizeof(path), "profiles[%d].min_score", i);
		if (isnan(p->min_score) || p->min_score < 0 || p->min_score > 1)
			ruleset_error(path, "must be between 0 and 1");
		snprintf(path, sizeof(path), "profiles[%d].title_keywords", i);
		validate_text_list(&p->title_keywords, path);
		snprintf(path, sizeof(path), "profiles[%d].title_exclude", i);
		validate_text_list(&p->title_exclude, path);
		snprintf(path, sizeof(path), "profiles[%d].industries", i);
		validate_text_list(&p->industries, path);
		snprintf(path, sizeof(path), "profiles[%d].countries", i);
		validate_text_list(&p->countries, path);
		snprintf(path, sizeof(path), "profiles[%d].employees", i);
		if (p->has_employees && p->employees_lo >= p->employees_hi)
			ruleset_error(path, "the range is empty");
		if (p->has_employees && p->employees_lo != PG_INT64_MIN && p->employees_lo < 0)
			ruleset_error(path, "a company has at least 0 employees");
		snprintf(path, sizeof(path), "profiles[%d]", i);
		if (!profile_sets_something(p))
			ruleset_error(path, "profile \"%s\" sets no criterion, so it could never match", p->key);
	}
	qsort(spec->profiles, spec->nprofiles, sizeof(RulesetProfile), compare_profiles);
	for (i = 1; i < spec->nprofiles; i++)
		if (strcmp(spec->profiles[i - 1].key, spec->profiles[i].key) == 0)
			ruleset_error("profiles", "the key \"%s\" appears twice", spec->profiles[i].key);

	for (i = 0; i < spec->nterms; i++)
	{
		RulesetTerm *t = &spec->terms[i];

		CHECK_FOR_INTERRUPTS();
		snprintf(path, sizeof(path), "lexicon[%d].term", i);
		if (is_blank(t->term))
			ruleset_error(path, "the term must not be blank");
		snprintf(path, sizeof(path), "lexicon[%d]", i);
		if ((t->canonical != NULL && is_blank(t->canonical)) ||
			(t->subfunction != NULL && is_blank(t->subfunction)))
			ruleset_error(path, "canonical and subfunction must not be blank");
		if (t->canonical == NULL && t->subfunction == NULL &&
			t->seniority < 0 && t->function < 0)
			ruleset_error(path, "the entry for \"%s\" says nothing: set canonical, seniority, job_function or subfunction", t->term);
	}
	qsort(spec->terms, spec->nterms, sizeof(RulesetTerm), compare_terms);
	for (i = 1; i < spec->nterms; i++)
		if (pg_strcasecmp(spec->terms[i - 1].term, spec->terms[i].term) == 0)
			ruleset_error("lexicon", "the term \"%s\" appears twice", spec->terms[i].term);

	for (i = 0; i < spec->nroles; i++)
	{
		RulesetRole *r = &spec->roles[i];

		CHECK_FOR_INTERRUPTS();
		r->weight = positive_zero(r->weight);
		snprintf(path, sizeof(path), "roles[%d].code", i);
		if (!is_slug(r->code))
			ruleset_error(path, "\"%s\" is not a slug", r->code);
		snprintf(path, sizeof(path), "roles[%d].label", i);
		if (is_blank(r->label))
			ruleset_error(path, "the label must not be blank");
		snprintf(path, sizeof(path), "roles[%d].weight", i);
		if (isnan(r->weight) || isinf(r->weight) || r->weight < 0)
			ruleset_error(path, "must be a number of at least 0");
	}
	qsort(spec->roles, spec->nroles, sizeof(RulesetRole), compare_roles);

	/* Codes sorted apart from the roles: duplicates and rule lookups in n log n. */
	codes = palloc(sizeof(char *) * Max(spec->nroles, 1));
	for (i = 0; i < spec->nroles; i++)
		codes[i] = spec->roles[i].code;
	qsort(codes, spec->nroles, sizeof(char *), compare_strings);
	for (i = 1; i < spec->nroles; i++)
		if (strcmp(codes[i - 1], codes[i]) == 0)
			ruleset_error("roles", "the code \"%s\" appears twice", codes[i]);

	for (i = 0; i < spec->nrules; i++)
	{
		RulesetRoleRule *r = &spec->rules[i];
		bool		known;

		CHECK_FOR_INTERRUPTS();
		known = bsearch(&r->role, codes, spec->nroles, sizeof(char *), compare_strings) != NULL;
		snprintf(path, sizeof(path), "role_rules[%d].role", i);
		if (!known)
			ruleset_error(path, "\"%s\" is not a code of roles", r->role);
		snprintf(path, sizeof(path), "role_rules[%d]", i);
		if (r->has_min_employees && r->has_max_employees &&
			r->min_employees >= r->max_employees)
			ruleset_error(path, "min_employees must be less than max_employees");
	}
	pfree(codes);
}

/* ---------- binary encoding ---------- */

static void
put_string(StringInfo buf, const char *s)
{
	uint32		len = (uint32) strlen(s);

	pq_sendint32(buf, len);
	appendBinaryStringInfo(buf, s, (int) len);
}

/* A NULL string is length 0xFFFFFFFF: "" and NULL stay different. */
static void
put_opt_string(StringInfo buf, const char *s)
{
	if (s == NULL)
		pq_sendint32(buf, PG_UINT32_MAX);
	else
		put_string(buf, s);
}

static void
put_text_list(StringInfo buf, const TextList *list)
{
	int			i;

	pq_sendint32(buf, (uint32) list->n);
	for (i = 0; i < list->n; i++)
		put_string(buf, list->items[i]);
}

static void
put_labelset(StringInfo buf, const LabelSet *set)
{
	pq_sendbyte(buf, set->present ? 1 : 0);
	if (set->present)
		pq_sendint32(buf, set->bits);
}

void
ruleset_encode_payload(const RulesetSpec *spec, StringInfo buf)
{
	int			i;

	pq_sendint32(buf, (uint32) spec->version);
	put_labelset(buf, &spec->buying_functions);

	pq_sendint32(buf, (uint32) spec->nprofiles);
	for (i = 0; i < spec->nprofiles; i++)
	{
		const RulesetProfile *p = &spec->profiles[i];

		put_string(buf, p->key);
		put_string(buf, p->name);
		pq_sendint32(buf, (uint32) p->priority);
		pq_sendfloat4(buf, p->min_score);
		pq_sendbyte(buf, p->weighted ? 1 : 0);
		put_text_list(buf, &p->title_keywords);
		put_text_list(buf, &p->title_exclude);
		put_labelset(buf, &p->seniorities);
		put_labelset(buf, &p->functions);
		put_text_list(buf, &p->industries);
		put_opt_string(buf, p->has_employees ? p->employees : NULL);
		put_text_list(buf, &p->countries);
		put_opt_string(buf, p->attributes);
		put_labelset(buf, &p->buying_functions);
	}

	pq_sendint32(buf, (uint32) spec->nterms);
	for (i = 0; i < spec->nterms; i++)
	{
		const RulesetTerm *t = &spec->terms[i];

		put_string(buf, t->term);
		put_opt_string(buf, t->canonical);
		pq_sendbyte(buf, (uint8) t->seniority);
		pq_sendbyte(buf, (uint8) t->function);
		put_opt_string(buf, t->subfunction);
	}

	pq_sendint32(buf, (uint32) spec->nroles);
	for (i = 0; i < spec->nroles; i++)
	{
		const RulesetRole *r = &spec->roles[i];

		put_string(buf, r->code);
		put_string(buf, r->label);
		pq_sendbyte(buf, r->required ? 1 : 0);
		pq_sendfloat4(buf, r->weight);
		pq_sendint32(buf, (uint32) r->display_order);
		put_opt_string(buf, r->sfdc_role);
	}

	pq_sendint32(buf, (uint32) spec->nrules);
	for (i = 0; i < spec->nrules; i++)
	{
		const RulesetRoleRule *r = &spec->rules[i];

		put_string(buf, r->role);
		put_labelset(buf, &r->seniorities);
		put_labelset(buf, &r->functions);
		pq_sendbyte(buf, (uint8) r->buying_function);
		pq_sendbyte(buf, r->has_min_employees ? 1 : 0);
		pq_sendint32(buf, (uint32) r->min_employees);
		pq_sendbyte(buf, r->has_max_employees ? 1 : 0);
		pq_sendint32(buf, (uint32) r->max_employees);
	}
}

/* A bounds-checked reader over the payload. */
typedef struct Reader
{
	const char *pos;
	const char *end;
} Reader;

static void
need(Reader *rd, size_t n, const char *what)
{
	if ((size_t) (rd->end - rd->pos) < n)
		ruleset_error(what, "the value ends too early");
}

static uint8
get_u8(Reader *rd, const char *what)
{
	need(rd, 1, what);
	return (uint8) *rd->pos++;
}

static uint32
get_u32(Reader *rd, const char *what)
{
	uint32		v;

	need(rd, 4, what);
	memcpy(&v, rd->pos, 4);
	rd->pos += 4;
	return pg_ntoh32(v);
}

static float4
get_f32(Reader *rd, const char *what)
{
	union
	{
		float4		f;
		uint32		i;
	}			v;

	v.i = get_u32(rd, what);
	return v.f;
}

static bool
get_bool(Reader *rd, const char *what)
{
	uint8		b = get_u8(rd, what);

	if (b > 1)
		ruleset_error(what, "a flag byte must be 0 or 1, not %d", b);
	return b == 1;
}

/*
 * A count of items that take at least min_size bytes each: checked against
 * what is left before anything is allocated for them.
 */
static uint32
get_count(Reader *rd, const char *what, size_t min_size)
{
	uint32		n = get_u32(rd, what);

	if (n > RULESET_MAX_ITEMS)
		ruleset_error(what, "%u items is more than the %d allowed", n, RULESET_MAX_ITEMS);
	if ((size_t) n * min_size > (size_t) (rd->end - rd->pos))
		ruleset_error(what, "%u items cannot fit in the %d bytes left", n, (int) (rd->end - rd->pos));
	return n;
}

static char *
get_opt_string(Reader *rd, const char *what)
{
	uint32		len = get_u32(rd, what);

	if (len == PG_UINT32_MAX)
		return NULL;
	need(rd, len, what);
	if (memchr(rd->pos, '\0', len) != NULL)
		ruleset_error(what, "a string must not contain a zero byte");
	if (!pg_verifymbstr(rd->pos, (int) len, true))
		ruleset_error(what, "the string is not valid in the database encoding");
	rd->pos += len;
	return pnstrdup(rd->pos - len, len);
}

static char *
get_string(Reader *rd, const char *what)
{
	char	   *s = get_opt_string(rd, what);

	if (s == NULL)
		ruleset_error(what, "a value is required");
	return s;
}

static void
get_text_list(Reader *rd, TextList *list, const char *what)
{
	uint32		i;

	list->n = (int) get_count(rd, what, 4);
	list->items = list->n > 0 ? palloc(sizeof(char *) * list->n) : NULL;
	for (i = 0; i < (uint32) list->n; i++)
		list->items[i] = get_string(rd, what);
}

static void
get_labelset(Reader *rd, LabelSet *set, int nlabels, const char *what)
{
	set->present = get_bool(rd, what);
	set->bits = set->present ? get_u32(rd, what) : 0;
	if (set->bits >> nlabels)
		ruleset_error(what, "unknown label number in set %08x", set->bits);
}

static int8
get_label(Reader *rd, int nlabels, const char *what)
{
	int8		v = (int8) get_u8(rd, what);

	if (v < -1 || v >= nlabels)
		ruleset_error(what, "unknown label number %d", v);
	return v;
}

RulesetSpec *
ruleset_decode_payload(const char *data, int len)
{
	RulesetSpec *spec = palloc0(sizeof(RulesetSpec));
	Reader		rd = {data, data + len};
	int			i;

	spec->version = (int32) get_u32(&rd, "version");
	get_labelset(&rd, &spec->buying_functions, PERSONA_FN_COUNT, "buying_functions");

	spec->nprofiles = (int) get_count(&rd, "profiles", 40);
	spec->profiles = palloc0(sizeof(RulesetProfile) * Max(spec->nprofiles, 1));
	for (i = 0; i < spec->nprofiles; i++)
	{
		RulesetProfile *p = &spec->profiles[i];
		char	   *employees;
		uint8		mode;

		p->key = get_string(&rd, "profiles[].key");
		p->name = get_string(&rd, "profiles[].name");
		p->priority = (int32) get_u32(&rd, "profiles[].priority");
		p->min_score = get_f32(&rd, "profiles[].min_score");
		mode = get_u8(&rd, "profiles[].match_mode");
		if (mode > 1)
			ruleset_error("profiles[].match_mode", "unknown mode %d", mode);
		p->weighted = mode == 1;
		get_text_list(&rd, &p->title_keywords, "profiles[].title_keywords");
		get_text_list(&rd, &p->title_exclude, "profiles[].title_exclude");
		get_labelset(&rd, &p->seniorities, PERSONA_SEN_COUNT, "profiles[].seniorities");
		get_labelset(&rd, &p->functions, PERSONA_FN_COUNT, "profiles[].functions");
		get_text_list(&rd, &p->industries, "profiles[].industries");
		employees = get_opt_string(&rd, "profiles[].employees");
		if (employees != NULL)
			ruleset_parse_employees(p, employees, "profiles[].employees");
		get_text_list(&rd, &p->countries, "profiles[].countries");
		p->attributes = get_opt_string(&rd, "profiles[].attributes");
		if (p->attributes != NULL)
			p->attributes = ruleset_attributes_from_text(p->attributes,
														 "profiles[].attributes");
		get_labelset(&rd, &p->buying_functions, PERSONA_FN_COUNT, "profiles[].buying_functions");
	}

	spec->nterms = (int) get_count(&rd, "lexicon", 14);
	spec->terms = palloc0(sizeof(RulesetTerm) * Max(spec->nterms, 1));
	for (i = 0; i < spec->nterms; i++)
	{
		RulesetTerm *t = &spec->terms[i];

		CHECK_FOR_INTERRUPTS();
		t->term = get_string(&rd, "lexicon[].term");
		t->canonical = get_opt_string(&rd, "lexicon[].canonical");
		t->seniority = get_label(&rd, PERSONA_SEN_COUNT, "lexicon[].seniority");
		t->function = get_label(&rd, PERSONA_FN_COUNT, "lexicon[].job_function");
		t->subfunction = get_opt_string(&rd, "lexicon[].subfunction");
	}

	spec->nroles = (int) get_count(&rd, "roles", 21);
	spec->roles = palloc0(sizeof(RulesetRole) * Max(spec->nroles, 1));
	for (i = 0; i < spec->nroles; i++)
	{
		RulesetRole *r = &spec->roles[i];

		CHECK_FOR_INTERRUPTS();
		r->weight = positive_zero(r->weight);
		r->code = get_string(&rd, "roles[].code");
		r->label = get_string(&rd, "roles[].label");
		r->required = get_bool(&rd, "roles[].required");
		r->weight = get_f32(&rd, "roles[].weight");
		r->display_order = (int32) get_u32(&rd, "roles[].display_order");
		r->sfdc_role = get_opt_string(&rd, "roles[].sfdc_role");
	}

	spec->nrules = (int) get_count(&rd, "role_rules", 17);
	spec->rules = palloc0(sizeof(RulesetRoleRule) * Max(spec->nrules, 1));
	for (i = 0; i < spec->nrules; i++)
	{
		RulesetRoleRule *r = &spec->rules[i];
		int8		bf;

		r->role = get_string(&rd, "role_rules[].role");
		get_labelset(&rd, &r->seniorities, PERSONA_SEN_COUNT, "role_rules[].seniorities");
		get_labelset(&rd, &r->functions, PERSONA_FN_COUNT, "role_rules[].functions");
		bf = (int8) get_u8(&rd, "role_rules[].buying_function");
		if (bf < -1 || bf > 1)
			ruleset_error("role_rules[].buying_function", "must be -1, 0 or 1, not %d", bf);
		r->buying_function = bf;
		r->has_min_employees = get_bool(&rd, "role_rules[].min_employees");
		r->min_employees = (int32) get_u32(&rd, "role_rules[].min_employees");
		r->has_max_employees = get_bool(&rd, "role_rules[].max_employees");
		r->max_employees = (int32) get_u32(&rd, "role_rules[].max_employees");
	}

	if (rd.pos != rd.end)
		ruleset_error("end", "%d bytes follow the last field", (int) (rd.end - rd.pos));

	ruleset_validate(spec);
	return spec;
}

/* ---------- stored form ---------- */

RulesetData *
ruleset_build(const RulesetSpec *spec)
{
	StringInfoData buf;
	RulesetData *r;
	uint64		hash;

	initStringInfo(&buf);
	ruleset_encode_payload(spec, &buf);

	if ((Size) buf.len > MaxAllocSize - RULESET_HEADER_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("persona.ruleset value is too large")));

	r = palloc0(RULESET_HEADER_SIZE + buf.len);
	SET_VARSIZE(r, RULESET_HEADER_SIZE + buf.len);
	r->format = RULESET_FORMAT;
	r->flags = 0;
	r->version = spec->version;
	hash = hash_bytes_extended((const unsigned char *) buf.data, buf.len, 0);
	r->hash_lo = (uint32) hash;
	r->hash_hi = (uint32) (hash >> 32);
	memcpy(r->payload, buf.data, buf.len);
	pfree(buf.data);
	return r;
}

RulesetSpec *
ruleset_unpack(const RulesetData *r)
{
	if (r->format != RULESET_FORMAT || r->flags != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("persona.ruleset value has unknown format %d", r->format),
				 errhint("The value was written by a newer version of persona; update the extension.")));
	return ruleset_decode_payload(r->payload, RulesetPayloadSize(r));
}
