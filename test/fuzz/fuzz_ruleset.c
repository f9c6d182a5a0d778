/*-------------------------------------------------------------------------
 *
 * fuzz_ruleset.c
 *	  libFuzzer harness for the binary decoder and the validation of
 *	  persona.ruleset (src/ruleset.c), linked against pg_shim.c.
 *
 * An input is a payload as persona.ruleset_recv() hands it to
 * ruleset_decode_payload() (the send format without its format byte; the
 * stored form's payload is the same bytes).  Each input must either be
 * refused with the input SQLSTATE, 22P03 (or 54000 for a value too large
 * to store), or be accepted; any other error — an elog's XX000, an
 * allocation over 1 GB — is a finding, as are the sanitizers' reports.
 * An accepted value must then be canonical: encoding it, decoding that and
 * encoding again gives the same bytes, and the stored form built from it
 * unpacks to the same bytes too (what ruleset_out and the matchers do).
 *
 * test/fuzz/fuzz_ruleset.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/stringinfo.h"

#include "ruleset.h"

/* pg_shim.c */
extern sigjmp_buf *shim_catch;
extern int	shim_sqlstate;
extern char shim_message[1024];
extern void shim_reset(void);

static void
finding(const char *what)
{
	char		state[6];
	int			i,
				code = shim_sqlstate;

	for (i = 0; i < 5; i++, code >>= 6)
		state[i] = PGUNSIXBIT(code);
	state[5] = '\0';
	fprintf(stderr, "fuzz_ruleset: %s: SQLSTATE %s: %s\n", what, state,
			shim_message);
	abort();
}

static void
encode(const RulesetSpec *spec, StringInfo buf)
{
	initStringInfo(buf);
	ruleset_encode_payload(spec, buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sigjmp_buf	jb;
	volatile int phase = 0;
	char	   *copy;

	if (size > 16 * 1024 * 1024)
		return 0;
	shim_catch = &jb;
	if (sigsetjmp(jb, 0) != 0)
	{
		if (phase != 0)
			finding("a value the decoder accepted did not survive a round trip");
		if (shim_sqlstate != ERRCODE_INVALID_BINARY_REPRESENTATION &&
			shim_sqlstate != ERRCODE_PROGRAM_LIMIT_EXCEEDED)
			finding("not the input error code");
		shim_reset();
		return 0;
	}

	/* an exact-size copy: a read past the end is an ASan report */
	copy = palloc(size ? size : 1);
	memcpy(copy, data, size);

	ruleset_input_errcode = ERRCODE_INVALID_BINARY_REPRESENTATION;
	{
		RulesetSpec *spec = ruleset_decode_payload(copy, (int) size);
		StringInfoData a,
					b,
					c;
		RulesetData *stored;

		phase = 1;
		encode(spec, &a);
		encode(ruleset_decode_payload(a.data, a.len), &b);
		if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0)
			finding("re-encoding an accepted value changed it");

		stored = ruleset_build(spec);
		if (stored->format != RULESET_FORMAT || stored->flags != 0 ||
			stored->version != spec->version ||
			RulesetPayloadSize(stored) != (Size) a.len ||
			memcmp(stored->payload, a.data, a.len) != 0)
			finding("the stored form differs from the payload");
		encode(ruleset_unpack(stored), &c);
		if (a.len != c.len || memcmp(a.data, c.data, a.len) != 0)
			finding("unpacking the stored form changed it");
	}
	shim_reset();
	return 0;
}
