/*-------------------------------------------------------------------------
 *
 * fuzz_title.c
 *	  libFuzzer harness for the job-title classifier (src/title.h).
 *
 * The classifier is plain C and never allocates, so it is fuzzed directly,
 * under AddressSanitizer and UndefinedBehaviorSanitizer.  An input is a
 * title, optionally preceded by a user lexicon and a NUL byte:
 *
 *	term TAB canonical TAB s TAB f TAB subfunction NL ...  NUL  title bytes
 *
 * The lexicon part is turned into a PersonaLexicon the way a published
 * ruleset builds one (terms normalised, sorted by strcmp, unique), so the
 * overlay code is fuzzed with the shapes the server can give it.  Besides
 * "no crash, no read past the end", each input checks what callers rely on:
 * labels in range, the normalised form terminated and as long as it says,
 * evidence pointing inside the normalised form and inside the bytes read,
 * persona_title_normalize() agreeing with the classifier's normalised form,
 * persona_title_classify_flags() (when title.h has it) agreeing with the
 * full classification,
 * small buffers always terminated on a word boundary, and the result not
 * depending on anything but the input.
 *
 * test/fuzz/fuzz_title.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "title.h"

#define MAX_TERMS	16
#define FIELD_MAX	256

#define CHECK(cond) \
	do { \
		if (!(cond)) \
		{ \
			fprintf(stderr, "fuzz_title: check failed: %s (%s:%d)\n", \
					#cond, __FILE__, __LINE__); \
			abort(); \
		} \
	} while (0)

typedef struct Overlay
{
	PersonaUserTerm terms[MAX_TERMS];
	char		text[MAX_TERMS][3][PERSONA_NORM_MAX];
	int			nterms;
	PersonaLexicon lex;
} Overlay;

static Overlay overlay;
static PersonaTitle out1;
static PersonaTitle out2;
static char norm[PERSONA_NORM_MAX];
static char small[PERSONA_NORM_MAX];

static int
compare_terms(const void *a, const void *b)
{
	return strcmp(((const PersonaUserTerm *) a)->term,
				  ((const PersonaUserTerm *) b)->term);
}

/* The next TAB- or end-delimited field of [*p, end), normalised into dst. */
static size_t
next_field(const char **p, const char *end, char *dst, int normalise)
{
	const char *s = *p;
	const char *e = s;
	size_t		n;

	while (e < end && *e != '\t')
		e++;
	*p = e < end ? e + 1 : e;
	n = (size_t) (e - s);
	if (n > FIELD_MAX)
		n = FIELD_MAX;
	if (normalise)
		return persona_title_normalize(s, n, NULL, dst, PERSONA_NORM_MAX);
	memcpy(dst, s, n);
	dst[n] = '\0';
	return n;
}

static void
build_overlay(const char *spec, size_t len)
{
	const char *p = spec;
	const char *end = spec + len;
	int			i,
				j;

	overlay.nterms = 0;
	while (p < end && overlay.nterms < MAX_TERMS)
	{
		const char *eol = memchr(p, '\n', (size_t) (end - p));
		const char *lend = eol ? eol : end;
		PersonaUserTerm *t = &overlay.terms[overlay.nterms];
		char	  (*txt)[PERSONA_NORM_MAX] = overlay.text[overlay.nterms];
		char		code[PERSONA_NORM_MAX];
		size_t		n;

		if (next_field(&p, lend, txt[0], 1) == 0)
		{
			p = eol ? eol + 1 : end;
			continue;
		}
		t->term = txt[0];
		t->canonical = next_field(&p, lend, txt[1], 1) > 0 ? txt[1] : NULL;
		n = next_field(&p, lend, code, 0);
		t->seniority = n > 0 ? (int8_t) ((unsigned char) code[0] % (PERSONA_SEN_COUNT + 1)) - 1 : PERSONA_SEN_NONE;
		n = next_field(&p, lend, code, 0);
		t->function = n > 0 ? (int8_t) ((unsigned char) code[0] % (PERSONA_FN_COUNT + 1)) - 1 : PERSONA_FN_NONE;
		t->subfunction = next_field(&p, lend, txt[2], 0) > 0 ? txt[2] : NULL;
		overlay.nterms++;
		p = eol ? eol + 1 : end;
	}

	/* sorted by strcmp and unique, as a validated ruleset gives them */
	qsort(overlay.terms, overlay.nterms, sizeof(PersonaUserTerm), compare_terms);
	for (i = 0, j = 0; i < overlay.nterms; i++)
		if (j == 0 || strcmp(overlay.terms[j - 1].term, overlay.terms[i].term) != 0)
			overlay.terms[j++] = overlay.terms[i];
	overlay.nterms = j;
	overlay.lex.nterms = overlay.nterms;
	overlay.lex.terms = overlay.terms;
}

static void
check_result(const PersonaTitle *t, size_t len)
{
	size_t		read = len < PERSONA_TITLE_MAX_BYTES ? len : PERSONA_TITLE_MAX_BYTES;
	int			i;

	CHECK(t->seniority >= PERSONA_SEN_NONE && t->seniority < PERSONA_SEN_COUNT);
	CHECK(t->function >= PERSONA_FN_NONE && t->function < PERSONA_FN_COUNT);
	CHECK((t->functions >> PERSONA_FN_COUNT) == 0);
	CHECK(t->function < 0 || (t->functions & (1u << t->function)) != 0);
	CHECK(t->function >= 0 || t->functions == 0);
	CHECK(t->normalized_len < PERSONA_NORM_MAX);
	CHECK(strlen(t->normalized) == t->normalized_len);
	CHECK(t->seniority < 0 || persona_seniority_name(t->seniority) != NULL);
	CHECK(t->function < 0 || persona_function_name(t->function) != NULL);
	if (t->subfunction)
		CHECK(strlen(t->subfunction) < PERSONA_NORM_MAX);
	CHECK(t->n_evidence <= PERSONA_MAX_EVIDENCE);
	for (i = 0; i < t->n_evidence; i++)
	{
		const PersonaEvidence *e = &t->evidence[i];

		CHECK((size_t) e->norm_start + e->norm_len <= t->normalized_len);
		CHECK((size_t) e->src_start + e->src_len <= read);
		CHECK(e->seniority >= PERSONA_SEN_NONE && e->seniority < PERSONA_SEN_COUNT);
		CHECK(e->function >= PERSONA_FN_NONE && e->function < PERSONA_FN_COUNT);
		CHECK(e->rule <= PERSONA_RULE_DEFAULT);
		CHECK(persona_rule_name(e->rule) != NULL);
		CHECK(e->decided <= 1);
		if (e->subfunction)
			CHECK(strlen(e->subfunction) < PERSONA_NORM_MAX);
	}
}

static void
check_title(const char *title, size_t len, const PersonaLexicon *user,
			size_t smallsize)
{
	size_t		n,
				k;

	persona_title_classify(title, len, user, &out1);
	check_result(&out1, len);

	/* deterministic: nothing but the input decides */
	persona_title_classify(title, len, user, &out2);
	CHECK(out1.seniority == out2.seniority && out1.function == out2.function &&
		  out1.functions == out2.functions && out1.n_evidence == out2.n_evidence &&
		  strcmp(out1.normalized, out2.normalized) == 0);

#ifdef PERSONA_CLASSIFY_NO_EVIDENCE
	/* the cheaper variants give the same answer */
	{
		int			flags;

		for (flags = 1; flags <= 3; flags++)
		{
			persona_title_classify_flags(title, len, user, flags, &out2);
			CHECK(out1.seniority == out2.seniority && out1.function == out2.function &&
				  out1.functions == out2.functions);
			CHECK((out1.subfunction == NULL) == (out2.subfunction == NULL));
			CHECK(out1.subfunction == NULL || strcmp(out1.subfunction, out2.subfunction) == 0);
			if (flags & PERSONA_CLASSIFY_NO_EVIDENCE)
				CHECK(out2.n_evidence == 0);
			else
				CHECK(out2.n_evidence == out1.n_evidence);
			if (flags & PERSONA_CLASSIFY_NO_NORMALIZED)
				CHECK(out2.normalized_len == 0 && out2.normalized[0] == '\0');
			else
				CHECK(strcmp(out1.normalized, out2.normalized) == 0);
		}
	}
#endif

	/* keywords are normalised exactly as titles are */
	n = persona_title_normalize(title, len, user, norm, sizeof(norm));
	CHECK(n == strlen(norm));
	CHECK(strcmp(norm, out1.normalized) == 0);

	/* a small buffer: terminated, whole words, a prefix of the full form */
	k = persona_title_normalize(title, len, user, small, smallsize);
	if (smallsize == 0)
		CHECK(k == 0);
	else
	{
		CHECK(k < smallsize);
		CHECK(small[k] == '\0' && strlen(small) == k);
		CHECK(k <= n && memcmp(small, norm, k) == 0);
		CHECK(k == n || norm[k] == ' ' || k == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *sep = memchr(data, '\0', size);
	const char *title = (const char *) data;
	size_t		len = size;
	const PersonaLexicon *user = NULL;
	size_t		smallsize = size > 0 ? data[size - 1] : 0;

	if (sep != NULL)
	{
		build_overlay((const char *) data, (size_t) (sep - (const char *) data));
		user = &overlay.lex;
		title = sep + 1;
		len = size - (size_t) (sep - (const char *) data) - 1;
	}

	/* an exact-size heap copy, so a read past len is an ASan report */
	{
		char	   *copy = malloc(len ? len : 1);

		memcpy(copy, title, len);
		check_title(copy, len, user, smallsize);
		if (user != NULL)
			check_title(copy, len, NULL, smallsize);
		free(copy);
	}
	return 0;
}
