/*-------------------------------------------------------------------------
 *
 * active.h
 *	  The active (published) ruleset, cached per backend.
 *
 * src/active.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PERSONA_ACTIVE_H
#define PERSONA_ACTIVE_H

#include "matcher.h"

/*
 * The active ruleset and its matcher, or NULL when nothing was published.
 * Both stay valid until the next call of either function; generation
 * changes whenever they were reloaded.
 */
extern RulesetData *persona_active_ruleset(uint64 *generation);
extern Matcher *persona_active_matcher(void);

/* The same, raising a clear error when nothing was published. */
extern Matcher *persona_active_matcher_required(void);

#endif							/* PERSONA_ACTIVE_H */
