/*-------------------------------------------------------------------------
 *
 * title.c
 *	  The job-title classifier core: normalise a raw title, split it into
 *	  words, match words and phrases of the lexicon, split German
 *	  compounds, and decide seniority and job functions.
 *
 * The conventions it implements are in docs/classification.md.  The code
 * is plain C99 without PostgreSQL headers so that the unit test, valgrind
 * and fuzzers run it unchanged; it never allocates and keeps all per-call
 * state on the stack, so a longjmp out of the server can leak nothing.
 *
 * It is on the hot path of every tagging query (about a million calls per
 * query), hence its shape: one pass over the bytes folds and tokenises
 * (ASCII eight bytes at a time; a short title, the usual one, sixteen at a
 * time with SSE2 into bit masks with no branch per byte, accented Latin
 * letters spelt in ASCII first), each token is hashed once, a phrase is
 * found by combining token hashes and probing only when a filter knows the
 * first two words and only as long as the lexicon says a phrase starting
 * with this word can be, most probes are settled inside one 16-byte slot
 * by one key compare, and compounds are only tried for unknown tokens
 * whose last letters can end a compound head, and then only at the head
 * lengths that end so.  The only global state is the hash table over the
 * built-in lexicon and its filters, built once at first use and read-only
 * after that.  persona_title_classify_flags lets a caller that needs only
 * the labels skip the evidence and the normalised form, and then the words
 * that say nothing get no unit at all.
 *
 * src/title.c
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "title.h"
#include "lexicon.h"

/* Tokens: a title of 1024 bytes has at most 512 one-letter words. */
#define MAX_TOKENS		(PERSONA_TITLE_MAX_BYTES / 2 + 1)
/* Units (matched terms, compound parts, unknown words). */
#define MAX_UNITS		(MAX_TOKENS + 64)
/* Longer tokens cannot be lexicon words; compounds are bounded too. */
#define MAX_LEX_WORD	40
#define MIN_COMPOUND	6
#define MIN_PLURAL	5			/* a singular of at least four letters */
#define MAX_PLURALS	4
#define MAX_PHRASE		8

/*
 * The lexicon hash table: built once, then read-only.  At most half of
 * LEX_SLOTS entries are used (the table is cut to the smallest power of two
 * at most half full, so a larger maximum costs nothing).
 */
#define LEX_SLOT_BITS	15
#define LEX_SLOTS		(1 << LEX_SLOT_BITS)
#define HEAD_BITS		4096

typedef struct Token
{
	uint16_t	fstart;			/* in Ctx.fold */
	uint16_t	flen;
	uint16_t	sstart;			/* in the source */
	uint16_t	slen;
	uint16_t	seg;			/* segment number: phrases stay inside one */
	uint32_t	hash;
} Token;

typedef struct Unit
{
	const char *canon;			/* canonical words (not NUL-terminated) */
	const char *sub;
	uint16_t	canon_len;
	uint16_t	flags;
	int8_t		sen;
	int8_t		fn;
	uint8_t		strength;
	uint8_t		rule;
	uint8_t		lang;
	uint8_t		skip;			/* swallowed by a user phrase */
	int8_t		ev;				/* its evidence slot, -1 if none */
	const char *term;			/* the lexicon term, for LEX_FOREIGNCTX */
	uint8_t		padded;			/* canon is readable 16 bytes past its end */
	uint16_t	seg;
	uint16_t	sstart;
	uint16_t	slen;
	uint16_t	nstart;
	uint16_t	nlen;
} Unit;

typedef struct Ctx
{
	int			ntok;
	int			nunit;
	uint16_t	allflags;		/* union of the units' flags */
	int			labels_only;	/* no unknown word is read: none gets a unit */
	int			need_src;		/* the caller reads where words came from */
	int			n_foreign;		/* words of another language than English
								 * that got no unit (labels only) */
	int			at_seg;			/* first segment after " at " or "@" */
	char		fold[PERSONA_TITLE_MAX_BYTES + 16];
	unsigned char spelt[64 + 8];	/* a short title spelt in ASCII, with
									 * room for an eight-byte store */
	Token		tok[MAX_TOKENS];
	Unit		unit[MAX_UNITS];
} Ctx;

static void resolve_context(Ctx *c);

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* One probe touches one slot: what to compare before the entry itself. */
typedef struct LexSlot
{
	uint64_t	w8;				/* a word's first 8 letters, zero-padded */
	uint64_t	key;			/* SLOT_KEY | (entry + 1) << 48; 0 is empty */
} LexSlot;

/* What a probe compares in one go: the hash, the words, the length. */
#define SLOT_KEY(h, nwords, termlen) \
	((uint64_t) (h) | (uint64_t) (nwords) << 32 | (uint64_t) (termlen) << 40)
#define SLOT_KEY_MASK	0x0000FFFFFFFFFFFFull
#define SLOT_ENTRY(key)	((int) ((key) >> 48) - 1)

static LexSlot lex_slots[LEX_SLOTS];

/*
 * A one-bit-per-hash filter over every term (8 kB, stays in L1): most
 * unknown words and most phrase candidates are turned away here without
 * touching the larger slot table.
 */
#define LEX_FILTER_BITS	65536
static uint64_t lex_filter[LEX_FILTER_BITS / 64];

static inline int
lex_maybe(uint32_t h)
{
	uint32_t	b = (h >> 7) & (LEX_FILTER_BITS - 1);

	return (lex_filter[b / 64] >> (b % 64)) & 1;
}

/*
 * The same over the first two words of every phrase: most words that can
 * start a phrase ("senior", "sales") are followed by one that starts none
 * with them, and one probe here spares the probes for every phrase length.
 */
#define LEX_PAIR_FILTER_BITS	32768
static uint64_t lex_pair_filter[LEX_PAIR_FILTER_BITS / 64];

static inline uint32_t
pair_bit(uint32_t h)
{
	return (h >> 9) & (LEX_PAIR_FILTER_BITS - 1);
}

static inline int
lex_pair_maybe(uint32_t h)
{
	uint32_t	b = pair_bit(h);

	return (lex_pair_filter[b / 64] >> (b % 64)) & 1;
}

static uint64_t lex_head_bits[HEAD_BITS / 64];

/*
 * Entries that say nothing to the classification ("global", "the", "and",
 * "de", "der"): no level, no function, and no flag but the compound ones.
 * A labels-only call gives them no unit, like unknown words.  The only
 * thing such a word of another language than English still tells is that
 * the title has one (LEX_FOREIGNCTX), and match_builtin counts it in
 * Ctx.n_foreign instead: about a fifth of the units a labels-only call made
 * were these articles and prepositions.
 */
#define LEX_INERT_OK	(LEX_CMOD | LEX_CHEAD | LEX_LOOSEHEAD | LEX_PREFIXONLY)
static uint64_t lex_inert[(LEX_SLOTS / 2 + 63) / 64];	/* lex_build's entries */

static inline int
entry_inert(int e)
{
	return (lex_inert[e / 64] >> (e % 64)) & 1;
}
static uint64_t lex_head_end[(26 * 26 * 26 + 63) / 64];	/* last 3 letters */
static uint64_t lex_head_lens;	/* bit n: a head of n letters exists */

/*
 * For the last three letters of a word, the lengths of the heads ending so
 * (bit n: a head of n letters), through a small index: 0 none, 1 the union
 * lex_head_lens (used if there were ever more distinct endings than fit).
 * A compound split then tries only the head lengths that can match.
 */
static uint8_t lex_head_tail_idx[26 * 26 * 26];
static uint64_t lex_head_tail_lens[256];
static int	lex_head_ntails = 2;
static volatile int lex_built = 0;

/*
 * Latin-1 Supplement and Latin Extended-A (U+00C0 .. U+017F) folded to
 * ASCII; "" makes the character a separator (the multiplication and
 * division signs).  tools/gen_lexicon.pl folds the same way.
 */
static const char *const latin_fold[192] = {
	/* U+00C0 */
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
	/* U+0100 */
	"a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
	"d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
	"g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
	"i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
	"l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
	"o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
	"s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
	"u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

static const char *const seniority_names[PERSONA_SEN_COUNT] = {
	"unpaid", "training", "entry", "senior", "manager", "director", "head",
	"vp", "cxo", "partner", "owner", "board"
};

static const char *const function_names[PERSONA_FN_COUNT] = {
	"executive", "sales", "marketing", "business_development",
	"customer_success", "operations", "finance", "hr", "it", "engineering",
	"data", "product", "design", "legal", "procurement", "administrative",
	"project_management", "consulting", "research", "quality", "education",
	"healthcare", "media_communications", "real_estate", "public_sector",
	"trades_manufacturing", "hospitality"
};

static const char *const rule_names[] = {
	"word", "phrase", "compound", "user", "assistant_to", "default"
};

const char *
persona_seniority_name(int seniority)
{
	if (seniority < 0 || seniority >= PERSONA_SEN_COUNT)
		return NULL;
	return seniority_names[seniority];
}

const char *
persona_function_name(int function)
{
	if (function < 0 || function >= PERSONA_FN_COUNT)
		return NULL;
	return function_names[function];
}

const char *
persona_rule_name(int rule)
{
	if (rule < 0 || rule > PERSONA_RULE_DEFAULT)
		return NULL;
	return rule_names[rule];
}

/*
 * Hash a word eight bytes at a time.  The word must be readable up to
 * sixteen bytes from its start (Ctx.fold is padded and the padding zeroed;
 * lexicon terms are copied into a padded buffer): a byte-at-a-time hash
 * is a serial multiply chain that alone would cost a third of the time
 * budget of a title.
 */
static const unsigned char tail_mask[8][8] = {
	{0},
	{0xFF},
	{0xFF, 0xFF},
	{0xFF, 0xFF, 0xFF},
	{0xFF, 0xFF, 0xFF, 0xFF},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
};

/* the first n of 16 bytes */
static const unsigned char tail_mask16[17][16] = {
	{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	{0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	{0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	{0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	{0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0},
	{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
};

static inline uint32_t
word_hash(const char *s, int n)
{
	uint64_t	h = (uint64_t) n * 0x9E3779B97F4A7C15ull;
	uint64_t	w;
	uint64_t	m;

	if (n <= 16)
	{
		/* no loop for the usual word: fewer mispredicted branches */
		memcpy(&w, s, 8);
		memcpy(&m, tail_mask16[n], 8);
		h = (h ^ (w & m)) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		memcpy(&w, s + 8, 8);
		memcpy(&m, tail_mask16[n] + 8, 8);
		h = (h ^ (w & m)) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		return (uint32_t) h ^ (uint32_t) (h >> 29);
	}
	while (n >= 8)
	{
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	if (n > 0)
	{
		/* keep the first n bytes in memory order, whatever the endianness */
		memcpy(&w, s, 8);
		memcpy(&m, tail_mask[n], 8);
		w &= m;
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	return (uint32_t) h ^ (uint32_t) (h >> 29);
}

/* A phrase's hash is built from its words' hashes, so tokens hash once. */
static inline uint32_t
phrase_combine(uint32_t h, uint32_t next)
{
	h ^= h >> 15;
	h *= 0x2c1b3c6du;
	return h + next;
}

static int	lex_slot_bits = LEX_SLOT_BITS;	/* set once by lex_build */
static uint32_t lex_slot_mask = LEX_SLOTS - 1;

static inline uint32_t
slot_of(uint32_t h)
{
	return (h * 0x9E3779B1u) >> (32 - lex_slot_bits);
}

/* The hash of the first nwords words of a term (all if it has fewer). */
static uint32_t
term_hash(const char *term, int nwords)
{
	uint32_t	h = 0;
	int			first = 1;
	char		buf[MAX_LEX_WORD + 16];

	for (;;)
	{
		const char *sp = strchr(term, ' ');
		int			n = sp ? (int) (sp - term) : (int) strlen(term);
		uint32_t	wh;

		/* word_hash reads up to 8 bytes past the word */
		if (n > MAX_LEX_WORD)
			n = MAX_LEX_WORD;
		memset(buf, 0, sizeof(buf));
		memcpy(buf, term, (size_t) n);
		wh = word_hash(buf, n);
		h = first ? wh : phrase_combine(h, wh);
		first = 0;
		if (!sp || --nwords == 0)
			return h;
		term = sp + 1;
	}
}

/* The number of the highest set bit of x, which is not 0. */
static inline int
highest_bit(uint64_t x)
{
#if defined(__GNUC__)
	return 63 - __builtin_clzll(x);
#else
	int			b = 0;

	while (x >>= 1)
		b++;
	return b;
#endif
}

/* The number of bits set in x (without a library call when no POPCNT). */
static inline int
bit_count(uint64_t x)
{
#if defined(__GNUC__) && defined(__POPCNT__)
	return __builtin_popcountll(x);
#else
	x = x - ((x >> 1) & 0x5555555555555555ull);
	x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
	return (int) ((x * 0x0101010101010101ull) >> 56);
#endif
}

/* The last three letters of a word as a number, -1 if not all a-z. */
static inline int
tail_code(const char *t)
{
	unsigned int a = (unsigned char) t[0] - 'a';
	unsigned int b = (unsigned char) t[1] - 'a';
	unsigned int c = (unsigned char) t[2] - 'a';

	if (a >= 26 || b >= 26 || c >= 26)
		return -1;
	return (int) ((a * 26 + b) * 26 + c);
}

/*
 * Build the hash table over the built-in lexicon.  Called at first use; the
 * result is the same on every call, so a second concurrent builder (there
 * is none in a PostgreSQL backend) would only write the same values.
 */
static void
lex_build(void)
{
	int			i;

	/* the smallest table at most half full: fewer cache misses */
	while (lex_slot_bits > 8 && (1 << (lex_slot_bits - 1)) >= 2 * persona_lexicon_size)
		lex_slot_bits--;
	lex_slot_mask = ((uint32_t) 1 << lex_slot_bits) - 1;
	for (i = 0; i < persona_lexicon_size && i < LEX_SLOTS / 2; i++)
	{
		const PersonaLexEntry *e = &persona_lexicon[i];
		uint32_t	h = term_hash(e->term, e->nwords);
		uint32_t	s = slot_of(h);

		while (lex_slots[s].key != 0)
			s = (s + 1) & lex_slot_mask;
		lex_slots[s].key = SLOT_KEY(h, e->nwords, e->termlen) |
			(uint64_t) (i + 1) << 48;
		lex_filter[((h >> 7) & (LEX_FILTER_BITS - 1)) / 64] |=
			(uint64_t) 1 << (((h >> 7) & (LEX_FILTER_BITS - 1)) % 64);
		if (e->sen == PERSONA_SEN_NONE && e->fn == PERSONA_FN_NONE &&
			!(e->flags & ~LEX_INERT_OK))
			lex_inert[i / 64] |= (uint64_t) 1 << (i % 64);
		if (e->nwords > 1)
		{
			uint32_t	b = pair_bit(term_hash(e->term, 2));

			lex_pair_filter[b / 64] |= (uint64_t) 1 << (b % 64);
		}
		lex_slots[s].w8 = 0;
		if (e->nwords == 1)
			memcpy(&lex_slots[s].w8, e->term, e->termlen < 8 ? e->termlen : 8);
		if ((e->flags & LEX_CHEAD) && e->nwords == 1)
		{
			size_t		n = strlen(e->term);
			int			code;

			lex_head_bits[(h % HEAD_BITS) / 64] |= (uint64_t) 1 << (h % 64);
			if (n >= 3 && n < 64 && (code = tail_code(e->term + n - 3)) >= 0)
			{
				lex_head_end[code / 64] |= (uint64_t) 1 << (code % 64);
				lex_head_lens |= (uint64_t) 1 << n;
				if (lex_head_tail_idx[code] == 0)
					lex_head_tail_idx[code] = (uint8_t)
						(lex_head_ntails < 256 ? lex_head_ntails++ : 1);
				lex_head_tail_lens[lex_head_tail_idx[code]] |= (uint64_t) 1 << n;
			}
		}
	}
	lex_head_tail_lens[1] = lex_head_lens;
	lex_built = 1;
}

/*
 * Are a[0..n) and b[0..n) equal?  Word compares without a call or a loop
 * for the usual length, reading neither string past n (the last load
 * overlaps the one before it).
 */
static inline int
bytes_equal(const char *a, const char *b, size_t n)
{
	uint64_t	x;
	uint64_t	y;
	uint32_t	p;
	uint32_t	q;
	size_t		i;

	if (n >= 8)
	{
		for (i = 0; i + 8 < n; i += 8)
		{
			memcpy(&x, a + i, 8);
			memcpy(&y, b + i, 8);
			if (x != y)
				return 0;
		}
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		return x == y;
	}
	if (n >= 4)
	{
		memcpy(&p, a, 4);
		memcpy(&q, b, 4);
		if (p != q)
			return 0;
		memcpy(&p, a + n - 4, 4);
		memcpy(&q, b + n - 4, 4);
		return p == q;
	}
	if (n == 0)
		return 1;
	return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1];
}

/* Does the entry's term equal the nw tokens starting at tok? */
static int
term_equals_tokens(const char *term, const Ctx *c, int tok, int nw)
{
	int			k;

	for (k = 0; k < nw; k++)
	{
		const Token *t = &c->tok[tok + k];

		if (k > 0)
		{
			if (*term != ' ')
				return 0;
			term++;
		}
		if (!bytes_equal(term, c->fold + t->fstart, t->flen))
			return 0;
		term += t->flen;
	}
	return 1;
}

/*
 * The first up to 8 bytes of a word, zero-padded, as lex_slots[].w8 holds
 * them (the word is readable 8 bytes past its end, see word_hash).
 */
static inline uint64_t
word8(const char *w, int n)
{
	uint64_t	v;
	uint64_t	m;

	memcpy(&v, w, 8);
	memcpy(&m, tail_mask16[n < 8 ? n : 8], 8);
	return v & m;
}

/* Find the single token tok (hash h): most probes never leave the slot. */
static inline int
lex_find_token(uint32_t h, const Ctx *c, const Token *t)
{
	uint32_t	s;
	const char *w;
	uint64_t	v;
	uint64_t	want;
	uint64_t	key;

	if (!lex_maybe(h))
		return -1;
	s = slot_of(h);
	w = c->fold + t->fstart;
	v = word8(w, t->flen);
	want = SLOT_KEY(h, 1, t->flen);

	while ((key = lex_slots[s].key) != 0)
	{
		if ((key & SLOT_KEY_MASK) == want && lex_slots[s].w8 == v &&
			(t->flen <= 8 ||
			 bytes_equal(persona_lexicon[SLOT_ENTRY(key)].term + 8, w + 8,
						 t->flen - 8)))
			return SLOT_ENTRY(key);
		s = (s + 1) & lex_slot_mask;
	}
	return -1;
}

/*
 * Find the phrase of nw tokens at tok whose combined hash is h and whose
 * text (words and single spaces) is len bytes long.
 */
static int
lex_find_tokens(uint32_t h, const Ctx *c, int tok, int nw, int len)
{
	uint32_t	s;
	uint64_t	want;
	uint64_t	key;

	if (!lex_maybe(h))
		return -1;
	s = slot_of(h);
	want = SLOT_KEY(h, nw, len);

	while ((key = lex_slots[s].key) != 0)
	{
		if ((key & SLOT_KEY_MASK) == want &&
			term_equals_tokens(persona_lexicon[SLOT_ENTRY(key)].term, c, tok, nw))
			return SLOT_ENTRY(key);
		s = (s + 1) & lex_slot_mask;
	}
	return -1;
}

/* Find the single word w[0..n) whose hash is h. */
static int
lex_find_word(uint32_t h, const char *w, int n)
{
	uint32_t	s;
	uint64_t	want = SLOT_KEY(h, 1, n);
	uint64_t	key;

	if (!lex_maybe(h))
		return -1;
	s = slot_of(h);

	while ((key = lex_slots[s].key) != 0)
	{
		if ((key & SLOT_KEY_MASK) == want &&
			bytes_equal(persona_lexicon[SLOT_ENTRY(key)].term, w, (size_t) n))
			return SLOT_ENTRY(key);
		s = (s + 1) & lex_slot_mask;
	}
	return -1;
}

/*
 * Fold and tokenise: one pass over at most PERSONA_TITLE_MAX_BYTES bytes.
 * Letters become lower-case ASCII, everything else separates words, and
 * the segment punctuation of docs/classification.md starts a new segment.
 * ASCII letters take a tight loop (most titles are ASCII); a folded title
 * is never longer than its bytes (two-byte letters fold to at most two).
 */
#define CL_SEP		0			/* separator */
#define CL_SEG		1			/* ends a segment */
#define CL_DASH		2			/* "-": a separator, " - " ends a segment */
#define CL_AMP		3			/* "&", "+": "R&D", "I+D" are words (both
								 * written "&"), else a segment end */
#define CL_HIGH		4			/* a byte >= 0x80: decode UTF-8 */

static const char ascii_map[256] = {
	CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP,
	CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP,
	CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP,
	CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP,
	CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_SEP, CL_AMP, CL_SEP,
	CL_SEG, CL_SEG, CL_SEP, CL_AMP, CL_SEG, CL_DASH, CL_SEP, CL_SEG,
	'0', '1', '2', '3', '4', '5', '6', '7',
	'8', '9', CL_SEG, CL_SEG, CL_SEP, CL_SEP, CL_SEP, CL_SEP,
	CL_SEG, 'a', 'b', 'c', 'd', 'e', 'f', 'g',
	'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w',
	'x', 'y', 'z', CL_SEG, CL_SEP, CL_SEG, CL_SEP, CL_SEP,
	CL_SEP, 'a', 'b', 'c', 'd', 'e', 'f', 'g',
	'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w',
	'x', 'y', 'z', CL_SEP, CL_SEG, CL_SEP, CL_SEP, CL_SEP,
	/* 0x80 .. 0xFF: UTF-8 lead and continuation bytes */
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
	CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH, CL_HIGH,
};

static inline int
is_alnum(unsigned char b)
{
	return ascii_map[b] >= '0';
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
	__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/*
 * Eight bytes of ASCII at once: *lower gets them lower-cased (letters
 * only), the result has the high bit set in every byte that is not a
 * letter or digit.  Bytes >= 0x80 stop too; carries from them can only
 * spoil the bytes after them, which are never used.
 */
static inline uint64_t
swar_word(uint64_t x, uint64_t *lower)
{
	uint64_t	lc = x | 0x2020202020202020ull;
	uint64_t	letter = (lc + 0x1f1f1f1f1f1f1f1full) & ~(lc + 0x0505050505050505ull);
	uint64_t	digit = (x + 0x5050505050505050ull) & ~(x + 0x4646464646464646ull);

	*lower = x | ((letter & 0x8080808080808080ull) >> 2);
	return (~(letter | digit) | x) & 0x8080808080808080ull;
}

/*
 * 1 to 7 bytes as the low bytes of a word, the rest zero, without reading
 * past them or a loop (overlapping loads put the same byte in one place).
 */
static inline uint64_t
load_short(const unsigned char *s, size_t n)
{
	if (n >= 4)
	{
		uint32_t	a;
		uint32_t	b;

		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		return a | ((uint64_t) b << (8 * (n - 4)));
	}
	return (uint64_t) s[0] | ((uint64_t) s[n / 2] << (8 * (n / 2))) |
		((uint64_t) s[n - 1] << (8 * (n - 1)));
}

#if defined(__SSE2__)
/*
 * Sixteen bytes folded to dst: letters lower-cased, every other
 * byte as it was.  Bit i of *alnum says byte i is a letter or digit, bit i
 * of *other that it is neither nor a space.  Returns the bytes >= 0x80.
 */
static inline uint32_t
fold16(__m128i x, char *dst, uint32_t *alnum, uint32_t *other)
{
	__m128i		lc = _mm_or_si128(x, _mm_set1_epi8(0x20));
	__m128i		letter;
	__m128i		digit;
	__m128i		space;

	letter = _mm_and_si128(_mm_cmpgt_epi8(lc, _mm_set1_epi8('a' - 1)),
						   _mm_cmplt_epi8(lc, _mm_set1_epi8('z' + 1)));
	digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
						  _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
	space = _mm_cmpeq_epi8(x, _mm_set1_epi8(' '));
	_mm_storeu_si128((__m128i *) dst,
					 _mm_or_si128(x, _mm_and_si128(letter, _mm_set1_epi8(0x20))));
	*alnum = (uint32_t) _mm_movemask_epi8(_mm_or_si128(letter, digit));
	*other = ~(*alnum | (uint32_t) _mm_movemask_epi8(space)) & 0xFFFF;
	return (uint32_t) _mm_movemask_epi8(x);
}

/*
 * Fold a title of at most 64 ASCII bytes into fold and classify its bytes
 * (the masks of fold16 for the whole title).  Returns 0 at a byte >= 0x80.
 * The bytes from n on are zero in fold, at least 16 of them (word_hash
 * reads that far).  SSE2, which every x86-64 has, classifies sixteen bytes
 * in a dozen instructions: a quarter of what the eight-byte SWAR version
 * below costs.  The title is read in place, the last sixteen bytes again
 * if its length is not a multiple of sixteen (folding is idempotent and
 * the masks are or-ed): a copy first would make each sixteen-byte load
 * wait for the copy's smaller stores.
 */
static inline int
fold_short_ascii(char *fold, const unsigned char *s, size_t n,
				 uint64_t *alnum, uint64_t *other)
{
	size_t		k;
	uint32_t	an;
	uint32_t	ot;

	*alnum = *other = 0;
	if (n < 16)
	{
		/* in registers: a copy to memory would stall the load as above */
		uint64_t	lo = 0;
		uint64_t	hi = 0;

		if (n >= 8)
		{
			memcpy(&lo, s, 8);
			if (n > 8)
			{
				/* bytes 8 .. n - 1, shifted down over the ones in lo */
				memcpy(&hi, s + n - 8, 8);
				hi >>= 8 * (16 - n);
			}
		}
		else if (n > 0)
			lo = load_short(s, n);
		if (fold16(_mm_set_epi64x((long long) hi, (long long) lo), fold, &an, &ot))
			return 0;
		_mm_storeu_si128((__m128i *) (fold + 16), _mm_setzero_si128());
		*alnum = an;
		*other = ot;
		return 1;
	}
	for (k = 0; k + 16 <= n; k += 16)
	{
		if (fold16(_mm_loadu_si128((const __m128i *) (s + k)), fold + k, &an, &ot))
			return 0;
		*alnum |= (uint64_t) an << k;
		*other |= (uint64_t) ot << k;
	}
	if (k < n)
	{
		if (fold16(_mm_loadu_si128((const __m128i *) (s + n - 16)), fold + n - 16,
				   &an, &ot))
			return 0;
		*alnum |= (uint64_t) an << (n - 16);
		*other |= (uint64_t) ot << (n - 16);
	}
	_mm_storeu_si128((__m128i *) (fold + n), _mm_setzero_si128());
	return 1;
}
#else
/* The high bit of each of eight bytes gathered into the low eight bits. */
static inline uint32_t
swar_bits(uint64_t high)
{
	return (uint32_t) (((high >> 7) * 0x0102040810204080ull) >> 56);
}

/* The high bit set in every byte of x that is zero. */
static inline uint64_t
swar_zero(uint64_t x)
{
	uint64_t	t = (x & 0x7F7F7F7F7F7F7F7Full) + 0x7F7F7F7F7F7F7F7Full;

	return ~(t | x | 0x7F7F7F7F7F7F7F7Full);
}

/* The same eight bytes at a time (see the SSE2 version above). */
static inline int
fold_short_ascii(char *fold, const unsigned char *s, size_t n,
				 uint64_t *alnum, uint64_t *other)
{
	size_t		k;

	*alnum = *other = 0;
	memset(fold + (n & ~(size_t) 7), 0, 24);
	for (k = 0; k < n; k += 8)
	{
		uint64_t	x = 0;
		uint64_t	lc;
		uint64_t	stop;

		/* never read past n: the last chunk is zero-padded */
		if (k + 8 <= n)
			memcpy(&x, s + k, 8);
		else if (n >= 8)
		{
			/* the last eight bytes, shifted down over the ones done */
			memcpy(&x, s + n - 8, 8);
			x >>= 8 * (k + 8 - n);
		}
		else
			x = load_short(s, n);
		if (x & 0x8080808080808080ull)
			return 0;
		stop = swar_word(x, &lc);
		memcpy(fold + k, &lc, 8);
		*alnum |= (uint64_t) (~swar_bits(stop) & 0xFF) << k;
		*other |= (uint64_t) swar_bits(stop & ~swar_zero(x ^ 0x2020202020202020ull)) << k;
	}
	return 1;
}
#endif

/*
 * The common title on a straight path: at most 64 bytes of ASCII letters,
 * digits, spaces and the separators and segment punctuation that need no
 * look-around beyond the next byte (not "&", "+", "@").  The title is folded in
 * place (see fold_short_ascii) into one bit mask of letters and digits, so
 * each token is found with two bit scans instead of a branch per byte, and
 * a token's segment is the number of segment marks before it.  Produces
 * exactly what tokenize's byte loop produces, except that a token's folded
 * bytes stay at its source offset (nothing relies on fold being compact).
 * Returns 0, having done nothing that matters, for any other title.
 */
static ALWAYS_INLINE int
tokenize_short_ascii(Ctx *c, const unsigned char *s, size_t n)
{
	char	   *fold = c->fold;
	uint64_t	alnum;			/* bit i: byte i is a letter or digit */
	uint64_t	other;			/* bit i: byte i is punctuation */
	uint64_t	segmark = 0;	/* bit i: byte i ends a segment */
	int			ntok = 0;
	int			nat = 0;		/* " at " seen so far: each ends a segment */

	if (n > 64 || !fold_short_ascii(fold, s, n, &alnum, &other))
		return 0;
	/* the zero padding after the title is neither */
	if (n < 64)
		other &= ((uint64_t) 1 << n) - 1;

	while (other)
	{
		int			i = __builtin_ctzll(other);
		int			m = ascii_map[s[i]];

		other &= other - 1;
		if (m == CL_SEG)
		{
			if (s[i] == '@')
				return 0;
			segmark |= (uint64_t) 1 << i;
		}
		else if (m == CL_DASH)
		{
			/* " - " separates titles, "co-founder" is one phrase */
			if ((i == 0 || s[i - 1] == ' ') &&
				((size_t) i + 1 >= n || s[i + 1] == ' '))
				segmark |= (uint64_t) 1 << i;
		}
		else if (m != CL_SEP)
			return 0;			/* "&", "+" look around: the byte loop */
	}

	c->at_seg = PERSONA_TITLE_MAX_BYTES + 1;
	while (alnum)
	{
		/*
		 * Adding the lowest bit of the first run of ones carries through
		 * the run: the sum's lowest bit is where the token ends (none if
		 * it ends at bit 63), and and-ing the sum clears the token.
		 */
		uint64_t	after = alnum + (alnum & -alnum);
		int			start = __builtin_ctzll(alnum);
		int			len = (after ? __builtin_ctzll(after) : 64) - start;
		Token	   *t = &c->tok[ntok++];
		int			seg;

		alnum &= after;
		seg = nat;
		if (segmark)			/* rare: spare the popcount */
			seg += bit_count(segmark & (((uint64_t) 1 << start) - 1));
		t->fstart = t->sstart = (uint16_t) start;
		t->flen = t->slen = (uint16_t) len;
		t->seg = (uint16_t) seg;
		t->hash = word_hash(fold + start, len);
		/* " at " ends a segment: "Sales Manager at Acme" */
		if (len == 2 && fold[start] == 'a' && fold[start + 1] == 't')
		{
			nat++;
			if (c->at_seg > seg + 1)
				c->at_seg = seg + 1;
		}
	}
	c->ntok = ntok;
	return 1;
}

/*
 * A short title with accented Latin letters ("Geschäftsführer", "Directeur
 * général") or the dashes and bullet that end a segment, on the same
 * straight path: the title is first spelt in ASCII (each letter of U+00C0
 * .. U+017F as it folds, a segment mark as ";", any other character as the
 * separator 0x01), tokenised as an ASCII title, and the tokens' source
 * bytes are then mapped back.  What the byte loop would make of it is
 * exactly that, because nothing but a character's class and fold is read:
 * the look-around of "&", "+" and "@" is not taken here
 * (tokenize_short_ascii refuses them), and a byte next to " - " is a space
 * in both spellings or in neither.  Returns 0 for anything else (other scripts, longer titles).
 */
static int
tokenize_short_latin(Ctx *c, const unsigned char *s, size_t n)
{
	unsigned char *ascii = c->spelt;
	/*
	 * From ASCII offset end[k] on, a source offset is the ASCII one plus
	 * shift[k]: one entry per non-ASCII character, at most one per byte.
	 */
	uint8_t		end[64];
	uint8_t		shift[64];
	int			nshift = 0;
	int			sh = 0;
	size_t		i = 0;
	size_t		m = 0;
	int			k;
	int			j;

	if (n > 64)
		return 0;
	while (i < n)
	{
		unsigned int b = s[i];
		const char *rep = "\x01";	/* a separator */
		size_t		clen = 1;

		if (i + 8 <= n)
		{
			/* the ASCII bytes up to the next other one, eight at a time */
			uint64_t	x;
			uint64_t	high;

			memcpy(&x, s + i, 8);
			memcpy(ascii + m, &x, 8);
			high = x & 0x8080808080808080ull;
			if (high == 0)
			{
				i += 8;
				m += 8;
				continue;
			}
			i += (size_t) __builtin_ctzll(high) / 8;
			m += (size_t) __builtin_ctzll(high) / 8;
			b = s[i];
		}
		else if (b < 0x80)
		{
			ascii[m++] = (unsigned char) b;
			i++;
			continue;
		}
		if (b >= 0xC2 && b <= 0xC5)
		{
			/* U+0080 .. U+017F; an invalid sequence is a separator byte */
			if (i + 1 < n && (s[i + 1] & 0xC0) == 0x80)
			{
				unsigned int cp = ((b & 0x1F) << 6) | (s[i + 1] & 0x3F);

				clen = 2;
				if (cp >= 0xC0 && *latin_fold[cp - 0xC0])
					rep = latin_fold[cp - 0xC0];
				else if (cp == 0xB7)
					rep = ";";
			}
		}
		else if (b == 0xE2)
		{
			/* U+2000 .. U+2FFF: dashes and the bullet end a segment */
			if (i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80)
			{
				unsigned int cp = 0x2000 | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);

				clen = 3;
				if (cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0x2022)
					rep = ";";
			}
		}
		else
			return 0;
		/* never longer than the bytes it replaces */
		while (*rep)
			ascii[m++] = (unsigned char) *rep++;
		i += clen;
		end[nshift] = (uint8_t) m;
		shift[nshift++] = (uint8_t) (i - m);
	}
	/* all ASCII: the ASCII path has refused this title already ("&", "+", "@") */
	if (nshift == 0 || !tokenize_short_ascii(c, ascii, m))
		return 0;
	/*
	 * Only the evidence reads the source bytes.  Tokens and shifts are both
	 * in title order: one walk maps them.  A token starts and ends between
	 * characters, never inside one.
	 */
	if (nshift == 0 || !c->need_src)
		return 1;
	for (k = 0, j = 0; k < c->ntok; k++)
	{
		Token	   *t = &c->tok[k];
		int			first = t->fstart;
		int			last = t->fstart + t->flen;

		while (j < nshift && end[j] <= first)
			sh = shift[j++];
		t->sstart = (uint16_t) (first + sh);
		while (j < nshift && end[j] <= last)
			sh = shift[j++];
		t->slen = (uint16_t) (last + sh - t->sstart);
	}
	return 1;
}
#endif

/*
 * The length of a valid UTF-8 character at s (n bytes readable) of a
 * script without a letter the lexicon knows, or 0: U+0180 .. U+07FF except
 * U+0200 .. U+023F (Greek, Cyrillic, Hebrew, Arabic, ...) and U+3000 ..
 * U+CFFF except U+3001 (CJK, kana, hangul).  They are all separators, which
 * the general decoder below finds too, at three times the cost: a title
 * in Chinese or Russian is a few dozen of them.
 */
static inline size_t
other_script_len(const unsigned char *s, size_t n)
{
	unsigned int b = s[0];

	if (b >= 0xC6 && b <= 0xDF && b != 0xC8)
		return n > 1 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (b >= 0xE3 && b <= 0xEC)
		return n > 2 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
			!(b == 0xE3 && s[1] == 0x80 && s[2] == 0x81) ? 3 : 0;
	return 0;
}

static void
tokenize(Ctx *c, const unsigned char *s, size_t n)
{
	size_t		i = 0;
	int			fpos = 0;
	int			seg = 0;
	int			intok = 0;
	int			ntok = 0;
	int			fstart = 0;
	size_t		sstart = 0;
	char	   *fold = c->fold;

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
	__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (tokenize_short_ascii(c, s, n) || tokenize_short_latin(c, s, n))
		return;
#endif
	c->at_seg = PERSONA_TITLE_MAX_BYTES + 1;

#define END_TOKEN() \
	do { \
		Token	   *t_ = &c->tok[ntok++]; \
		t_->fstart = (uint16_t) fstart; \
		t_->flen = (uint16_t) (fpos - fstart); \
		t_->sstart = (uint16_t) sstart; \
		t_->slen = (uint16_t) (i - sstart); \
		t_->seg = (uint16_t) seg; \
		/* word_hash reads 16 bytes: make those past the word defined */ \
		memset(fold + fpos, 0, 16); \
		t_->hash = word_hash(fold + fstart, fpos - fstart); \
		intok = 0; \
		/* " at " ends a segment: "Sales Manager at Acme" */ \
		if (fpos - fstart == 2 && fold[fstart] == 'a' && fold[fstart + 1] == 't') \
		{ \
			seg++; \
			if (c->at_seg > seg) \
				c->at_seg = seg; \
		} \
	} while (0)

	while (i < n)
	{
		unsigned int b = s[i];
		const char *rep = NULL;
		size_t		clen = 1;
		int			kind;		/* 0 letter, 1 separator, 2 segment end */

		if (b == ' ')
		{
			/* the commonest separator */
			if (intok)
				END_TOKEN();
			i++;
			continue;
		}
		if (b < 0x80)
		{
			int			m = ascii_map[b];

			if (m >= '0')
			{
				if (!intok)
				{
					if (ntok >= MAX_TOKENS)
						break;
					intok = 1;
					fstart = fpos;
					sstart = i;
				}
				/* the hot loop: ASCII letters and digits */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
	__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
				/*
				 * Eight bytes at a time while they are readable: find how
				 * many leading bytes are letters or digits and lower-case
				 * them all at once (the few bytes stored past the word are
				 * overwritten or never read; fold has room since fpos <= i).
				 */
				while (i + 8 <= n)
				{
					uint64_t	x;
					uint64_t	lc;
					uint64_t	stop;
					int			k;

					memcpy(&x, s + i, 8);
					stop = swar_word(x, &lc);
					memcpy(fold + fpos, &lc, 8);
					if (stop == 0)
					{
						fpos += 8;
						i += 8;
						continue;
					}
					k = __builtin_ctzll(stop) / 8;
					fpos += k;
					i += (size_t) k;
					break;
				}
				if (i < n && ascii_map[s[i]] >= '0')
				{
					m = ascii_map[s[i]];
					do
					{
						fold[fpos++] = (char) m;
						i++;
					} while (i < n && (m = ascii_map[s[i]]) >= '0');
				}
#else
				m = ascii_map[s[i]];
				do
				{
					fold[fpos++] = (char) m;
					i++;
				} while (i < n && (m = ascii_map[s[i]]) >= '0');
#endif
				continue;
			}
			if (m == CL_AMP)
			{
				/*
				 * "R&D", "M&A", "L&D" are words; "Sales & Marketing" and
				 * "Sales&Marketing" are two.  Spanish writes "I+D" for
				 * R&D: a "+" between short words joins them the same way
				 * and is written "&", so the lexicon has one spelling.
				 */
				size_t		j = i + 1;

				while (j < n && is_alnum(s[j]))
					j++;
				if (intok && fpos - fstart <= 2 && j > i + 1 && j - i - 1 <= 2)
				{
					fold[fpos++] = '&';
					i++;
					continue;
				}
				kind = 2;
			}
			else if (m == CL_SEG)
			{
				kind = 2;
				/* what follows "@" is the employer */
				if (b == '@' && c->at_seg > seg + 1)
					c->at_seg = seg + 1;
			}
			else if (m == CL_DASH)
			{
				/* " - " separates titles, "co-founder" is one phrase */
				kind = ((i == 0 || s[i - 1] == ' ') &&
						(i + 1 >= n || s[i + 1] == ' ')) ? 2 : 1;
			}
			else
				kind = 1;
		}
		else if ((clen = other_script_len(s + i, n - i)) > 0)
			kind = 1;
		else
		{
			uint32_t	cp = 0;
			int			need = 0;

			clen = 1;

			kind = 1;
			if (b >= 0xC2 && b <= 0xDF)
			{
				cp = b & 0x1F;
				need = 1;
			}
			else if (b >= 0xE0 && b <= 0xEF)
			{
				cp = b & 0x0F;
				need = 2;
			}
			else if (b >= 0xF0 && b <= 0xF4)
			{
				cp = b & 0x07;
				need = 3;
			}
			if (need > 0 && i + (size_t) need < n)
			{
				int			k;
				int			ok = 1;

				for (k = 1; ok && k <= need; k++)
				{
					unsigned int cb = s[i + k];

					if ((cb & 0xC0) != 0x80)
						ok = 0;
					else
						cp = (cp << 6) | (cb & 0x3F);
				}
				/* overlong, surrogate and out-of-range forms are invalid */
				if (ok && ((need == 2 && cp < 0x800) ||
						   (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
						   (cp >= 0xD800 && cp <= 0xDFFF)))
					ok = 0;
				if (ok)
				{
					clen = (size_t) need + 1;
					if (cp >= 0xC0 && cp <= 0x17F)
					{
						rep = latin_fold[cp - 0xC0];
						if (*rep)
							kind = 0;
					}
					else if (cp == 0x218 || cp == 0x219)
					{
						rep = "s";
						kind = 0;
					}
					else if (cp == 0x21A || cp == 0x21B)
					{
						rep = "t";
						kind = 0;
					}
					else if (cp == 0x1E9E)
					{
						rep = "ss";
						kind = 0;
					}
					else if (cp == 0x2013 || cp == 0x2014 || cp == 0x2015 ||
							 cp == 0x2022 || cp == 0xB7 || cp == 0xFF5C ||
							 cp == 0xFF0F || cp == 0xFF0C || cp == 0x3001)
						kind = 2;
				}
			}
		}

		if (kind == 0)
		{
			if (!intok)
			{
				if (ntok >= MAX_TOKENS)
					break;
				intok = 1;
				fstart = fpos;
				sstart = i;
			}
			/* never longer than the bytes it replaces (see above) */
			while (*rep && fpos < PERSONA_TITLE_MAX_BYTES)
				fold[fpos++] = *rep++;
		}
		else
		{
			if (intok)
				END_TOKEN();
			if (kind == 2)
				seg++;
		}
		i += clen;
	}
	if (intok)
		END_TOKEN();
#undef END_TOKEN
	c->ntok = ntok;
	memset(fold + fpos, 0, 16);
}

/*
 * A new unit for tokens tok0 .. tok0 + ntok - 1, NULL if there is no room.
 * Only what every unit needs: the caller fills in the meaning, and the
 * place in the normalised form is set when that is written.
 */
static inline Unit *
new_unit(Ctx *c, int tok0, int ntok)
{
	Unit	   *u;
	const Token *a = &c->tok[tok0];
	const Token *z = &c->tok[tok0 + ntok - 1];

	if (c->nunit >= MAX_UNITS)
		return NULL;
	u = &c->unit[c->nunit++];
	u->seg = a->seg;
	u->sstart = a->sstart;
	u->slen = (uint16_t) (z->sstart + z->slen - a->sstart);
	u->skip = 0;
	return u;
}

static inline void
unit_from_entry(Unit *u, int e, uint8_t rule)
{
	const PersonaLexEntry *le = &persona_lexicon[e];

	u->canon = le->canon;
	u->canon_len = le->canonlen;
	u->term = le->term;
	u->padded = 1;
	u->sub = le->sub;
	u->flags = le->flags;
	u->sen = le->sen;
	u->fn = le->fn;
	u->strength = le->strength;
	u->rule = rule;
	u->lang = le->lang;
}

static inline void
unit_unknown(Unit *u, const char *w, int n)
{
	u->canon = w;
	u->canon_len = (uint16_t) n;
	u->padded = 1;				/* Ctx.fold is */
	u->sub = NULL;
	u->flags = 0;
	u->sen = PERSONA_SEN_NONE;
	u->fn = PERSONA_FN_NONE;
	u->strength = LEX_DOMAIN;
	u->rule = PERSONA_RULE_WORD;
	u->lang = 0;
}

/*
 * "of", "de", "d'", "en", "von": what follows names the work, not the
 * person.  A list here, not a lexicon flag: the sixteen flag bits of a
 * lexicon entry are all taken, and only the plural rule asks.
 */
static int
is_preposition(const char *w, int n)
{
	static const char *const preps[] = {
		"of", "for", "in", "on", "at", "to", "de", "d", "des", "del", "du", "da",
		"do", "dos", "das", "di", "en", "aux", "au", "para", "pour", "per", "von",
		"van", "voor", "fur", "bei", "con", "avec", "com", "met", "mit", NULL
	};
	int			i;

	if (n > 4)
		return 0;
	for (i = 0; preps[i]; i++)
		if (strncmp(preps[i], w, (size_t) n) == 0 && preps[i][n] == '\0')
			return 1;
	return 0;
}

/*
 * The singular of an unknown plural of a role noun: "Fundraisers",
 * "analistas", "desarrolladores" are the word without its "s" (or "es").
 * Only single role words of at least four letters without a level of
 * their own are tried ("Leads" and "associés" are not people here).
 */
static int
find_singular(const char *w, int n)
{
	int			e;
	int			k;

	for (k = 1; k <= 2; k++)
	{
		if (k == 2 && w[n - 2] != 'e')
			break;
		if (n - k < MIN_PLURAL - 1)
			break;
		e = lex_find_word(word_hash(w, n - k), w, n - k);
		if (e >= 0 && (persona_lexicon[e].flags & (LEX_ROLE | LEX_PREFIXONLY)) == LEX_ROLE &&
			(persona_lexicon[e].sen == PERSONA_SEN_NONE ||
			 persona_lexicon[e].sen == PERSONA_SEN_ENTRY))
			return e;
	}
	return -1;
}

/*
 * A German compound modifier: the word itself, or without a linking "s"
 * (Vertriebs-), "n"/"en" (Kunden-: listed as words) or "e".
 */
static int
find_modifier(const char *w, int n)
{
	int			e;

	if (n < 2)
		return -1;
	e = lex_find_word(word_hash(w, n), w, n);
	if (e >= 0 && (persona_lexicon[e].flags & LEX_CMOD))
		return e;
	if (n > 3 && w[n - 1] == 's')
	{
		e = lex_find_word(word_hash(w, n - 1), w, n - 1);
		if (e >= 0 && (persona_lexicon[e].flags & LEX_CMOD))
			return e;
	}
	return -1;
}

/*
 * Split a German compound w[0..n) into known parts: modifiers then a head
 * (Vertriebsleiterin -> vertrieb + leiterin).  The longest head that
 * leaves a known first part wins; a first part may itself be two
 * modifiers (Produktmarketingleiter).  If no first part is known but the
 * head is a "loose" one (Filialleiter), the unknown first part is kept as
 * it is.  Returns the number of parts written (0 if none), at most 3.
 */
typedef struct Part
{
	int			entry;			/* -1: unknown text */
	int			off;
	int			len;
} Part;

static int
split_compound(const char *w, int n, Part *parts)
{
	int			k;
	int			loose_k = -1;
	int			loose_e = -1;
	int			code = tail_code(w + n - 3);
	uint64_t	lens;

	/* most unknown words cannot end in a compound head: say so quickly */
	if (code < 0 || !(lex_head_end[code / 64] & ((uint64_t) 1 << (code % 64))))
		return 0;

	/*
	 * Heads from the longest (k = 2) to 3 letters (k = n - 3), but only the
	 * lengths of the heads that end in these three letters.
	 */
	lens = lex_head_tail_lens[lex_head_tail_idx[code]] &
		((((uint64_t) 1 << (n - 1)) - 1) & ~(uint64_t) 7);
	while (lens)
	{
		int			he;
		int			me;
		uint32_t	h;
		int			hl = highest_bit(lens);

		lens &= ~((uint64_t) 1 << hl);
		k = n - hl;
		h = word_hash(w + k, n - k);
		if (!(lex_head_bits[(h % HEAD_BITS) / 64] & ((uint64_t) 1 << (h % 64))))
			continue;
		he = lex_find_word(h, w + k, n - k);
		if (he < 0 || !(persona_lexicon[he].flags & LEX_CHEAD))
			continue;
		me = find_modifier(w, k);
		if (me >= 0)
		{
			parts[0].entry = me;
			parts[0].off = 0;
			parts[0].len = k;
			parts[1].entry = he;
			parts[1].off = k;
			parts[1].len = n - k;
			return 2;
		}
		/* two modifiers: Produkt|marketing|leiter */
		if (k >= 4)
		{
			int			j;

			for (j = 2; j <= k - 2; j++)
			{
				int			m1 = find_modifier(w, j);
				int			m2;

				if (m1 < 0)
					continue;
				m2 = find_modifier(w + j, k - j);
				if (m2 < 0)
					continue;
				parts[0].entry = m1;
				parts[0].off = 0;
				parts[0].len = j;
				parts[1].entry = m2;
				parts[1].off = j;
				parts[1].len = k - j;
				parts[2].entry = he;
				parts[2].off = k;
				parts[2].len = n - k;
				return 3;
			}
		}
		if (loose_k < 0 && k >= 3 && (persona_lexicon[he].flags & LEX_LOOSEHEAD))
		{
			loose_k = k;
			loose_e = he;
		}
	}
	if (loose_k >= 0)
	{
		parts[0].entry = -1;
		parts[0].off = 0;
		parts[0].len = loose_k;
		parts[1].entry = loose_e;
		parts[1].off = loose_k;
		parts[1].len = n - loose_k;
		return 2;
	}
	return 0;
}

/*
 * Match the tokens against the built-in lexicon, longest phrase first,
 * producing units.
 */
static void
match_builtin(Ctx *c)
{
	int			i = 0;
	int			pl;
	int			plural_u[MAX_PLURALS];	/* units read as a singular */
	int			plural_tok[MAX_PLURALS];
	int			nplural = 0;

	c->nunit = 0;
	c->allflags = 0;
	c->n_foreign = 0;
	while (i < c->ntok)
	{
		const Token *t = &c->tok[i];
		int			best = -1;
		int			bestn = 1;
		Unit	   *u;

		if (t->flen <= MAX_LEX_WORD)
		{
			best = lex_find_token(t->hash, c, t);
			if (best >= 0 && persona_lexicon[best].maxwords > 1 &&
				i + 1 < c->ntok && c->tok[i + 1].seg == t->seg &&
				lex_pair_maybe(phrase_combine(t->hash, c->tok[i + 1].hash)))
			{
				uint32_t	hs[MAX_PHRASE];
				int			ls[MAX_PHRASE];
				uint32_t	h = t->hash;
				int			l = t->flen;
				int			maxw = persona_lexicon[best].maxwords;
				int			j;

				for (j = 1; j < maxw && i + j < c->ntok &&
					 c->tok[i + j].seg == t->seg; j++)
				{
					h = phrase_combine(h, c->tok[i + j].hash);
					l += 1 + c->tok[i + j].flen;
					hs[j] = h;
					ls[j] = l;
				}
				for (j--; j >= 1; j--)
				{
					int			e;

					if (ls[j] > 255)
						continue;
					e = lex_find_tokens(hs[j], c, i, j + 1, ls[j]);

					if (e >= 0)
					{
						best = e;
						bestn = j + 1;
						break;
					}
				}
			}
			if (best >= 0 && bestn == 1 &&
				(persona_lexicon[best].flags & LEX_PREFIXONLY))
				best = -1;
		}

		if (best >= 0 && c->labels_only && entry_inert(best))
			c->n_foreign += persona_lexicon[best].lang != 0;	/* no unit */
		else if (best >= 0)
		{
			u = new_unit(c, i, bestn);
			if (!u)
				return;
			unit_from_entry(u, best, bestn > 1 ? PERSONA_RULE_PHRASE : PERSONA_RULE_WORD);
			c->allflags |= u->flags;
		}
		else
		{
			Part		parts[3];
			int			np = 0;
			int			p;
			int			e = -1;

			if (t->flen >= MIN_PLURAL && t->flen <= MAX_LEX_WORD &&
				c->fold[t->fstart + t->flen - 1] == 's' && nplural < MAX_PLURALS)
				e = find_singular(c->fold + t->fstart, t->flen);
			if (e >= 0)
			{
				u = new_unit(c, i, 1);
				if (!u)
					return;
				unit_from_entry(u, e, PERSONA_RULE_WORD);
				c->allflags |= u->flags;
				plural_u[nplural] = c->nunit - 1;
				plural_tok[nplural++] = i;
				i++;
				continue;
			}
			/* split_compound turns most words away by their last letters */
			if (t->flen >= MIN_COMPOUND && t->flen <= MAX_LEX_WORD)
				np = split_compound(c->fold + t->fstart, t->flen, parts);
			if (np == 0 && !c->labels_only)
			{
				u = new_unit(c, i, 1);
				if (!u)
					return;
				unit_unknown(u, c->fold + t->fstart, t->flen);
			}
			for (p = 0; p < np; p++)
			{
				if (parts[p].entry < 0 && c->labels_only)
					continue;
				u = new_unit(c, i, 1);
				if (!u)
					return;
				if (parts[p].entry >= 0)
				{
					unit_from_entry(u, parts[p].entry, PERSONA_RULE_COMPOUND);
					c->allflags |= u->flags;
				}
				else
					unit_unknown(u, c->fold + t->fstart + parts[p].off,
								 parts[p].len);
				/* a part's own bytes when the source was plain ASCII */
				if (t->slen == t->flen)
				{
					u->sstart = (uint16_t) (t->sstart + parts[p].off);
					u->slen = (uint16_t) parts[p].len;
				}
			}
		}
		i += bestn;
	}

	/*
	 * A plural names the people only when no other word of its segment
	 * does: "Software Developers", "analistas de datos"; not "Artists
	 * Materials Sales Representative" or "directeur des recherches
	 * exécutives", where it is what they work on, nor after a
	 * preposition ("montador de aparatos médicos").  Of two plurals in a
	 * segment ("Waiters and Waitresses") the last stays.
	 */
	for (pl = 0; pl < nplural; pl++)
	{
		Unit	   *pu = &c->unit[plural_u[pl]];
		const Token *t = &c->tok[plural_tok[pl]];
		int			v;
		int			k;

		for (v = 0; v < c->nunit; v++)
			if (v != plural_u[pl] && c->unit[v].seg == pu->seg &&
				(c->unit[v].sen != PERSONA_SEN_NONE ||
				 (c->unit[v].flags & LEX_ROLE)))
				break;
		for (k = plural_tok[pl] - 1; v == c->nunit && k >= 0 && c->tok[k].seg == t->seg; k--)
			if (is_preposition(c->fold + c->tok[k].fstart, c->tok[k].flen))
				v = -1;
		if (v != c->nunit)
			unit_unknown(pu, c->fold + t->fstart, t->flen);
	}
}

/*
 * The user lexicon: its terms are normalised already, so they are matched
 * against the canonical words the built-in lexicon produced (a user term
 * "chief financial officer" therefore also catches "CFO", and "sales head"
 * catches "Vertriebsleiter").  A match must start and end on unit
 * boundaries and stay inside one segment; the longest wins.
 */
static uint16_t
bounded_len(const char *s, size_t max)
{
	size_t		n = 0;

	while (n < max && s[n] != '\0')
		n++;
	return (uint16_t) n;
}

static int
user_match_units(const Ctx *c, int u, const char *term)
{
	int			seg = c->unit[u].seg;

	for (;;)
	{
		const Unit *un = &c->unit[u];

		if (un->seg != seg)
			return -1;
		if (un->canon_len > 0)
		{
			if (strncmp(term, un->canon, un->canon_len) != 0)
				return -1;
			term += un->canon_len;
			if (*term == '\0')
				return u;
			if (*term != ' ')
				return -1;
			term++;
		}
		if (++u >= c->nunit)
			return -1;
	}
}

static void
match_user(Ctx *c, const PersonaLexicon *user)
{
	int			u;

	for (u = 0; u < c->nunit; u++)
	{
		Unit	   *un = &c->unit[u];
		const char *w = un->canon;
		int			wl = 0;
		int			lo = 0;
		int			hi = user->nterms;
		int			k;
		int			best = -1;
		int			best_end = -1;

		if (un->canon_len == 0)
			continue;
		while (wl < un->canon_len && w[wl] != ' ')
			wl++;
		/* lower bound of the first word */
		while (lo < hi)
		{
			int			mid = lo + (hi - lo) / 2;
			const char *t = user->terms[mid].term;
			int			cmp = t ? strncmp(t, w, wl) : -1;

			if (cmp == 0 && t[wl] != '\0')
				cmp = 1;
			if (cmp < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (k = lo; k < user->nterms; k++)
		{
			const char *t = user->terms[k].term;
			int			end;

			if (!t || strncmp(t, w, wl) != 0 || (t[wl] != '\0' && t[wl] != ' '))
				break;
			end = user_match_units(c, u, t);
			if (end > best_end)
			{
				best_end = end;
				best = k;
			}
		}
		if (best >= 0)
		{
			const PersonaUserTerm *ut = &user->terms[best];
			const Unit *last = &c->unit[best_end];
			int			v;

			un->canon = ut->canonical ? ut->canonical : ut->term;
			un->canon_len = bounded_len(un->canon, PERSONA_NORM_MAX);
			un->padded = 0;
			un->sub = ut->subfunction;
			un->flags = 0;
			un->sen = ut->seniority;
			un->fn = ut->function;
			if (un->sen < PERSONA_SEN_NONE || un->sen >= PERSONA_SEN_COUNT)
				un->sen = PERSONA_SEN_NONE;
			if (un->fn < PERSONA_FN_NONE || un->fn >= PERSONA_FN_COUNT)
				un->fn = PERSONA_FN_NONE;
			un->strength = LEX_DOMAIN;
			un->rule = PERSONA_RULE_USER;
			if (last->sstart + last->slen > un->sstart)
				un->slen = (uint16_t) (last->sstart + last->slen - un->sstart);
			for (v = u + 1; v <= best_end; v++)
				c->unit[v].skip = 1;
			u = best_end;
		}
	}
}

/*
 * Run the whole front end: tokens, built-in matches, user matches.
 * cflags (PERSONA_CLASSIFY_*) say what the caller does not read: without
 * evidence no source bytes; without evidence and normalised form (and
 * user lexicon, which matches on words) no unknown word, which says
 * nothing to any rule of classify.
 */
static void
analyse(Ctx *c, const char *title, size_t len, const PersonaLexicon *user,
		int cflags)
{
	if (!lex_built)
		lex_build();
	c->need_src = !(cflags & PERSONA_CLASSIFY_NO_EVIDENCE);
	c->labels_only = (cflags & PERSONA_CLASSIFY_NO_EVIDENCE) &&
		(cflags & PERSONA_CLASSIFY_NO_NORMALIZED) &&
		!(user && user->nterms > 0 && user->terms);
	if (title == NULL)
		len = 0;
	if (len > PERSONA_TITLE_MAX_BYTES)
		len = PERSONA_TITLE_MAX_BYTES;
	tokenize(c, (const unsigned char *) title, len);
	match_builtin(c);
	if (user && user->nterms > 0 && user->terms)
		match_user(c, user);
}

/*
 * Write the canonical words joined by single spaces; a word that does not
 * fit is left out whole.
 */
static size_t
write_normalized(const Ctx *c, char *buf, size_t bufsize)
{
	size_t		pos = 0;
	int			u;

	if (bufsize == 0)
		return 0;
	for (u = 0; u < c->nunit; u++)
	{
		const Unit *un = &c->unit[u];
		size_t		need;

		if (un->skip || un->canon_len == 0)
			continue;
		need = un->canon_len + (pos > 0 ? 1 : 0);
		if (pos + need > bufsize - 1)
			break;
		if (pos > 0)
			buf[pos++] = ' ';
		memcpy(buf + pos, un->canon, un->canon_len);
		pos += un->canon_len;
	}
	buf[pos] = '\0';
	return pos;
}

size_t
persona_title_normalize(const char *text, size_t len,
						const PersonaLexicon *user,
						char *buf, size_t bufsize)
{
	Ctx			c;

	analyse(&c, text, len, user, PERSONA_CLASSIFY_NO_EVIDENCE);
	if (c.allflags & (LEX_STAFF | LEX_CHIEF | LEX_FOREIGNCTX))
		resolve_context(&c);
	return write_normalized(&c, buf, bufsize);
}

/*
 * Words whose meaning depends on the rest of the title: "staff" is a level
 * only before an engineer-like role, "chief" is cxo when "officer" follows
 * in its segment, and a LEX_FOREIGNCTX word ("personal") names its
 * function only beside a word of another language than English.  Rare,
 * so the backward walk only runs when such a word is present.
 */
static void
resolve_context(Ctx *c)
{
	int			u;
	int			n_foreign = c->n_foreign;
	int			officer_after = 0;
	int			staffable_after = 0;
	int			cur_seg = -1;

	if (c->allflags & LEX_FOREIGNCTX)
		for (u = 0; u < c->nunit; u++)
			if (c->unit[u].lang != 0 && !c->unit[u].skip)
				n_foreign++;
	for (u = c->nunit - 1; u >= 0; u--)
	{
		Unit	   *un = &c->unit[u];

		if (un->seg != cur_seg)
		{
			cur_seg = un->seg;
			officer_after = staffable_after = 0;
		}
		if (un->skip)
			continue;
		if ((un->flags & LEX_STAFF) && !staffable_after)
			un->sen = PERSONA_SEN_NONE;
		if ((un->flags & LEX_CHIEF) && officer_after)
		{
			un->sen = PERSONA_SEN_CXO;
			if (un->fn == PERSONA_FN_NONE)
				un->fn = PERSONA_FN_EXECUTIVE;
		}
		if ((un->flags & LEX_FOREIGNCTX) &&
			n_foreign - (un->lang != 0 ? 1 : 0) == 0)
		{
			/* an English word after all: "Personal Banker" */
			un->fn = PERSONA_FN_NONE;
			un->canon = un->term;
			un->canon_len = (uint16_t) strlen(un->term);
			un->padded = 0;
		}
		if (un->flags & LEX_OFFICER)
			officer_after = 1;
		if (un->flags & LEX_STAFFABLE)
			staffable_after = 1;
	}
}

static void
set_evidence(PersonaEvidence *ev, const Unit *un, int sen, int fn, int rule)
{
	ev->norm_start = un->nstart;
	ev->norm_len = un->nlen;
	ev->src_start = un->sstart;
	ev->src_len = un->slen;
	ev->seniority = (int8_t) sen;
	ev->function = (int8_t) fn;
	ev->rule = (uint8_t) rule;
	ev->decided = 0;
	ev->subfunction = un->sub;
}

/*
 * The functions after which a partner is no rank in the segment: all but
 * finance, legal and consulting (bit f + 1 for function f; none is -1).
 */
#define FN_RANKS_SEG \
	((((uint64_t) 1 << (PERSONA_FN_COUNT + 1)) - 1) & \
	 ~((uint64_t) 1 << (PERSONA_FN_NONE + 1)) & \
	 ~((uint64_t) 1 << (PERSONA_FN_FINANCE + 1)) & \
	 ~((uint64_t) 1 << (PERSONA_FN_LEGAL + 1)) & \
	 ~((uint64_t) 1 << (PERSONA_FN_CONSULTING + 1)))

/*
 * Classify: one walk over the units records the evidence in title order
 * and keeps, as it goes, the candidates for each rule of
 * docs/classification.md; the deciding pieces are marked at the end.
 * Inlined into each entry point so that the flags are constants there.
 */
static ALWAYS_INLINE void
classify(const char *title, size_t len, const PersonaLexicon *user,
		 int cflags, PersonaTitle *out)
{
	Ctx			c;
	int			u;
	int			nev = 0;
	int			best_sen = PERSONA_SEN_NONE;
	int			best_sen_u = -1;
	int			train_u = -1;
	int			unpaid_u = -1;
	int			weak_unpaid_u = -1;
	int			assist_u = -1;
	int			role_u = -1;
	int			fn_u = -1;
	int			fn_strength = -1;
	int			exec_u = -1;
	int			to_seg = -1;
	int			fn_seg = -1;
	size_t		room = PERSONA_NORM_MAX;	/* 0 once a word did not fit */
	int			has_sub = 0;
	size_t		pos = 0;
	char	   *nbuf = out->normalized;
	int			employee_u = -1;
	int			level_seg = -1;
	int			sen_u;
	int			sen;
	int			fn;
	uint32_t	functions = 0;

	analyse(&c, title, len, user, cflags);
	if (c.allflags & (LEX_STAFF | LEX_CHIEF | LEX_FOREIGNCTX))
		resolve_context(&c);

	/*
	 * The normalised form, as write_normalized writes it (a word that does
	 * not fit ends it), in a loop of its own: with few live variables it
	 * stays in registers.
	 */
	for (u = 0; u < c.nunit && !(cflags & PERSONA_CLASSIFY_NO_NORMALIZED); u++)
	{
		Unit	   *un = &c.unit[u];
		size_t		sep = pos > 0;	/* a space before all but the first */

		/*
		 * A word that is not written (skipped, empty, or past a word that
		 * did not fit) has an empty span at the end of what is written, so
		 * every span stays inside the normalised form.
		 */
		un->nlen = 0;
		un->nstart = (uint16_t) pos;
		if (un->skip || un->canon_len == 0)
			continue;
		if (un->padded && un->canon_len <= 16 && pos + sep + 16 < room)
		{
			/*
			 * The usual word: a fixed-size copy has no length-dependent
			 * branch, and the space is stored whether or not it is needed
			 * (the first word overwrites it).
			 */
			nbuf[pos] = ' ';
			memcpy(nbuf + pos + sep, un->canon, 16);
			un->nstart = (uint16_t) (pos + sep);
			un->nlen = un->canon_len;
			pos += sep + un->canon_len;
		}
		else if (room > 0)
		{
			size_t		need = un->canon_len + sep;

			if (pos + need > PERSONA_NORM_MAX - 1)
				room = 0;
			else
			{
				if (sep)
					nbuf[pos++] = ' ';
				memcpy(nbuf + pos, un->canon, un->canon_len);
				un->nstart = (uint16_t) pos;
				un->nlen = un->canon_len;
				pos += un->canon_len;
			}
		}
	}
	nbuf[pos] = '\0';
	out->normalized_len = (uint16_t) pos;

	for (u = 0; u < c.nunit; u++)
	{
		Unit	   *un = &c.unit[u];
		int			seg;
		int			flags;
		int			usen;
		int			ufn;

		/* evidence without the normalised form points at nothing */
		if ((cflags & PERSONA_CLASSIFY_NO_NORMALIZED) &&
			!(cflags & PERSONA_CLASSIFY_NO_EVIDENCE))
			un->nstart = un->nlen = 0;
		if (un->skip)
			continue;
		seg = un->seg;
		flags = un->flags;
		usen = un->sen;
		ufn = un->fn;
		/* "Sales Manager at Acme": the employer says nothing */
		if (seg >= c.at_seg)
			break;

		/*
		 * A word with neither level nor function (most unknown words)
		 * changes nothing below unless it is "to", a role or "employee":
		 * skip the rest of the rules for it.
		 */
		if (usen == PERSONA_SEN_NONE && ufn == PERSONA_FN_NONE &&
			!(flags & (LEX_TO | LEX_ROLE | LEX_EMPLOYEE)))
			continue;
		/* "Chief of Staff to the CEO": the CEO is whom the role serves */
		if ((flags & LEX_TO) && level_seg == seg)
			to_seg = seg;
		if (seg == to_seg)
			continue;

		/*
		 * "Talent Acquisition Partner" is no partner of the firm; "Tax
		 * Partner" is: partners are a rank of audit, tax, law and
		 * consulting firms.
		 */
		if ((flags & LEX_RANKALONE) && fn_seg == seg)
			un->sen = usen = PERSONA_SEN_NONE;
		if ((FN_RANKS_SEG >> (ufn + 1)) & 1)
			fn_seg = seg;
		if (usen != PERSONA_SEN_NONE || (flags & LEX_ROLE))
			level_seg = seg;
		if ((flags & LEX_ROLE) && role_u < 0)
			role_u = u;
		if ((flags & LEX_EMPLOYEE) && employee_u < 0)
			employee_u = u;
		if (usen == PERSONA_SEN_NONE && ufn == PERSONA_FN_NONE)
			continue;
		has_sub |= (un->sub != NULL);
		if (!(cflags & PERSONA_CLASSIFY_NO_EVIDENCE))
			un->ev = -1;
		/* keep one slot for the default rule */
		if (nev < PERSONA_MAX_EVIDENCE - 1 &&
			!(cflags & PERSONA_CLASSIFY_NO_EVIDENCE))
		{
			set_evidence(&out->evidence[nev], un, usen, ufn,
						 (flags & LEX_ASSIST) ? PERSONA_RULE_ASSISTANT_TO : un->rule);
			un->ev = (int8_t) nev++;
		}
		if (un->sen == PERSONA_SEN_UNPAID)
		{
			if (!(un->flags & LEX_WEAKUNPAID))
			{
				if (unpaid_u < 0)
					unpaid_u = u;
			}
			else if (weak_unpaid_u < 0)
				weak_unpaid_u = u;
		}
		else if (un->sen == PERSONA_SEN_TRAINING)
		{
			if (train_u < 0)
				train_u = u;
		}
		else if (un->sen > best_sen)
		{
			best_sen = un->sen;
			best_sen_u = u;
		}
		if (un->fn != PERSONA_FN_NONE)
		{
			if (un->strength > LEX_WEAK)
				functions |= (uint32_t) 1 << un->fn;
			if (un->fn == PERSONA_FN_EXECUTIVE)
			{
				if (exec_u < 0)
					exec_u = u;
			}
			else if ((int) un->strength > fn_strength)
			{
				fn_strength = un->strength;
				fn_u = u;
			}
		}
		/* after "assistant to", the CEO words count for nothing */
		if (un->flags & LEX_ASSIST)
		{
			assist_u = u;
			break;
		}
	}

	/* seniority: unpaid, training, student, assistant, then the highest */
	if (unpaid_u >= 0)
		sen_u = unpaid_u;
	else if (train_u >= 0)
		sen_u = train_u;
	else if (weak_unpaid_u >= 0)
		sen_u = weak_unpaid_u;
	else if (assist_u >= 0)
		sen_u = assist_u;
	else
		sen_u = best_sen_u;
	sen = sen_u >= 0 ? c.unit[sen_u].sen : PERSONA_SEN_NONE;
	if (sen_u >= 0 && sen_u == assist_u && sen == PERSONA_SEN_NONE)
		sen = PERSONA_SEN_ENTRY;

	/*
	 * primary function: the strongest kind of word, the first of them;
	 * executive only when nothing else is named; the assistant rule
	 * decides outright.
	 */
	if (assist_u >= 0 && c.unit[assist_u].fn != PERSONA_FN_NONE)
		fn_u = assist_u;
	else if (fn_u < 0 || (exec_u >= 0 && fn_strength == LEX_WEAK))
		fn_u = exec_u;
	fn = fn_u >= 0 ? c.unit[fn_u].fn : PERSONA_FN_NONE;
	if (fn != PERSONA_FN_NONE)
		functions |= (uint32_t) 1 << fn;

	out->function = (int8_t) fn;
	out->functions = functions;
	out->subfunction = NULL;
	if (fn_u >= 0)
	{
		out->subfunction = c.unit[fn_u].sub;
		for (u = 0; u < c.nunit && !out->subfunction && has_sub; u++)
			if (!c.unit[u].skip && c.unit[u].fn == fn && u <= (assist_u >= 0 ? assist_u : u))
				out->subfunction = c.unit[u].sub;
	}

	if (!(cflags & PERSONA_CLASSIFY_NO_EVIDENCE))
	{
		if (sen_u >= 0 && c.unit[sen_u].ev >= 0)
			out->evidence[(int) c.unit[sen_u].ev].decided = 1;
		if (fn_u >= 0 && c.unit[fn_u].ev >= 0)
			out->evidence[(int) c.unit[fn_u].ev].decided = 1;
	}
	/* "Mitarbeiter Vertrieb" is an entry role, "Mitarbeiter" alone is not */
	if (role_u < 0 && employee_u >= 0 && fn != PERSONA_FN_NONE)
		role_u = employee_u;
	if (sen == PERSONA_SEN_NONE && role_u >= 0)
	{
		/* a role word without a level word: entry */
		sen = PERSONA_SEN_ENTRY;
		if (!(cflags & PERSONA_CLASSIFY_NO_EVIDENCE))
		{
			set_evidence(&out->evidence[nev], &c.unit[role_u], PERSONA_SEN_ENTRY,
						 PERSONA_FN_NONE, PERSONA_RULE_DEFAULT);
			out->evidence[nev].subfunction = NULL;
			out->evidence[nev++].decided = 1;
		}
	}
	out->seniority = (int8_t) sen;
	out->n_evidence = (uint8_t) nev;
}

void
persona_title_classify(const char *title, size_t len,
					   const PersonaLexicon *user, PersonaTitle *out)
{
	classify(title, len, user, 0, out);
}

void
persona_title_classify_flags(const char *title, size_t len,
							 const PersonaLexicon *user, int flags,
							 PersonaTitle *out)
{
	if ((flags & PERSONA_CLASSIFY_NO_EVIDENCE) &&
		(flags & PERSONA_CLASSIFY_NO_NORMALIZED))
		classify(title, len, user,
				 PERSONA_CLASSIFY_NO_EVIDENCE | PERSONA_CLASSIFY_NO_NORMALIZED,
				 out);
	else if (flags & PERSONA_CLASSIFY_NO_EVIDENCE)
		classify(title, len, user, PERSONA_CLASSIFY_NO_EVIDENCE, out);
	else if (flags & PERSONA_CLASSIFY_NO_NORMALIZED)
		classify(title, len, user, PERSONA_CLASSIFY_NO_NORMALIZED, out);
	else
		classify(title, len, user, 0, out);
}
