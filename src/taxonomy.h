/*-------------------------------------------------------------------------
 *
 * taxonomy.h
 *	  Translate between the classifier's seniority and function numbers and
 *	  the SQL enums persona.seniority and persona.job_function.
 *
 * src/taxonomy.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PERSONA_TAXONOMY_H
#define PERSONA_TAXONOMY_H

#include "title.h"

typedef struct PersonaTaxonomy
{
	Oid			seniority_type;
	Oid			function_type;
	Oid			seniority_label[PERSONA_SEN_COUNT];
	Oid			function_label[PERSONA_FN_COUNT];
} PersonaTaxonomy;

extern const PersonaTaxonomy *persona_taxonomy(void);

/* An enum Datum for a classifier number; the caller handles NONE (NULL). */
extern Datum persona_seniority_datum(int seniority);
extern Datum persona_function_datum(int function);

/* The classifier number of an enum value's OID, or NONE if it is not ours. */
extern int	persona_seniority_from_oid(Oid label);
extern int	persona_function_from_oid(Oid label);

#endif							/* PERSONA_TAXONOMY_H */
