/*-------------------------------------------------------------------------
 *
 * title_sql.c
 *	  SQL-callable title intelligence: persona.title_seniority,
 *	  persona.title_function, persona.title_parse, persona.title_explain and
 *	  persona.title_normalize.
 *
 * All of them go through classify_title_datum(), which reads the title
 * through title_bytes_get() and remembers the last title it classified.  Queries that ask for the
 * seniority and the function of the same row (the usual case) therefore
 * classify each title once.  The remembered result is backend-local and
 * keyed by the exact bytes, so it can never answer for another title.
 *
 * src/title_sql.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "taxonomy.h"
#include "title.h"
#include "title_input.h"

PG_MODULE_MAGIC;

/*
 * The last title classified in this backend, and its result.  A result
 * classified for the labels alone (no normalised form, no evidence) serves
 * title_seniority and title_function; the other functions need it whole.
 */
static char last_title[PERSONA_TITLE_MAX_BYTES];
static size_t last_title_len;
static bool last_title_valid = false;
static bool last_title_whole = false;
static PersonaTitle last_result;

/*
 * Classify a text Datum with the built-in lexicon; whole asks for the
 * normalised form and the evidence too.  The result lives until the next
 * call; callers copy what they keep.
 */
static const PersonaTitle *
classify_title_datum(Datum datum, bool whole)
{
	TitleBytes	tb;

	title_bytes_get(datum, &tb);
	if (!(last_title_valid && (last_title_whole || !whole) &&
		  last_title_len == tb.len && memcmp(last_title, tb.data, tb.len) == 0))
	{
		/* Invalidate first: nothing below may leave a half-written entry. */
		last_title_valid = false;
		persona_title_classify_flags(tb.data, tb.len, NULL,
									 whole ? 0 : PERSONA_CLASSIFY_NO_EVIDENCE | PERSONA_CLASSIFY_NO_NORMALIZED,
									 &last_result);
		memcpy(last_title, tb.data, tb.len);
		last_title_len = tb.len;
		last_title_whole = whole;
		last_title_valid = true;
	}
	title_bytes_free(&tb);
	return &last_result;
}

/* A text Datum from classifier output (ASCII or UTF-8), in server encoding. */
static Datum
utf8_text_datum(const char *utf8, size_t len)
{
	char	   *server;
	Datum		result;

	server = pg_any_to_server(utf8, (int) len, PG_UTF8);
	result = PointerGetDatum(cstring_to_text_with_len(server,
													  server == utf8 ? (int) len : (int) strlen(server)));
	if (server != utf8)
		pfree(server);
	return result;
}

PG_FUNCTION_INFO_V1(persona_title_seniority);
Datum
persona_title_seniority(PG_FUNCTION_ARGS)
{
	const PersonaTitle *t = classify_title_datum(PG_GETARG_DATUM(0), false);

	if (t->seniority == PERSONA_SEN_NONE)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(persona_seniority_datum(t->seniority));
}

PG_FUNCTION_INFO_V1(persona_title_function);
Datum
persona_title_function(PG_FUNCTION_ARGS)
{
	const PersonaTitle *t = classify_title_datum(PG_GETARG_DATUM(0), false);

	if (t->function == PERSONA_FN_NONE)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(persona_function_datum(t->function));
}

PG_FUNCTION_INFO_V1(persona_title_normalize_text);
Datum
persona_title_normalize_text(PG_FUNCTION_ARGS)
{
	const PersonaTitle *t = classify_title_datum(PG_GETARG_DATUM(0), true);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(t->normalized,
											  t->normalized_len));
}

/* persona.job_function[] of every function bit set in mask. */
static Datum
function_array_datum(uint32 mask)
{
	Datum		elems[PERSONA_FN_COUNT];
	int			n = 0;
	int			f;

	for (f = 0; f < PERSONA_FN_COUNT; f++)
		if (mask & ((uint32) 1 << f))
			elems[n++] = persona_function_datum(f);

	return PointerGetDatum(construct_array(elems, n,
										   persona_taxonomy()->function_type,
										   sizeof(Oid), true, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(persona_title_parse);
Datum
persona_title_parse(PG_FUNCTION_ARGS)
{
	const PersonaTitle *t = classify_title_datum(PG_GETARG_DATUM(0), true);
	TupleDesc	tupdesc = (TupleDesc) fcinfo->flinfo->fn_extra;
	Datum		values[5];
	bool		nulls[5] = {false, false, false, false, false};

	/* The row type is fixed by the SQL declaration; build it once per site. */
	if (tupdesc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "persona.title_parse must return a row type");
		tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = tupdesc;
	}

	values[0] = PointerGetDatum(cstring_to_text_with_len(t->normalized,
														 t->normalized_len));
	if (t->seniority == PERSONA_SEN_NONE)
		nulls[1] = true;
	else
		values[1] = persona_seniority_datum(t->seniority);
	if (t->function == PERSONA_FN_NONE)
		nulls[2] = true;
	else
		values[2] = persona_function_datum(t->function);
	values[3] = function_array_datum(t->functions);
	if (t->subfunction == NULL)
		nulls[4] = true;
	else
		values[4] = CStringGetTextDatum(t->subfunction);

	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

PG_FUNCTION_INFO_V1(persona_title_explain);
Datum
persona_title_explain(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const PersonaTitle *t;
	int			i;

	InitMaterializedSRF(fcinfo, 0);

	/*
	 * Nothing below classifies another title, so the remembered result and
	 * its source bytes (last_title) stay put while the rows are built.
	 */
	t = classify_title_datum(PG_GETARG_DATUM(0), true);

	for (i = 0; i < t->n_evidence; i++)
	{
		const PersonaEvidence *e = &t->evidence[i];
		Datum		values[8];
		bool		nulls[8] = {false, false, false, false, false, false, false, false};

		values[0] = Int32GetDatum(i + 1);
		values[1] = PointerGetDatum(cstring_to_text_with_len(t->normalized + e->norm_start,
															 e->norm_len));
		Assert(e->src_start + e->src_len <= last_title_len);
		if (e->src_len > 0)
			values[2] = utf8_text_datum(last_title + e->src_start, e->src_len);
		else
			nulls[2] = true;
		if (e->seniority == PERSONA_SEN_NONE)
			nulls[3] = true;
		else
			values[3] = persona_seniority_datum(e->seniority);
		if (e->function == PERSONA_FN_NONE)
			nulls[4] = true;
		else
			values[4] = persona_function_datum(e->function);
		if (e->subfunction == NULL)
			nulls[5] = true;
		else
			values[5] = CStringGetTextDatum(e->subfunction);
		values[6] = CStringGetTextDatum(persona_rule_name(e->rule));
		values[7] = BoolGetDatum(e->decided != 0);

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
