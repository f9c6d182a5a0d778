/*-------------------------------------------------------------------------
 *
 * title_input.h
 *	  Turn a text Datum into the bytes the classifier reads.
 *
 * src/title_input.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PERSONA_TITLE_INPUT_H
#define PERSONA_TITLE_INPUT_H

typedef struct TitleBytes
{
	const char *data;			/* UTF-8, at most PERSONA_TITLE_MAX_BYTES */
	size_t		len;
	void	   *detoasted;		/* to free, or NULL */
	void	   *converted;		/* to free, or NULL */
} TitleBytes;

extern void title_bytes_get(Datum text_datum, TitleBytes *out);
extern void title_bytes_free(TitleBytes *tb);

#endif							/* PERSONA_TITLE_INPUT_H */
