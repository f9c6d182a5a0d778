/*-------------------------------------------------------------------------
 *
 * match_sql.c
 *	  SQL-callable matching: persona.match, persona.match_persona, persona.match_all,
 *	  persona.explain (each with an explicit ruleset, IMMUTABLE, or with the
 *	  active one, STABLE) and persona.infer_role.
 *
 * With an explicit ruleset the matcher is cached per call site (fn_extra)
 * and keyed by the value: a Const or Param argument is built once per
 * query; any other argument is checked per row by the size and hash in its
 * header, read in place when the value is in-line, and otherwise by
 * decompressing or fetching the header alone (ruleset_arg_is).
 *
 * src/match_sql.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/inval.h"
#include "utils/jsonb.h"

#include "active.h"
#include "matcher.h"
#include "taxonomy.h"

typedef struct MatchCallSite
{
	Matcher    *matcher;		/* built from an explicit ruleset argument */
	bool		arg_stable;		/* that argument is a Const or Param */
	TupleDesc	tupdesc;		/* of persona.match_result */
} MatchCallSite;

static MatchCallSite *
call_site(FunctionCallInfo fcinfo)
{
	MatchCallSite *site = fcinfo->flinfo->fn_extra;

	if (site == NULL)
	{
		site = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(MatchCallSite));
		site->arg_stable = get_fn_expr_arg_stable(fcinfo->flinfo, 0);
		fcinfo->flinfo->fn_extra = site;
		/* A publish committed by another session counts from this statement. */
		AcceptInvalidationMessages();
	}
	return site;
}

/*
 * Is the ruleset value the one the matcher was built from?  Its size and
 * the hash in its header say so.  A ruleset read from a table is usually
 * compressed or stored out of line: only its header is decompressed or
 * fetched then, not the whole value, for every row of a query such as
 * persona.match(v.ruleset, ...) over a join with persona.ruleset_version.
 */
static bool
ruleset_arg_is(const Matcher *m, Datum value)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(value);
	RulesetData *head;
	bool		same;

	if (!VARATT_IS_EXTERNAL(raw) && !VARATT_IS_COMPRESSED(raw))
	{
		/* In line: read in place (a short header is copied to a long one). */
		RulesetData *r = (RulesetData *) PG_DETOAST_DATUM(value);

		same = m->size == (int32) VARSIZE(r) && m->hash == RulesetHash(r);
		if ((Pointer) r != (Pointer) raw)
			pfree(r);
		return same;
	}
	if (m->size != (int32) toast_raw_datum_size(value))
		return false;
	head = (RulesetData *) PG_DETOAST_DATUM_SLICE(value, 0, RULESET_HEADER_SIZE - VARHDRSZ);
	same = VARSIZE(head) == RULESET_HEADER_SIZE && m->hash == RulesetHash(head);
	pfree(head);
	return same;
}

/* The matcher for the ruleset in argument 0 (not NULL). */
static Matcher *
ruleset_arg_matcher(FunctionCallInfo fcinfo, MatchCallSite *site)
{
	RulesetData *r;

	if (site->matcher && (site->arg_stable || ruleset_arg_is(site->matcher, PG_GETARG_DATUM(0))))
		return site->matcher;

	r = PG_GETARG_RULESET_P(0);
	if (site->matcher)
		matcher_free(site->matcher);
	site->matcher = NULL;
	site->matcher = matcher_build(r, fcinfo->flinfo->fn_mcxt);
	if ((Pointer) r != DatumGetPointer(PG_GETARG_DATUM(0)))
		pfree(r);
	return site->matcher;
}

/* The lead of arguments first .. first + 5 (title .. attrs). */
static void
lead_from_args(FunctionCallInfo fcinfo, int first, MatchLead *lead)
{
	lead->title = PG_ARGISNULL(first) ? (Datum) 0 : PG_GETARG_DATUM(first);
	lead->department = PG_ARGISNULL(first + 1) ? (Datum) 0 : PG_GETARG_DATUM(first + 1);
	matcher_text_arg(PG_ARGISNULL(first + 2) ? (Datum) 0 : PG_GETARG_DATUM(first + 2),
					 &lead->industry, &lead->industry_len);
	lead->has_employees = !PG_ARGISNULL(first + 3);
	lead->employees = lead->has_employees ? PG_GETARG_INT32(first + 3) : 0;
	matcher_text_arg(PG_ARGISNULL(first + 4) ? (Datum) 0 : PG_GETARG_DATUM(first + 4),
					 &lead->country, &lead->country_len);
	lead->attrs = PG_ARGISNULL(first + 5) ? (Datum) 0 : PG_GETARG_DATUM(first + 5);
}

static TupleDesc
result_tupdesc(FunctionCallInfo fcinfo, MatchCallSite *site)
{
	if (site->tupdesc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		TupleDesc	td;

		if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "persona matching function must return persona.match_result");
		site->tupdesc = BlessTupleDesc(CreateTupleDescCopy(td));
		MemoryContextSwitchTo(old);
	}
	return site->tupdesc;
}

static Datum
nullable_text(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return s ? CStringGetTextDatum(s) : (Datum) 0;
}

/* One persona.match_result row. */
static HeapTuple
result_tuple(const Matcher *m, TupleDesc td, int profile, float4 score,
			 int runner_up, float4 runner_up_score, int role)
{
	const RulesetSpec *spec = m->spec;
	Datum		values[9];
	bool		nulls[9];

	nulls[0] = profile < 0;
	values[0] = nulls[0] ? (Datum) 0 : m->profile_keys[profile];
	values[1] = Float4GetDatum(score);
	nulls[1] = false;
	nulls[2] = role < 0;
	values[2] = nulls[2] ? (Datum) 0 : m->role_codes[role];
	nulls[3] = m->seniority == PERSONA_SEN_NONE;
	values[3] = nulls[3] ? (Datum) 0 : persona_seniority_datum(m->seniority);
	nulls[4] = m->function == PERSONA_FN_NONE;
	values[4] = nulls[4] ? (Datum) 0 : persona_function_datum(m->function);
	nulls[5] = profile < 0;
	values[5] = nulls[5] ? (Datum) 0 : m->profile_names[profile];
	nulls[6] = runner_up < 0;
	values[6] = nulls[6] ? (Datum) 0 : m->profile_keys[runner_up];
	values[7] = Float4GetDatum(runner_up_score);
	nulls[7] = runner_up < 0;
	values[8] = Int32GetDatum(spec->version);
	nulls[8] = spec->version <= 0;
	return heap_form_tuple(td, values, nulls);
}

static Datum
match_one(FunctionCallInfo fcinfo, Matcher *m, MatchCallSite *site, int first)
{
	MatchLead	lead;
	MatchOutcome out;

	lead_from_args(fcinfo, first, &lead);
	matcher_match(m, &lead, &out, false);
	return HeapTupleGetDatum(result_tuple(m, result_tupdesc(fcinfo, site),
										  out.best, out.score,
										  out.runner_up, out.runner_up_score,
										  out.role));
}

PG_FUNCTION_INFO_V1(persona_match);
Datum
persona_match(PG_FUNCTION_ARGS)
{
	MatchCallSite *site = call_site(fcinfo);

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	return match_one(fcinfo, ruleset_arg_matcher(fcinfo, site), site, 1);
}

PG_FUNCTION_INFO_V1(persona_match_active);
Datum
persona_match_active(PG_FUNCTION_ARGS)
{
	MatchCallSite *site = call_site(fcinfo);

	return match_one(fcinfo, persona_active_matcher_required(), site, 0);
}

/*
 * persona.match_persona: the persona key of persona.match alone, with no
 * result row to build.  The key is copied: the matcher that holds it can be
 * rebuilt by the next row while this result is still in use.
 */
static Datum
match_persona_key(FunctionCallInfo fcinfo, Matcher *m, int first)
{
	MatchLead	lead;
	MatchOutcome out;

	lead_from_args(fcinfo, first, &lead);
	matcher_match(m, &lead, &out, false);
	if (out.best < 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(datumCopy(m->profile_keys[out.best], false, -1));
}

PG_FUNCTION_INFO_V1(persona_match_persona);
Datum
persona_match_persona(PG_FUNCTION_ARGS)
{
	MatchCallSite *site = call_site(fcinfo);

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	return match_persona_key(fcinfo, ruleset_arg_matcher(fcinfo, site), 1);
}

PG_FUNCTION_INFO_V1(persona_match_persona_active);
Datum
persona_match_persona_active(PG_FUNCTION_ARGS)
{
	(void) call_site(fcinfo);
	return match_persona_key(fcinfo, persona_active_matcher_required(), 0);
}

/* The buying functions a role is inferred with, for a lead of profile i. */
static const LabelSet *
buying_functions_of(const Matcher *m, int profile)
{
	if (profile >= 0 && m->spec->profiles[profile].buying_functions.present)
		return &m->spec->profiles[profile].buying_functions;
	return &m->spec->buying_functions;
}

static void
match_all(FunctionCallInfo fcinfo, Matcher *m, int first)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MatchLead	lead;
	MatchOutcome out;
	int		   *order;
	int			n,
				i;

	InitMaterializedSRF(fcinfo, MAT_SRF_BLESS);
	lead_from_args(fcinfo, first, &lead);
	matcher_match(m, &lead, &out, false);
	order = palloc(sizeof(int) * Max(m->spec->nprofiles, 1));
	n = matcher_ranked(m, order);
	for (i = 0; i < n; i++)
	{
		int			p = order[i];
		int			next = i + 1 < n ? order[i + 1] : -1;
		int			role = matcher_infer_role(m, m->seniority, m->function,
											  lead.has_employees, lead.employees,
											  buying_functions_of(m, p));

		tuplestore_puttuple(rsinfo->setResult,
							result_tuple(m, rsinfo->setDesc, p, m->results[p].score,
										 next, next >= 0 ? m->results[next].score : 0,
										 role));
	}
}

PG_FUNCTION_INFO_V1(persona_match_all);
Datum
persona_match_all(PG_FUNCTION_ARGS)
{
	MatchCallSite *site = call_site(fcinfo);

	if (!PG_ARGISNULL(0))
		match_all(fcinfo, ruleset_arg_matcher(fcinfo, site), 1);
	else
		InitMaterializedSRF(fcinfo, MAT_SRF_BLESS);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(persona_match_all_active);
Datum
persona_match_all_active(PG_FUNCTION_ARGS)
{
	call_site(fcinfo);
	match_all(fcinfo, persona_active_matcher_required(), 0);
	return (Datum) 0;
}

/* ---------- explain ---------- */

static const char *const criterion_name[CRIT_COUNT] = {
	"title_keywords", "title_exclude", "seniorities", "functions",
	"industries", "employees", "countries", "attributes"
};

static char *
join_list(const TextList *list)
{
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	for (i = 0; i < list->n; i++)
		appendStringInfo(&buf, "%s%s", i ? ", " : "", list->items[i]);
	return buf.data;
}

static char *
join_labels(const LabelSet *set, bool seniority)
{
	StringInfoData buf;
	int			n = seniority ? PERSONA_SEN_COUNT : PERSONA_FN_COUNT;
	int			i;

	initStringInfo(&buf);
	for (i = 0; i < n; i++)
		if (labelset_contains(set, i))
			appendStringInfo(&buf, "%s%s", buf.len ? ", " : "",
							 seniority ? persona_seniority_name(i) : persona_function_name(i));
	return buf.data;
}

/* What the profile asks for, as text. */
static char *
criterion_setting(const RulesetProfile *p, int crit)
{
	switch (crit)
	{
		case CRIT_TITLE_KEYWORDS:
			return join_list(&p->title_keywords);
		case CRIT_TITLE_EXCLUDE:
			return join_list(&p->title_exclude);
		case CRIT_SENIORITIES:
			return join_labels(&p->seniorities, true);
		case CRIT_FUNCTIONS:
			return join_labels(&p->functions, false);
		case CRIT_INDUSTRIES:
			return join_list(&p->industries);
		case CRIT_EMPLOYEES:
			return pstrdup(p->employees);
		case CRIT_COUNTRIES:
			return join_list(&p->countries);
		case CRIT_ATTRIBUTES:
			return pstrdup(p->attributes);
	}
	return NULL;
}

/* What the lead has for the criterion, as text, or NULL. */
static char *
criterion_lead_value(const Matcher *m, const MatchLead *lead,
					 const MatchProfile *mp, const CriterionResult *c, int crit)
{
	switch (crit)
	{
		case CRIT_TITLE_KEYWORDS:
		case CRIT_TITLE_EXCLUDE:
			if (c->keyword >= 0)
				return psprintf("%s (keyword \"%s\")", m->title.normalized,
								crit == CRIT_TITLE_KEYWORDS ?
								mp->profile->title_keywords.items[c->keyword] :
								mp->profile->title_exclude.items[c->keyword]);
			return m->title.normalized_len ? pstrdup(m->title.normalized) : NULL;
		case CRIT_SENIORITIES:
			return m->seniority >= 0 ? pstrdup(persona_seniority_name(m->seniority)) : NULL;
		case CRIT_FUNCTIONS:
			{
				LabelSet	others = {true, 0};

				if (m->function < 0)
					return NULL;
				others.bits = m->functions & ~((uint32) 1 << m->function);
				if (others.bits == 0)
					return pstrdup(persona_function_name(m->function));
				return psprintf("%s (also: %s)", persona_function_name(m->function),
								join_labels(&others, false));
			}
		case CRIT_INDUSTRIES:
			return lead->industry ? pnstrdup(lead->industry, lead->industry_len) : NULL;
		case CRIT_EMPLOYEES:
			return lead->has_employees ? psprintf("%d", lead->employees) : NULL;
		case CRIT_COUNTRIES:
			return lead->country ? pnstrdup(lead->country, lead->country_len) : NULL;
		case CRIT_ATTRIBUTES:
			{
				Jsonb	   *attrs;

				if (lead->attrs == (Datum) 0)
					return NULL;
				attrs = DatumGetJsonbP(lead->attrs);
				return JsonbToCString(NULL, &attrs->root, VARSIZE(attrs));
			}
	}
	return NULL;
}

static void
explain(FunctionCallInfo fcinfo, Matcher *m, int first)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MatchLead	lead;
	MatchOutcome out;
	int			i,
				k;

	InitMaterializedSRF(fcinfo, 0);
	lead_from_args(fcinfo, first, &lead);
	matcher_match(m, &lead, &out, true);

	for (i = 0; i < m->spec->nprofiles; i++)
	{
		const ProfileResult *res = &m->results[i];
		float4		total = 0;

		for (k = 0; k < CRIT_COUNT; k++)
			if (res->criteria[k].set)
				total += res->criteria[k].weight;

		for (k = 0; k < CRIT_COUNT; k++)
		{
			const CriterionResult *c = &res->criteria[k];
			Datum		values[10];
			bool		nulls[10] = {0};
			char	   *lead_value;

			if (!c->set)
				continue;
			values[0] = CStringGetTextDatum(m->spec->profiles[i].key);
			values[1] = CStringGetTextDatum(criterion_name[k]);
			values[2] = CStringGetTextDatum(criterion_setting(&m->spec->profiles[i], k));
			lead_value = criterion_lead_value(m, &lead, &m->profiles[i], c, k);
			values[3] = nullable_text(lead_value, &nulls[3]);
			values[4] = BoolGetDatum(c->held);
			values[5] = Float4GetDatum(c->weight);
			values[6] = Float4GetDatum(c->quality);
			values[7] = Float4GetDatum(total > 0 ? c->weight * c->quality / total : 0);
			values[8] = Float4GetDatum(res->score);
			values[9] = BoolGetDatum(res->reached);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
}

PG_FUNCTION_INFO_V1(persona_explain);
Datum
persona_explain(PG_FUNCTION_ARGS)
{
	MatchCallSite *site = call_site(fcinfo);

	if (!PG_ARGISNULL(0))
		explain(fcinfo, ruleset_arg_matcher(fcinfo, site), 1);
	else
		InitMaterializedSRF(fcinfo, 0);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(persona_explain_active);
Datum
persona_explain_active(PG_FUNCTION_ARGS)
{
	call_site(fcinfo);
	explain(fcinfo, persona_active_matcher_required(), 0);
	return (Datum) 0;
}

/* ---------- roles ---------- */

PG_FUNCTION_INFO_V1(persona_infer_role);
Datum
persona_infer_role(PG_FUNCTION_ARGS)
{
	MatchCallSite *site = call_site(fcinfo);
	Matcher    *m;
	int			seniority;
	int			function;
	LabelSet	buying;
	int			role;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	m = ruleset_arg_matcher(fcinfo, site);
	seniority = PG_ARGISNULL(1) ? PERSONA_SEN_NONE : persona_seniority_from_oid(PG_GETARG_OID(1));
	function = PG_ARGISNULL(2) ? PERSONA_FN_NONE : persona_function_from_oid(PG_GETARG_OID(2));

	buying = m->spec->buying_functions;
	if (!PG_ARGISNULL(4))
	{
		ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(4);
		Datum	   *elems;
		bool	   *elem_nulls;
		int			n,
					i;

		deconstruct_array(arr, ARR_ELEMTYPE(arr), sizeof(Oid), true, TYPALIGN_INT,
						  &elems, &elem_nulls, &n);
		buying.present = true;
		buying.bits = 0;
		for (i = 0; i < n; i++)
		{
			int			f = elem_nulls[i] ? PERSONA_FN_NONE :
				persona_function_from_oid(DatumGetObjectId(elems[i]));

			if (f >= 0)
				buying.bits |= (uint32) 1 << f;
		}
	}

	role = matcher_infer_role(m, seniority, function, !PG_ARGISNULL(3),
							  PG_ARGISNULL(3) ? 0 : PG_GETARG_INT32(3), &buying);
	if (role < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(m->spec->roles[role].code));
}
