/*-------------------------------------------------------------------------
 *
 * title_input.c
 *	  Turn a text Datum into the bytes the classifier reads: at most
 *	  PERSONA_TITLE_MAX_BYTES of UTF-8.
 *
 * Toasted values are fetched only as far as the classifier reads, so a
 * 100 MB title costs what a short one does; ordinary in-line values are
 * used where they lie, without a copy.  In a database whose encoding is
 * not UTF-8 the bytes are converted, because the lexicon is UTF-8.
 *
 * src/title_input.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"

#include "title.h"
#include "title_input.h"

void
title_bytes_get(Datum text_datum, TitleBytes *out)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(text_datum);
	text	   *value;
	const char *bytes;
	size_t		len;
	int			encoding;

	if (VARATT_IS_EXTERNAL(raw) || VARATT_IS_COMPRESSED(raw))
		value = (text *) PG_DETOAST_DATUM_SLICE(text_datum, 0,
												PERSONA_TITLE_MAX_BYTES);
	else
		value = (text *) PG_DETOAST_DATUM_PACKED(text_datum);
	out->detoasted = (Pointer) value != (Pointer) raw ? value : NULL;

	bytes = VARDATA_ANY(value);
	len = VARSIZE_ANY_EXHDR(value);
	out->converted = NULL;
	encoding = GetDatabaseEncoding();
	if (encoding != PG_UTF8 && encoding != PG_SQL_ASCII && len > 0)
	{
		char	   *utf8 = (char *) pg_server_to_any(bytes, (int) len, PG_UTF8);

		if (utf8 != bytes)
		{
			out->converted = utf8;
			bytes = utf8;
			len = strlen(utf8);
		}
	}
	out->data = bytes;
	out->len = Min(len, PERSONA_TITLE_MAX_BYTES);
}

void
title_bytes_free(TitleBytes *tb)
{
	if (tb->converted)
		pfree(tb->converted);
	if (tb->detoasted)
		pfree(tb->detoasted);
	tb->converted = tb->detoasted = NULL;
}
