/*-------------------------------------------------------------------------
 *
 * tag_trigger.c
 *	  persona.tag_trigger(): the BEFORE INSERT OR UPDATE row trigger that
 *	  persona.attach() installs on a CRM table.
 *
 * It follows contrib/spi/moddatetime.c and tsvector_update_trigger: checks
 * in layers (called as a trigger, for each row, before, insert or update),
 * columns named by trigger arguments, user mistakes as ereport with
 * precise SQLSTATEs.  The tag is written into the row as
 * heap_modify_tuple_by_cols would, from the values the row was deformed
 * into once (form_tagged_tuple).
 *
 * What it does with a row:
 *   - INSERT, or UPDATE of a mapped column (persona.retag updates the
 *     title to itself): tag it with the active ruleset, unless the row is
 *     locked;
 *   - UPDATE that changes the persona or role column by hand: a manual
 *     override; lock the row so nothing overwrites it;
 *   - UPDATE that unlocks a row: tag it again.
 * Every change of persona or role after a row's first tag is audited
 * through persona.audit_record() (SECURITY DEFINER, so reps need no right
 * on the audit table).  Nothing is tagged before the first publish.
 *
 * Per row, it deforms the row once into arrays kept for the statement,
 * reads the column numbers resolved once per statement and the backend's
 * active matcher; the values it writes are prebuilt Datums, so the only
 * allocation is the new tuple, in the executor's per-tuple context.
 *
 * src/tag_trigger.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/partition.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "active.h"
#include "matcher.h"
#include "taxonomy.h"

/*
 * The trigger's arguments, in the order persona.attach() writes them.
 * Input columns may be '' (not mapped), except the title.
 */
typedef enum TagArg
{
	TAG_TITLE = 0,
	TAG_DEPARTMENT,
	TAG_INDUSTRY,
	TAG_EMPLOYEES,
	TAG_COUNTRY,
	TAG_ATTRS,
	TAG_KEY,
	TAG_PERSONA,				/* outputs from here on */
	TAG_SCORE,
	TAG_ROLE,
	TAG_SENIORITY,
	TAG_FUNCTION,
	TAG_VERSION,
	TAG_LOCKED,
	TAG_TAGGED_AT,
	TAG_NARGS
} TagArg;

#define TAG_FIRST_OUTPUT TAG_PERSONA
#define TAG_NOUTPUTS (TAG_NARGS - TAG_FIRST_OUTPUT)

typedef struct TagColumns
{
	Oid			relid;
	Oid			tgoid;
	int			natts;
	Datum	   *new_values;		/* the rows, deformed once per row */
	bool	   *new_nulls;
	Datum	   *old_values;
	bool	   *old_nulls;
	AttrNumber	attnum[TAG_NARGS];	/* 0 when not mapped */
	Oid			employees_type;
	Oid			key_output;		/* output function of the key column */
	char	   *table_name;		/* qualified and quoted, for the audit */
	int			out_cols[TAG_NOUTPUTS];
} TagColumns;

static SPIPlanPtr audit_plan = NULL;

static void
require_type(Relation rel, const char *column, Oid actual, bool ok,
			 const char *expected)
{
	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of table \"%s\" is of type %s, not %s",
						column, RelationGetRelationName(rel),
						format_type_be(actual), expected),
				 errhint("Run persona.detach() and persona.attach() again with a column of the right type.")));
}

static bool
is_text_type(Oid t)
{
	return t == TEXTOID || t == VARCHAROID || t == BPCHAROID;
}

/* Resolve and check the columns named by the trigger's arguments. */
static TagColumns *
resolve_columns(FunctionCallInfo fcinfo, TriggerData *trigdata)
{
	Relation	rel = trigdata->tg_relation;
	Trigger    *trigger = trigdata->tg_trigger;
	TupleDesc	tupdesc = RelationGetDescr(rel);
	TagColumns *cols = fcinfo->flinfo->fn_extra;
	const PersonaTaxonomy *tax = persona_taxonomy();
	bool		isvarlena;
	Oid			audited;
	int			i;

	if (cols && cols->relid == RelationGetRelid(rel) && cols->tgoid == trigger->tgoid &&
		cols->natts == tupdesc->natts)
		return cols;

	if (trigger->tgnargs != TAG_NARGS)
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("persona.tag_trigger on table \"%s\" has %d arguments, not %d",
						RelationGetRelationName(rel), trigger->tgnargs, TAG_NARGS),
				 errhint("Install it with persona.attach(), not CREATE TRIGGER.")));

	cols = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(TagColumns));
	cols->relid = RelationGetRelid(rel);
	cols->tgoid = trigger->tgoid;
	cols->natts = tupdesc->natts;
	cols->new_values = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(Datum) * tupdesc->natts);
	cols->new_nulls = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(bool) * tupdesc->natts);
	cols->old_values = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(Datum) * tupdesc->natts);
	cols->old_nulls = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(bool) * tupdesc->natts);
	for (i = 0; i < TAG_NARGS; i++)
	{
		const char *name = trigger->tgargs[i];
		Oid			type;

		if (name[0] == '\0' && i != TAG_TITLE && i < TAG_FIRST_OUTPUT && i != TAG_KEY)
			continue;
		cols->attnum[i] = SPI_fnumber(tupdesc, name);
		if (cols->attnum[i] <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("column \"%s\" of table \"%s\" does not exist",
							name, RelationGetRelationName(rel)),
					 errhint("A column persona.attach() mapped was dropped or renamed; run persona.detach() and persona.attach() again.")));
		type = SPI_gettypeid(tupdesc, cols->attnum[i]);
		switch (i)
		{
			case TAG_TITLE:
			case TAG_DEPARTMENT:
			case TAG_INDUSTRY:
			case TAG_COUNTRY:
			case TAG_PERSONA:
			case TAG_ROLE:
				require_type(rel, name, type, is_text_type(type), "text");
				break;
			case TAG_EMPLOYEES:
				require_type(rel, name, type,
							 type == INT2OID || type == INT4OID || type == INT8OID,
							 "an integer type");
				cols->employees_type = type;
				break;
			case TAG_ATTRS:
				require_type(rel, name, type, type == JSONBOID, "jsonb");
				break;
			case TAG_KEY:
				getTypeOutputInfo(type, &cols->key_output, &isvarlena);
				break;
			case TAG_SCORE:
				require_type(rel, name, type, type == FLOAT4OID, "real");
				break;
			case TAG_SENIORITY:
				require_type(rel, name, type, type == tax->seniority_type, "persona.seniority");
				break;
			case TAG_FUNCTION:
				require_type(rel, name, type, type == tax->function_type, "persona.job_function");
				break;
			case TAG_VERSION:
				require_type(rel, name, type, type == INT4OID, "integer");
				break;
			case TAG_LOCKED:
				require_type(rel, name, type, type == BOOLOID, "boolean");
				break;
			case TAG_TAGGED_AT:
				require_type(rel, name, type, type == TIMESTAMPTZOID, "timestamp with time zone");
				break;
		}
	}
	for (i = 0; i < TAG_NOUTPUTS; i++)
		cols->out_cols[i] = cols->attnum[TAG_FIRST_OUTPUT + i];
	/*
	 * The audit names the table that was attached: for a partition (the
	 * trigger is cloned onto each), the root of its partition tree.
	 */
	audited = RelationGetRelid(rel);
	if (rel->rd_rel->relispartition)
		audited = llast_oid(get_partition_ancestors(audited));
	cols->table_name = MemoryContextStrdup(fcinfo->flinfo->fn_mcxt,
										   quote_qualified_identifier(get_namespace_name(get_rel_namespace(audited)),
																	  get_rel_name(audited)));
	if (fcinfo->flinfo->fn_extra)
		pfree(fcinfo->flinfo->fn_extra);
	fcinfo->flinfo->fn_extra = cols;
	return cols;
}

/* A column of a deformed row; attnum 0 (not mapped) reads as NULL. */
static Datum
get_column(const Datum *values, const bool *nulls, AttrNumber attnum, bool *isnull)
{
	if (attnum <= 0)
	{
		*isnull = true;
		return (Datum) 0;
	}
	*isnull = nulls[attnum - 1];
	return values[attnum - 1];
}

static bool
text_datums_equal(Datum a, bool a_null, Datum b, bool b_null)
{
	text	   *ta,
			   *tb;

	if (a_null || b_null)
		return a_null == b_null;
	ta = (text *) PG_DETOAST_DATUM_PACKED(a);
	tb = (text *) PG_DETOAST_DATUM_PACKED(b);
	return VARSIZE_ANY_EXHDR(ta) == VARSIZE_ANY_EXHDR(tb) &&
		memcmp(VARDATA_ANY(ta), VARDATA_ANY(tb), VARSIZE_ANY_EXHDR(ta)) == 0;
}

/* Record a change of persona or role through persona.audit_record(). */
static void
audit_change(TagColumns *cols,
			 Datum old_persona, bool old_persona_null,
			 Datum new_persona, bool new_persona_null,
			 Datum old_role, bool old_role_null,
			 Datum new_role, bool new_role_null,
			 int32 version, bool manual)
{
	Oid			argtypes[8] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID,
	TEXTOID, INT4OID, BOOLOID};
	Datum		values[8];
	char		nulls[8] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
	bool		key_null;
	Datum		key = get_column(cols->new_values, cols->new_nulls, cols->attnum[TAG_KEY], &key_null);
	int			ret;

	values[0] = CStringGetTextDatum(cols->table_name);
	if (key_null)
		nulls[1] = 'n';
	else
		values[1] = CStringGetTextDatum(OidOutputFunctionCall(cols->key_output, key));
	values[2] = old_persona;
	nulls[2] = old_persona_null ? 'n' : ' ';
	values[3] = new_persona;
	nulls[3] = new_persona_null ? 'n' : ' ';
	values[4] = old_role;
	nulls[4] = old_role_null ? 'n' : ' ';
	values[5] = new_role;
	nulls[5] = new_role_null ? 'n' : ' ';
	values[6] = Int32GetDatum(version);
	nulls[6] = version > 0 ? ' ' : 'n';
	values[7] = BoolGetDatum(manual);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (audit_plan == NULL)
	{
		SPIPlanPtr	plan = SPI_prepare("SELECT persona.audit_record($1, $2, $3, $4, $5, $6, $7, $8)",
									   8, argtypes);

		if (plan == NULL)
			elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
		if (SPI_keepplan(plan) != 0)
			elog(ERROR, "SPI_keepplan failed");
		audit_plan = plan;
	}
	ret = SPI_execute_plan(audit_plan, values, nulls, false, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "persona.audit_record failed: %s", SPI_result_code_string(ret));
	SPI_finish();
}

/*
 * The row with its tag columns set: the new tuple formed from the values
 * the row was already deformed into, with the identification of the old
 * one, as heap_modify_tuple_by_cols would give, without deforming the row
 * a second time.
 */
static HeapTuple
form_tagged_tuple(HeapTuple tuple, TupleDesc tupdesc, TagColumns *cols,
				  const Datum *values, const bool *nulls)
{
	HeapTuple	tagged;
	int			i;

	for (i = 0; i < TAG_NOUTPUTS; i++)
	{
		cols->new_values[cols->out_cols[i] - 1] = values[i];
		cols->new_nulls[cols->out_cols[i] - 1] = nulls[i];
	}
	tagged = heap_form_tuple(tupdesc, cols->new_values, cols->new_nulls);
	tagged->t_data->t_ctid = tuple->t_data->t_ctid;
	tagged->t_self = tuple->t_self;
	tagged->t_tableOid = tuple->t_tableOid;
	return tagged;
}

PG_FUNCTION_INFO_V1(persona_tag_trigger);
Datum
persona_tag_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TupleDesc	tupdesc;
	HeapTuple	newtuple;
	HeapTuple	oldtuple = NULL;
	TagColumns *cols;
	Matcher    *m;
	MatchLead	lead;
	MatchOutcome out;
	Datum		values[TAG_NOUTPUTS];
	bool		nulls[TAG_NOUTPUTS];
	Datum		old_persona = 0,
				new_persona,
				old_role = 0,
				new_role,
				d;
	bool		old_persona_null = true,
				new_persona_null,
				old_role_null = true,
				new_role_null,
				isnull;
	bool		locked;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("persona.tag_trigger: not called by trigger manager")));
	if (!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("persona.tag_trigger: must be fired for row")));
	if (!TRIGGER_FIRED_BEFORE(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("persona.tag_trigger: must be fired before the event")));
	if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
		newtuple = trigdata->tg_trigtuple;
	else if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		oldtuple = trigdata->tg_trigtuple;
		newtuple = trigdata->tg_newtuple;
	}
	else
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("persona.tag_trigger: must be fired on INSERT or UPDATE")));

	tupdesc = RelationGetDescr(trigdata->tg_relation);
	cols = resolve_columns(fcinfo, trigdata);

	m = persona_active_matcher();
	if (m == NULL)
		return PointerGetDatum(newtuple);	/* nothing published yet */

	heap_deform_tuple(newtuple, tupdesc, cols->new_values, cols->new_nulls);
	if (oldtuple != NULL)
		heap_deform_tuple(oldtuple, tupdesc, cols->old_values, cols->old_nulls);

	new_persona = get_column(cols->new_values, cols->new_nulls, cols->attnum[TAG_PERSONA], &new_persona_null);
	new_role = get_column(cols->new_values, cols->new_nulls, cols->attnum[TAG_ROLE], &new_role_null);
	d = get_column(cols->new_values, cols->new_nulls, cols->attnum[TAG_LOCKED], &isnull);
	locked = !isnull && DatumGetBool(d);

	if (oldtuple != NULL)
	{
		old_persona = get_column(cols->old_values, cols->old_nulls, cols->attnum[TAG_PERSONA], &old_persona_null);
		old_role = get_column(cols->old_values, cols->old_nulls, cols->attnum[TAG_ROLE], &old_role_null);

		/* A hand-made change of persona or role: an override; lock it. */
		if (!text_datums_equal(old_persona, old_persona_null, new_persona, new_persona_null) ||
			!text_datums_equal(old_role, old_role_null, new_role, new_role_null))
		{
			int			lock_cols[2] = {cols->attnum[TAG_LOCKED], cols->attnum[TAG_TAGGED_AT]};
			Datum		lock_values[2] = {BoolGetDatum(true),
			TimestampTzGetDatum(GetCurrentTransactionStartTimestamp())};
			bool		lock_nulls[2] = {false, false};

			audit_change(cols, old_persona, old_persona_null,
						 new_persona, new_persona_null, old_role, old_role_null,
						 new_role, new_role_null, m->spec->version, true);
			return PointerGetDatum(heap_modify_tuple_by_cols(newtuple, tupdesc, 2,
															 lock_cols, lock_values,
															 lock_nulls));
		}
	}
	if (locked)
		return PointerGetDatum(newtuple);	/* overrides are never overwritten */

	lead.title = get_column(cols->new_values, cols->new_nulls, cols->attnum[TAG_TITLE], &isnull);
	if (isnull)
		lead.title = (Datum) 0;
	lead.department = get_column(cols->new_values, cols->new_nulls, cols->attnum[TAG_DEPARTMENT], &isnull);
	if (isnull)
		lead.department = (Datum) 0;
	d = get_column(cols->new_values, cols->new_nulls, cols->attnum[TAG_INDUSTRY], &isnull);
	matcher_text_arg(isnull ? (Datum) 0 : d, &lead.industry, &lead.industry_len);
	d = get_column(cols->new_values, cols->new_nulls, cols->attnum[TAG_COUNTRY], &isnull);
	matcher_text_arg(isnull ? (Datum) 0 : d, &lead.country, &lead.country_len);
	d = get_column(cols->new_values, cols->new_nulls, cols->attnum[TAG_EMPLOYEES], &isnull);
	lead.has_employees = !isnull;
	lead.employees = 0;
	if (!isnull)
	{
		int64		e = cols->employees_type == INT2OID ? DatumGetInt16(d) :
			cols->employees_type == INT4OID ? DatumGetInt32(d) : DatumGetInt64(d);

		lead.employees = (int32) Max(Min(e, PG_INT32_MAX), PG_INT32_MIN);
	}
	d = get_column(cols->new_values, cols->new_nulls, cols->attnum[TAG_ATTRS], &isnull);
	lead.attrs = isnull ? (Datum) 0 : d;

	matcher_match(m, &lead, &out, false);

	memset(nulls, 0, sizeof(nulls));
	nulls[TAG_PERSONA - TAG_FIRST_OUTPUT] = out.best < 0;
	values[TAG_PERSONA - TAG_FIRST_OUTPUT] = out.best < 0 ? (Datum) 0 : m->profile_keys[out.best];
	values[TAG_SCORE - TAG_FIRST_OUTPUT] = Float4GetDatum(out.score);
	nulls[TAG_ROLE - TAG_FIRST_OUTPUT] = out.role < 0;
	values[TAG_ROLE - TAG_FIRST_OUTPUT] = out.role < 0 ? (Datum) 0 : m->role_codes[out.role];
	nulls[TAG_SENIORITY - TAG_FIRST_OUTPUT] = m->seniority == PERSONA_SEN_NONE;
	values[TAG_SENIORITY - TAG_FIRST_OUTPUT] =
		m->seniority == PERSONA_SEN_NONE ? (Datum) 0 : persona_seniority_datum(m->seniority);
	nulls[TAG_FUNCTION - TAG_FIRST_OUTPUT] = m->function == PERSONA_FN_NONE;
	values[TAG_FUNCTION - TAG_FIRST_OUTPUT] =
		m->function == PERSONA_FN_NONE ? (Datum) 0 : persona_function_datum(m->function);
	values[TAG_VERSION - TAG_FIRST_OUTPUT] = Int32GetDatum(m->spec->version);
	values[TAG_LOCKED - TAG_FIRST_OUTPUT] = BoolGetDatum(false);
	values[TAG_TAGGED_AT - TAG_FIRST_OUTPUT] =
		TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());

	/*
	 * Audit changes after the first tag.  The first tag (a row never tagged
	 * has no ruleset version) is carried by the row itself, whether it came
	 * with the INSERT or with a retag of rows that predate the attach.
	 */
	if (oldtuple != NULL &&
		(get_column(cols->old_values, cols->old_nulls, cols->attnum[TAG_VERSION], &isnull), !isnull) &&
		(!text_datums_equal(old_persona, old_persona_null,
							values[0], nulls[0]) ||
		 !text_datums_equal(old_role, old_role_null,
							values[TAG_ROLE - TAG_FIRST_OUTPUT], nulls[TAG_ROLE - TAG_FIRST_OUTPUT])))
		audit_change(cols, old_persona, old_persona_null,
					 values[0], nulls[0], old_role, old_role_null,
					 values[TAG_ROLE - TAG_FIRST_OUTPUT], nulls[TAG_ROLE - TAG_FIRST_OUTPUT],
					 m->spec->version, false);

	return PointerGetDatum(form_tagged_tuple(newtuple, tupdesc, cols, values, nulls));
}
