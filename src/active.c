/*-------------------------------------------------------------------------
 *
 * active.c
 *	  The active ruleset (the row of persona.ruleset_version marked active)
 *	  and its matcher, cached for the life of the backend.
 *
 * persona.match(title, ...), persona.ruleset() and the tagging trigger all
 * read the active ruleset; reading the table and building a matcher per
 * statement would cost more than matching itself.  So both are kept in a
 * memory context of their own, as pg_cron keeps its job metadata, and
 * dropped when the table changes: a statement trigger on
 * persona.ruleset_version (persona_ruleset_version_changed) sends a
 * relcache invalidation for the table, every backend's relcache callback
 * marks the cache stale, and the next call reloads it.  Invalidations are
 * read at the start of each transaction, and match_sql.c reads them at the
 * start of each statement, so another session's publish is seen by the
 * next statement.
 *
 * A stale cache is only reloaded at the start of one of the calls below,
 * never while a caller is using the matcher it was given.
 *
 * src/active.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "active.h"

static MemoryContext active_cxt = NULL;
static RulesetData *active_ruleset = NULL;
static Matcher *active_matcher = NULL;
static bool active_valid = false;
static uint64 active_generation = 0;
static Oid	versions_relid = InvalidOid;
static bool callback_registered = false;

/*
 * A cache filled inside a REPEATABLE READ or SERIALIZABLE transaction holds
 * what that transaction's snapshot saw, which may be older than what is
 * committed: it must not outlive the transaction.
 */
static bool loaded_with_xact_snapshot = false;

static void
active_invalidate(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == versions_relid)
		active_valid = false;
}

static void
active_xact_end(XactEvent event, void *arg)
{
	if (loaded_with_xact_snapshot &&
		(event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT ||
		 event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PARALLEL_ABORT))
	{
		active_valid = false;
		loaded_with_xact_snapshot = false;
	}
}

static void
active_load(void)
{
	Oid			namespace_oid;
	int			ret;

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(active_invalidate, (Datum) 0);
		RegisterXactCallback(active_xact_end, NULL);
		callback_registered = true;
	}
	if (active_cxt == NULL)
		active_cxt = AllocSetContextCreate(TopMemoryContext,
										   "persona active ruleset",
										   ALLOCSET_SMALL_SIZES);
	else
		MemoryContextReset(active_cxt);
	active_ruleset = NULL;
	active_matcher = NULL;

	namespace_oid = get_namespace_oid("persona", true);
	versions_relid = OidIsValid(namespace_oid) ?
		get_relname_relid("ruleset_version", namespace_oid) : InvalidOid;
	if (!OidIsValid(versions_relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("table persona.ruleset_version does not exist"),
				 errhint("Run CREATE EXTENSION persona.")));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute("SELECT ruleset FROM persona.ruleset_version WHERE active",
					  true, 2);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading persona.ruleset_version failed: %s",
			 SPI_result_code_string(ret));
	if (SPI_processed > 1)
		ereport(ERROR,
				(errcode(ERRCODE_CARDINALITY_VIOLATION),
				 errmsg("more than one persona ruleset is active"),
				 errhint("Run SELECT persona.activate(version) to choose one.")));
	if (SPI_processed == 1)
	{
		bool		isnull;
		Datum		value = SPI_getbinval(SPI_tuptable->vals[0],
										  SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull)
		{
			MemoryContext old = MemoryContextSwitchTo(active_cxt);

			active_ruleset = (RulesetData *) PG_DETOAST_DATUM_COPY(value);
			MemoryContextSwitchTo(old);
		}
	}
	SPI_finish();

	if (active_ruleset != NULL)
		active_matcher = matcher_build(active_ruleset, active_cxt);
	active_generation++;
	active_valid = true;
	loaded_with_xact_snapshot = IsolationUsesXactSnapshot();
}

RulesetData *
persona_active_ruleset(uint64 *generation)
{
	if (!active_valid)
		active_load();
	*generation = active_generation;
	return active_ruleset;
}

Matcher *
persona_active_matcher(void)
{
	if (!active_valid)
		active_load();
	return active_matcher;
}

Matcher *
persona_active_matcher_required(void)
{
	Matcher    *m = persona_active_matcher();

	if (m == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("no persona ruleset has been published"),
				 errhint("Add profiles to persona.profile and run SELECT persona.publish().")));
	return m;
}

/*
 * persona.ruleset(): the active ruleset.  The value is copied once per call
 * site (and again only after a publish), so a query that passes
 * persona.ruleset() to the IMMUTABLE matching functions on every row hands
 * them the same bytes each time.
 */
typedef struct RulesetCallSite
{
	uint64		generation;
	RulesetData *copy;
} RulesetCallSite;

PG_FUNCTION_INFO_V1(persona_ruleset_active);
Datum
persona_ruleset_active(PG_FUNCTION_ARGS)
{
	RulesetCallSite *site = fcinfo->flinfo->fn_extra;
	RulesetData *active;
	uint64		generation;

	if (site == NULL)
	{
		site = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(RulesetCallSite));
		fcinfo->flinfo->fn_extra = site;
		AcceptInvalidationMessages();
	}
	active = persona_active_ruleset(&generation);
	if (active == NULL)
		PG_RETURN_NULL();
	if (site->copy == NULL || site->generation != generation)
	{
		if (site->copy)
			pfree(site->copy);
		site->copy = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, VARSIZE(active));
		memcpy(site->copy, active, VARSIZE(active));
		site->generation = generation;
	}
	PG_RETURN_POINTER(site->copy);
}

/*
 * Statement trigger on persona.ruleset_version: tell every backend (this
 * one at the next command, the others at commit) to drop its cache.
 */
PG_FUNCTION_INFO_V1(persona_ruleset_version_changed);
Datum
persona_ruleset_version_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("persona_ruleset_version_changed: not called by trigger manager")));
	CacheInvalidateRelcacheByRelid(RelationGetRelid(trigdata->tg_relation));
	return PointerGetDatum(NULL);
}
