/*-------------------------------------------------------------------------
 *
 * ruleset_type.c
 *	  The SQL face of the persona.ruleset type: input, output, binary
 *	  send/receive, equality, hashing and the version accessor.
 *
 * The stored bytes are canonical (ruleset_validate() sorts and normalises
 * before anything is encoded), so equality and hashing work on the bytes.
 *
 * src/ruleset_type.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"

#include "ruleset.h"

PG_FUNCTION_INFO_V1(persona_ruleset_in);
Datum
persona_ruleset_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);

	ruleset_input_errcode = ERRCODE_INVALID_TEXT_REPRESENTATION;
	PG_RETURN_RULESET_P(ruleset_build(ruleset_parse_json(text)));
}

PG_FUNCTION_INFO_V1(persona_ruleset_out);
Datum
persona_ruleset_out(PG_FUNCTION_ARGS)
{
	RulesetData *r = PG_GETARG_RULESET_P(0);
	StringInfoData out;

	initStringInfo(&out);
	ruleset_write_json(ruleset_unpack(r), &out);
	PG_RETURN_CSTRING(out.data);
}

/*
 * The send format is a format byte, then the payload.  recv decodes and
 * validates it exactly as the text input does, then re-encodes, so a
 * value received in another order comes out canonical.
 */
PG_FUNCTION_INFO_V1(persona_ruleset_recv);
Datum
persona_ruleset_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			format;
	RulesetSpec *spec;

	ruleset_input_errcode = ERRCODE_INVALID_BINARY_REPRESENTATION;
	if (buf->cursor >= buf->len)
		ruleset_error("format", "the value is empty");
	format = pq_getmsgbyte(buf);
	if (format != RULESET_FORMAT)
		ruleset_error("format", "only format %d is known, not %d",
					  RULESET_FORMAT, format);
	spec = ruleset_decode_payload(buf->data + buf->cursor, buf->len - buf->cursor);
	buf->cursor = buf->len;
	PG_RETURN_RULESET_P(ruleset_build(spec));
}

PG_FUNCTION_INFO_V1(persona_ruleset_send);
Datum
persona_ruleset_send(PG_FUNCTION_ARGS)
{
	RulesetData *r = PG_GETARG_RULESET_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, RULESET_FORMAT);
	pq_sendbytes(&buf, r->payload, RulesetPayloadSize(r));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static bool
ruleset_equal(RulesetData *a, RulesetData *b)
{
	return VARSIZE(a) == VARSIZE(b) && RulesetHash(a) == RulesetHash(b) &&
		memcmp(a->payload, b->payload, RulesetPayloadSize(a)) == 0;
}

PG_FUNCTION_INFO_V1(persona_ruleset_eq);
Datum
persona_ruleset_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ruleset_equal(PG_GETARG_RULESET_P(0), PG_GETARG_RULESET_P(1)));
}

PG_FUNCTION_INFO_V1(persona_ruleset_ne);
Datum
persona_ruleset_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!ruleset_equal(PG_GETARG_RULESET_P(0), PG_GETARG_RULESET_P(1)));
}

PG_FUNCTION_INFO_V1(persona_ruleset_hash);
Datum
persona_ruleset_hash(PG_FUNCTION_ARGS)
{
	RulesetData *r = PG_GETARG_RULESET_P(0);

	/* The stored hash covers the payload, which is the whole value. */
	PG_RETURN_INT32((int32) (r->hash_lo ^ r->hash_hi));
}

PG_FUNCTION_INFO_V1(persona_ruleset_version);
Datum
persona_ruleset_version(PG_FUNCTION_ARGS)
{
	RulesetData *r = PG_GETARG_RULESET_P(0);

	if (r->version <= 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(r->version);
}
