/*-------------------------------------------------------------------------
 *
 * lexicon.h
 *	  The built-in title lexicon shared between the generated table
 *	  (lexicon.c, from lexicon.tsv by tools/gen_lexicon.pl) and the
 *	  classifier (title.c).
 *
 * src/lexicon.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PERSONA_LEXICON_H
#define PERSONA_LEXICON_H

#include "title.h"

/* Entry flags; the letters are those of the flags column of lexicon.tsv. */
#define LEX_ROLE		0x0001	/* R: role noun, entry level without a level word */
#define LEX_CMOD		0x0002	/* M: may be a non-final part of a compound */
#define LEX_CHEAD		0x0004	/* H: may end a compound */
#define LEX_LOOSEHEAD	0x0008	/* L: may be split off an unknown first part */
#define LEX_ASSIST		0x0010	/* A: "assistant to": later words count nothing */
#define LEX_STAFF		0x0020	/* T: senior only before a LEX_STAFFABLE word */
#define LEX_STAFFABLE	0x0040	/* K: engineer, scientist, developer, ... */
#define LEX_CHIEF		0x0080	/* C: cxo when LEX_OFFICER follows */
#define LEX_OFFICER		0x0100	/* O */
#define LEX_FOREIGNCTX	0x0200	/* G: names its function only beside a
								 * word of another language than English */
#define LEX_SEGEND		0x0400	/* B: ends a segment ("at") */
#define LEX_WEAKUNPAID	0x0800	/* U: "student": training beats it */
#define LEX_PREFIXONLY	0x1000	/* generated: only the start of phrases */
#define LEX_EMPLOYEE	0x4000	/* E: "employee": a role only beside a
								 * function word */
#define LEX_RANKALONE	0x8000	/* Q: "partner": no level after a function
								 * word in its segment */
#define LEX_TO			0x2000	/* X: "to": a level after it in the segment
								 * belongs to whom the role serves */

/* Function strength: how much a word's function counts for the primary. */
#define LEX_WEAK		0		/* "clerk": only when nothing else says */
#define LEX_DOMAIN		1		/* "sales", "software" */
#define LEX_ROLENOUN	2		/* "secretary", "recruiter": beats domains */

typedef struct PersonaLexEntry
{
	const char *term;			/* folded words separated by one space */
	const char *canon;			/* canonical words; "" drops the word; readable
								 * 16 bytes past canonlen */
	const char *sub;			/* subfunction or NULL */
	uint16_t	flags;
	int8_t		sen;			/* PersonaSeniority */
	int8_t		fn;				/* PersonaFunction */
	uint8_t		strength;		/* LEX_WEAK, LEX_DOMAIN, LEX_ROLENOUN */
	uint8_t		nwords;			/* words in term */
	uint8_t		maxwords;		/* longest phrase starting with this word */
	uint8_t		lang;			/* 0 en, 1 de, 2 fr, 3 es, 4 pt, 5 nl, 6 it */
	uint8_t		termlen;		/* strlen(term) */
	uint8_t		canonlen;		/* strlen(canon) */
} PersonaLexEntry;

extern const PersonaLexEntry persona_lexicon[];
extern const int persona_lexicon_size;

#endif							/* PERSONA_LEXICON_H */
