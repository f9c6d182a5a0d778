/*-------------------------------------------------------------------------
 *
 * ruleset_json.c
 *	  The text form of persona.ruleset: canonical JSON (docs/ruleset.md).
 *
 * Input goes through PostgreSQL's own jsonb parser, so JSON syntax errors
 * read as they do everywhere else; what is checked here is the shape (known
 * keys, types, labels) with the path of anything wrong.  Output writes keys
 * in one fixed order with no white space and reals in their shortest exact
 * form, so the text of a value is unique and reads back to an equal value.
 *
 * src/ruleset_json.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "catalog/pg_type.h"
#include "common/shortest_dec.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "ruleset.h"
#include "title.h"

/* ---------- reading ---------- */

static const char *const top_keys[] = {"format", "version", "buying_functions",
"profiles", "lexicon", "roles", "role_rules", NULL};
static const char *const profile_keys[] = {"key", "name", "priority",
	"min_score", "match_mode", "title_keywords", "title_exclude", "seniorities",
	"functions", "industries", "employees", "countries", "attributes",
"buying_functions", NULL};
static const char *const term_keys[] = {"term", "canonical", "seniority",
"job_function", "subfunction", NULL};
static const char *const role_keys[] = {"code", "label", "required", "weight",
"display_order", "sfdc_role", NULL};
static const char *const rule_keys[] = {"role", "seniorities", "functions",
"buying_function", "min_employees", "max_employees", NULL};

static const char *
subpath(const char *path, const char *key)
{
	return psprintf("%s%s%s", path, *path ? "." : "", key);
}

static const char *
itempath(const char *path, int i)
{
	return psprintf("%s[%d]", path, i);
}

/* Refuse keys the form does not know: a typo must not pass silently. */
static void
check_keys(JsonbContainer *obj, const char *const *allowed, const char *path)
{
	JsonbIterator *it = JsonbIteratorInit(obj);
	JsonbValue	v;
	JsonbIteratorToken tok;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		const char *const *k;
		bool		known = false;

		if (tok != WJB_KEY)
			continue;
		for (k = allowed; *k && !known; k++)
			known = strlen(*k) == (size_t) v.val.string.len &&
				memcmp(*k, v.val.string.val, v.val.string.len) == 0;
		if (!known)
			ruleset_error(*path ? path : "the top level", "unknown key \"%s\"",
						  pnstrdup(v.val.string.val, v.val.string.len));
	}
}

/* The value of key in obj, or NULL when it is absent or JSON null. */
static JsonbValue *
get_value(JsonbContainer *obj, const char *key)
{
	JsonbValue	k;
	JsonbValue *v;

	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = (int) strlen(key);
	v = findJsonbValueFromContainer(obj, JB_FOBJECT, &k);
	if (v != NULL && v->type == jbvNull)
		return NULL;
	return v;
}

static JsonbContainer *
as_container(JsonbValue *v, bool array, const char *path)
{
	if (v->type != jbvBinary ||
		(array ? !JsonContainerIsArray(v->val.binary.data)
		 : !JsonContainerIsObject(v->val.binary.data)))
		ruleset_error(path, "must be a JSON %s", array ? "array" : "object");
	return v->val.binary.data;
}

static char *
as_string(JsonbValue *v, const char *path)
{
	if (v->type != jbvString)
		ruleset_error(path, "must be a string");
	return pnstrdup(v->val.string.val, v->val.string.len);
}

static double
as_number(JsonbValue *v, const char *path)
{
	char	   *text;
	char	   *end;
	double		d;

	if (v->type != jbvNumeric)
		ruleset_error(path, "must be a number");
	text = DatumGetCString(DirectFunctionCall1(numeric_out,
											   NumericGetDatum(v->val.numeric)));
	errno = 0;
	d = strtod(text, &end);
	if (*end != '\0' || errno == ERANGE || isinf(d) || isnan(d))
		ruleset_error(path, "%s is out of range", text);
	return d;
}

static int32
as_int(JsonbValue *v, const char *path)
{
	double		d = as_number(v, path);

	if (d != floor(d) || d < PG_INT32_MIN || d > PG_INT32_MAX)
		ruleset_error(path, "must be a whole number between %d and %d",
					  PG_INT32_MIN, PG_INT32_MAX);
	return (int32) d;
}

static float4
as_real(JsonbValue *v, const char *path)
{
	double		d = as_number(v, path);

	if (fabs(d) > FLT_MAX)
		ruleset_error(path, "out of range for a real");
	return (float4) d;
}

static bool
as_bool(JsonbValue *v, const char *path)
{
	if (v->type != jbvBool)
		ruleset_error(path, "must be true or false");
	return v->val.boolean;
}

static char *
get_string(JsonbContainer *obj, const char *key, bool required, const char *path)
{
	JsonbValue *v = get_value(obj, key);

	if (v == NULL)
	{
		if (required)
			ruleset_error(subpath(path, key), "a value is required");
		return NULL;
	}
	return as_string(v, subpath(path, key));
}

static int
label_number(const char *name, bool seniority)
{
	int			n = seniority ? PERSONA_SEN_COUNT : PERSONA_FN_COUNT;
	int			i;

	for (i = 0; i < n; i++)
		if (strcmp(name, seniority ? persona_seniority_name(i)
				   : persona_function_name(i)) == 0)
			return i;
	return -1;
}

static int8
get_label(JsonbContainer *obj, const char *key, bool seniority, const char *path)
{
	char	   *name = get_string(obj, key, false, path);
	int			label;

	if (name == NULL)
		return -1;
	label = label_number(name, seniority);
	if (label < 0)
		ruleset_error(subpath(path, key), "\"%s\" is not a %s label", name,
					  seniority ? "persona.seniority" : "persona.job_function");
	return (int8) label;
}

static void
get_labelset(JsonbContainer *obj, const char *key, bool seniority,
			 LabelSet *set, const char *path)
{
	JsonbValue *v = get_value(obj, key);
	JsonbContainer *arr;
	const char *here = subpath(path, key);
	int			i,
				n;

	set->present = false;
	set->bits = 0;
	if (v == NULL)
		return;
	arr = as_container(v, true, here);
	n = JsonContainerSize(arr);
	for (i = 0; i < n; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(arr, i);
		char	   *name = as_string(e, itempath(here, i));
		int			label = label_number(name, seniority);

		if (label < 0)
			ruleset_error(itempath(here, i), "\"%s\" is not a %s label", name,
						  seniority ? "persona.seniority" : "persona.job_function");
		set->bits |= (uint32) 1 << label;
	}
	/* An empty list constrains nothing, like NULL (SPEC section 4). */
	set->present = set->bits != 0;
}

static void
get_text_list(JsonbContainer *obj, const char *key, TextList *list,
			  const char *path)
{
	JsonbValue *v = get_value(obj, key);
	JsonbContainer *arr;
	const char *here = subpath(path, key);
	int			i;

	list->n = 0;
	list->items = NULL;
	if (v == NULL)
		return;
	arr = as_container(v, true, here);
	list->n = JsonContainerSize(arr);
	if (list->n > RULESET_MAX_ITEMS)
		ruleset_error(here, "more than %d items", RULESET_MAX_ITEMS);
	list->items = list->n > 0 ? palloc(sizeof(char *) * list->n) : NULL;
	for (i = 0; i < list->n; i++)
		list->items[i] = as_string(getIthJsonbValueFromContainer(arr, i),
								   itempath(here, i));
}

/*
 * Re-raise the error a built-in input function (int4range, jsonb) just
 * threw as a ruleset error that names the path, in the caller's context;
 * any error but a data exception goes on as it was.
 */
static pg_attribute_noreturn() void
input_error_at(MemoryContext cxt, const char *path)
{
	ErrorData  *edata;

	MemoryContextSwitchTo(cxt);
	edata = CopyErrorData();
	FlushErrorState();
	/* only a bad value is the ruleset's fault: a cancel or out-of-memory is not */
	if (ERRCODE_TO_CATEGORY(edata->sqlerrcode) != ERRCODE_DATA_EXCEPTION)
		ReThrowError(edata);
	ruleset_error(path, "%s", edata->message);
}

void
ruleset_parse_employees(RulesetProfile *p, const char *literal, const char *path)
{
	MemoryContext cxt = CurrentMemoryContext;
	TypeCacheEntry *typcache = lookup_type_cache(INT4RANGEOID, TYPECACHE_RANGE_INFO);
	Oid			typinput,
				typioparam,
				typoutput;
	bool		isvarlena;
	RangeType  *range = NULL;
	RangeBound	lower,
				upper;
	bool		empty;

	getTypeInputInfo(INT4RANGEOID, &typinput, &typioparam);
	PG_TRY();
	{
		range = DatumGetRangeTypeP(OidInputFunctionCall(typinput, (char *) literal,
														typioparam, -1));
	}
	PG_CATCH();
	{
		input_error_at(cxt, path);
	}
	PG_END_TRY();

	range_deserialize(typcache, range, &lower, &upper, &empty);
	if (empty)
		ruleset_error(path, "the range is empty");
	p->has_employees = true;
	/* int4range is canonical as [lo,hi): lower inclusive, upper exclusive. */
	p->employees_lo = lower.infinite ? PG_INT64_MIN : DatumGetInt32(lower.val);
	p->employees_hi = upper.infinite ? PG_INT64_MAX : DatumGetInt32(upper.val);
	getTypeOutputInfo(INT4RANGEOID, &typoutput, &isvarlena);
	p->employees = OidOutputFunctionCall(typoutput, RangeTypePGetDatum(range));
}

/* An object of scalars, as jsonb's own canonical text; NULL when empty. */
static char *
canonical_attributes(JsonbContainer *attrs, const char *path)
{
	JsonbIterator *it;
	JsonbValue	e;
	JsonbIteratorToken tok;

	if (JsonContainerSize(attrs) == 0)
		return NULL;
	it = JsonbIteratorInit(attrs);
	while ((tok = JsonbIteratorNext(&it, &e, true)) != WJB_DONE)
	{
		if (tok == WJB_VALUE &&
			e.type != jbvString && e.type != jbvNumeric && e.type != jbvBool)
			ruleset_error(path, "values must be strings, numbers or booleans");
	}
	return JsonbToCString(NULL, attrs, -1);
}

static char *
get_attributes(JsonbContainer *obj, const char *path)
{
	JsonbValue *v = get_value(obj, "attributes");
	const char *here = subpath(path, "attributes");

	if (v == NULL)
		return NULL;
	return canonical_attributes(as_container(v, false, here), here);
}

char *
ruleset_attributes_from_text(const char *text, const char *path)
{
	MemoryContext cxt = CurrentMemoryContext;
	Jsonb	   *jb = NULL;

	PG_TRY();
	{
		jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(text)));
	}
	PG_CATCH();
	{
		input_error_at(cxt, path);
	}
	PG_END_TRY();

	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		ruleset_error(path, "must be a JSON object");
	return canonical_attributes(&jb->root, path);
}

static void
parse_profile(JsonbContainer *obj, void *item, const char *path)
{
	RulesetProfile *p = item;
	JsonbValue *v;
	char	   *mode;
	char	   *employees;

	check_keys(obj, profile_keys, path);
	p->key = get_string(obj, "key", true, path);
	p->name = get_string(obj, "name", true, path);
	v = get_value(obj, "priority");
	p->priority = v ? as_int(v, subpath(path, "priority")) : 0;
	v = get_value(obj, "min_score");
	p->min_score = v ? as_real(v, subpath(path, "min_score")) : 0.5f;
	mode = get_string(obj, "match_mode", false, path);
	if (mode == NULL || strcmp(mode, "all") == 0)
		p->weighted = false;
	else if (strcmp(mode, "weighted") == 0)
		p->weighted = true;
	else
		ruleset_error(subpath(path, "match_mode"),
					  "\"%s\" is not a match mode (all or weighted)", mode);
	get_text_list(obj, "title_keywords", &p->title_keywords, path);
	get_text_list(obj, "title_exclude", &p->title_exclude, path);
	get_labelset(obj, "seniorities", true, &p->seniorities, path);
	get_labelset(obj, "functions", false, &p->functions, path);
	get_text_list(obj, "industries", &p->industries, path);
	employees = get_string(obj, "employees", false, path);
	if (employees != NULL)
		ruleset_parse_employees(p, employees, subpath(path, "employees"));
	get_text_list(obj, "countries", &p->countries, path);
	p->attributes = get_attributes(obj, path);
	get_labelset(obj, "buying_functions", false, &p->buying_functions, path);
}

static void
parse_term(JsonbContainer *obj, void *item, const char *path)
{
	RulesetTerm *t = item;
	check_keys(obj, term_keys, path);
	t->term = get_string(obj, "term", true, path);
	t->canonical = get_string(obj, "canonical", false, path);
	t->seniority = get_label(obj, "seniority", true, path);
	t->function = get_label(obj, "job_function", false, path);
	t->subfunction = get_string(obj, "subfunction", false, path);
}

static void
parse_role(JsonbContainer *obj, void *item, const char *path)
{
	RulesetRole *r = item;
	JsonbValue *v;

	check_keys(obj, role_keys, path);
	r->code = get_string(obj, "code", true, path);
	r->label = get_string(obj, "label", true, path);
	v = get_value(obj, "required");
	r->required = v ? as_bool(v, subpath(path, "required")) : false;
	v = get_value(obj, "weight");
	r->weight = v ? as_real(v, subpath(path, "weight")) : 1.0f;
	v = get_value(obj, "display_order");
	r->display_order = v ? as_int(v, subpath(path, "display_order")) : 0;
	r->sfdc_role = get_string(obj, "sfdc_role", false, path);
}

static void
parse_rule(JsonbContainer *obj, void *item, const char *path)
{
	RulesetRoleRule *r = item;
	JsonbValue *v;

	check_keys(obj, rule_keys, path);
	r->role = get_string(obj, "role", true, path);
	get_labelset(obj, "seniorities", true, &r->seniorities, path);
	get_labelset(obj, "functions", false, &r->functions, path);
	v = get_value(obj, "buying_function");
	r->buying_function = v ? (as_bool(v, subpath(path, "buying_function")) ? 1 : 0) : -1;
	v = get_value(obj, "min_employees");
	r->has_min_employees = v != NULL;
	r->min_employees = v ? as_int(v, subpath(path, "min_employees")) : 0;
	v = get_value(obj, "max_employees");
	r->has_max_employees = v != NULL;
	r->max_employees = v ? as_int(v, subpath(path, "max_employees")) : 0;
}

typedef void (*ItemParser) (JsonbContainer *obj, void *item, const char *path);

/*
 * The array of objects under key, each read by parse into an array of
 * items of item_size bytes (zeroed first); *n is how many.
 */
static void *
parse_items(JsonbContainer *root, const char *key, size_t item_size,
			ItemParser parse, int *n)
{
	JsonbValue *v = get_value(root, key);
	JsonbContainer *arr = NULL;
	char	   *items;
	int			i;

	*n = 0;
	if (v != NULL)
	{
		arr = as_container(v, true, key);
		*n = JsonContainerSize(arr);
		if (*n > RULESET_MAX_ITEMS)
			ruleset_error(key, "more than %d items", RULESET_MAX_ITEMS);
	}
	items = palloc0(item_size * Max(*n, 1));
	for (i = 0; i < *n; i++)
	{
		const char *path = itempath(key, i);
		JsonbValue *item = getIthJsonbValueFromContainer(arr, i);

		CHECK_FOR_INTERRUPTS();
		parse(as_container(item, false, path), items + i * item_size, path);
	}
	return items;
}

RulesetSpec *
ruleset_parse_json(const char *text)
{
	RulesetSpec *spec = palloc0(sizeof(RulesetSpec));
	Jsonb	   *jb;
	JsonbContainer *root;
	JsonbValue *v;

	jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(text)));
	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		ruleset_error("the top level", "a ruleset is a JSON object");
	root = &jb->root;
	check_keys(root, top_keys, "");

	v = get_value(root, "format");
	if (v == NULL)
		ruleset_error("format", "a value is required");
	if (as_int(v, "format") != RULESET_FORMAT)
		ruleset_error("format", "only format %d is known", RULESET_FORMAT);
	v = get_value(root, "version");
	spec->version = v ? as_int(v, "version") : 0;
	if (v != NULL && spec->version <= 0)
		ruleset_error("version", "must be a positive integer or null");
	get_labelset(root, "buying_functions", false, &spec->buying_functions, "");

	spec->profiles = parse_items(root, "profiles", sizeof(RulesetProfile),
								 parse_profile, &spec->nprofiles);
	spec->terms = parse_items(root, "lexicon", sizeof(RulesetTerm),
							  parse_term, &spec->nterms);
	spec->roles = parse_items(root, "roles", sizeof(RulesetRole),
							  parse_role, &spec->nroles);
	spec->rules = parse_items(root, "role_rules", sizeof(RulesetRoleRule),
							  parse_rule, &spec->nrules);

	ruleset_validate(spec);
	return spec;
}

/* ---------- writing ---------- */

static void
write_key(StringInfo out, const char *key, bool first)
{
	if (!first)
		appendStringInfoChar(out, ',');
	escape_json(out, key);
	appendStringInfoChar(out, ':');
}

static void
write_opt_string(StringInfo out, const char *key, const char *value, bool first)
{
	write_key(out, key, first);
	if (value == NULL)
		appendStringInfoString(out, "null");
	else
		escape_json(out, value);
}

static void
write_real(StringInfo out, const char *key, float4 value)
{
	char		buf[FLOAT_SHORTEST_DECIMAL_LEN];

	write_key(out, key, false);
	float_to_shortest_decimal_buf(value, buf);
	appendStringInfoString(out, buf);
}

static void
write_int(StringInfo out, const char *key, int32 value, bool present)
{
	write_key(out, key, false);
	if (present)
		appendStringInfo(out, "%d", value);
	else
		appendStringInfoString(out, "null");
}

static void
write_text_list(StringInfo out, const char *key, const TextList *list)
{
	int			i;

	write_key(out, key, false);
	if (list->n == 0)
	{
		appendStringInfoString(out, "null");
		return;
	}
	appendStringInfoChar(out, '[');
	for (i = 0; i < list->n; i++)
	{
		if (i > 0)
			appendStringInfoChar(out, ',');
		escape_json(out, list->items[i]);
	}
	appendStringInfoChar(out, ']');
}

static void
write_labelset(StringInfo out, const char *key, const LabelSet *set,
			   bool seniority, bool first)
{
	int			n = seniority ? PERSONA_SEN_COUNT : PERSONA_FN_COUNT;
	int			i;
	bool		any = false;

	write_key(out, key, first);
	if (!set->present)
	{
		appendStringInfoString(out, "null");
		return;
	}
	appendStringInfoChar(out, '[');
	for (i = 0; i < n; i++)
	{
		if (!labelset_contains(set, i))
			continue;
		if (any)
			appendStringInfoChar(out, ',');
		escape_json(out, seniority ? persona_seniority_name(i) : persona_function_name(i));
		any = true;
	}
	appendStringInfoChar(out, ']');
}

static void
write_label(StringInfo out, const char *key, int label, bool seniority)
{
	write_opt_string(out, key, label < 0 ? NULL :
					 (seniority ? persona_seniority_name(label) : persona_function_name(label)),
					 false);
}

void
ruleset_write_json(const RulesetSpec *spec, StringInfo out)
{
	int			i;

	appendStringInfoString(out, "{\"format\":1");
	write_int(out, "version", spec->version, spec->version > 0);
	write_labelset(out, "buying_functions", &spec->buying_functions, false, false);

	write_key(out, "profiles", false);
	appendStringInfoChar(out, '[');
	for (i = 0; i < spec->nprofiles; i++)
	{
		const RulesetProfile *p = &spec->profiles[i];

		appendStringInfoString(out, i > 0 ? ",{" : "{");
		write_opt_string(out, "key", p->key, true);
		write_opt_string(out, "name", p->name, false);
		write_int(out, "priority", p->priority, true);
		write_real(out, "min_score", p->min_score);
		write_opt_string(out, "match_mode", p->weighted ? "weighted" : "all", false);
		write_text_list(out, "title_keywords", &p->title_keywords);
		write_text_list(out, "title_exclude", &p->title_exclude);
		write_labelset(out, "seniorities", &p->seniorities, true, false);
		write_labelset(out, "functions", &p->functions, false, false);
		write_text_list(out, "industries", &p->industries);
		write_opt_string(out, "employees", p->has_employees ? p->employees : NULL, false);
		write_text_list(out, "countries", &p->countries);
		write_key(out, "attributes", false);
		appendStringInfoString(out, p->attributes ? p->attributes : "null");
		write_labelset(out, "buying_functions", &p->buying_functions, false, false);
		appendStringInfoChar(out, '}');
	}
	appendStringInfoChar(out, ']');

	write_key(out, "lexicon", false);
	appendStringInfoChar(out, '[');
	for (i = 0; i < spec->nterms; i++)
	{
		const RulesetTerm *t = &spec->terms[i];

		appendStringInfoString(out, i > 0 ? ",{" : "{");
		write_opt_string(out, "term", t->term, true);
		write_opt_string(out, "canonical", t->canonical, false);
		write_label(out, "seniority", t->seniority, true);
		write_label(out, "job_function", t->function, false);
		write_opt_string(out, "subfunction", t->subfunction, false);
		appendStringInfoChar(out, '}');
	}
	appendStringInfoChar(out, ']');

	write_key(out, "roles", false);
	appendStringInfoChar(out, '[');
	for (i = 0; i < spec->nroles; i++)
	{
		const RulesetRole *r = &spec->roles[i];

		appendStringInfoString(out, i > 0 ? ",{" : "{");
		write_opt_string(out, "code", r->code, true);
		write_opt_string(out, "label", r->label, false);
		write_key(out, "required", false);
		appendStringInfoString(out, r->required ? "true" : "false");
		write_real(out, "weight", r->weight);
		write_int(out, "display_order", r->display_order, true);
		write_opt_string(out, "sfdc_role", r->sfdc_role, false);
		appendStringInfoChar(out, '}');
	}
	appendStringInfoChar(out, ']');

	write_key(out, "role_rules", false);
	appendStringInfoChar(out, '[');
	for (i = 0; i < spec->nrules; i++)
	{
		const RulesetRoleRule *r = &spec->rules[i];

		appendStringInfoString(out, i > 0 ? ",{" : "{");
		write_opt_string(out, "role", r->role, true);
		write_labelset(out, "seniorities", &r->seniorities, true, false);
		write_labelset(out, "functions", &r->functions, false, false);
		write_key(out, "buying_function", false);
		appendStringInfoString(out, r->buying_function < 0 ? "null" :
							   r->buying_function ? "true" : "false");
		write_int(out, "min_employees", r->min_employees, r->has_min_employees);
		write_int(out, "max_employees", r->max_employees, r->has_max_employees);
		appendStringInfoChar(out, '}');
	}
	appendStringInfoString(out, "]}");
}
