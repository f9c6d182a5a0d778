/*-------------------------------------------------------------------------
 *
 * taxonomy.c
 *	  The OIDs of persona's enum types and labels, looked up once per backend.
 *
 * C code returns persona.seniority and persona.job_function values as the
 * OIDs of their pg_enum rows.  Looking those up costs a few dozen syscache
 * probes, so they are cached for the life of the backend and dropped by a
 * syscache callback whenever pg_type or pg_enum changes (DROP EXTENSION and
 * a new CREATE EXTENSION give the labels new OIDs).
 *
 * The names come from the classifier (persona_seniority_name() and
 * persona_function_name()), so a label missing from the SQL enum is caught
 * here, at the first call, instead of returning a wrong value.
 *
 * src/taxonomy.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "utils/inval.h"
#include "utils/syscache.h"

#include "taxonomy.h"

/* The schema is fixed by persona.control (relocatable = false). */
#define PERSONA_SCHEMA "persona"

static PersonaTaxonomy taxonomy;
static bool taxonomy_valid = false;
static bool callback_registered = false;

static void
taxonomy_invalidate(Datum arg, int cacheid, uint32 hashvalue)
{
	taxonomy_valid = false;
}

static Oid
lookup_enum_type(Oid namespace_oid, const char *name)
{
	Oid			typoid;

	typoid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
							 CStringGetDatum(name),
							 ObjectIdGetDatum(namespace_oid));
	if (!OidIsValid(typoid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("type %s.%s does not exist", PERSONA_SCHEMA, name),
				 errhint("Reinstall the extension with DROP EXTENSION persona; CREATE EXTENSION persona.")));
	return typoid;
}

static Oid
lookup_enum_label(Oid typoid, const char *typname, const char *label)
{
	Oid			labeloid;

	labeloid = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
							   ObjectIdGetDatum(typoid),
							   CStringGetDatum(label));
	if (!OidIsValid(labeloid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("enum %s.%s has no label \"%s\"",
						PERSONA_SCHEMA, typname, label),
				 errhint("The installed SQL objects do not match the persona library; run ALTER EXTENSION persona UPDATE.")));
	return labeloid;
}

const PersonaTaxonomy *
persona_taxonomy(void)
{
	Oid			namespace_oid;
	PersonaTaxonomy fresh;
	int			i;

	if (taxonomy_valid)
		return &taxonomy;

	if (!callback_registered)
	{
		CacheRegisterSyscacheCallback(TYPEOID, taxonomy_invalidate, (Datum) 0);
		CacheRegisterSyscacheCallback(ENUMOID, taxonomy_invalidate, (Datum) 0);
		callback_registered = true;
	}

	namespace_oid = get_namespace_oid(PERSONA_SCHEMA, true);
	if (!OidIsValid(namespace_oid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_SCHEMA),
				 errmsg("schema \"%s\" does not exist", PERSONA_SCHEMA),
				 errhint("Run CREATE EXTENSION persona.")));

	/* Fill a local copy so an error half-way leaves the cache invalid. */
	fresh.seniority_type = lookup_enum_type(namespace_oid, "seniority");
	fresh.function_type = lookup_enum_type(namespace_oid, "job_function");
	for (i = 0; i < PERSONA_SEN_COUNT; i++)
		fresh.seniority_label[i] = lookup_enum_label(fresh.seniority_type,
													 "seniority",
													 persona_seniority_name(i));
	for (i = 0; i < PERSONA_FN_COUNT; i++)
		fresh.function_label[i] = lookup_enum_label(fresh.function_type,
													"job_function",
													persona_function_name(i));
	taxonomy = fresh;
	taxonomy_valid = true;
	return &taxonomy;
}

Datum
persona_seniority_datum(int seniority)
{
	Assert(seniority >= 0 && seniority < PERSONA_SEN_COUNT);
	return ObjectIdGetDatum(persona_taxonomy()->seniority_label[seniority]);
}

Datum
persona_function_datum(int function)
{
	Assert(function >= 0 && function < PERSONA_FN_COUNT);
	return ObjectIdGetDatum(persona_taxonomy()->function_label[function]);
}

int
persona_seniority_from_oid(Oid label)
{
	const PersonaTaxonomy *t = persona_taxonomy();
	int			i;

	for (i = 0; i < PERSONA_SEN_COUNT; i++)
		if (t->seniority_label[i] == label)
			return i;
	return PERSONA_SEN_NONE;
}

int
persona_function_from_oid(Oid label)
{
	const PersonaTaxonomy *t = persona_taxonomy();
	int			i;

	for (i = 0; i < PERSONA_FN_COUNT; i++)
		if (t->function_label[i] == label)
			return i;
	return PERSONA_FN_NONE;
}
