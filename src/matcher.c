/*-------------------------------------------------------------------------
 *
 * matcher.c
 *	  Match leads against a compiled ruleset: criteria, scores, the best
 *	  persona and its runner-up, and the influence role.
 *
 * Building a Matcher does the work that must not be done per row: decode
 * and validate the ruleset once, normalise every keyword exactly as titles
 * are normalised (with the ruleset's user lexicon), and hash their words.
 * Per row, the title is classified once, its normalised words are hashed
 * once, and each keyword is a comparison of word hashes confirmed by one
 * memcmp, so "city manager" never matches "publicity manager".
 *
 * The scoring is documented in docs/ruleset.md; criterion_weight below is
 * its table of weights.
 *
 * src/matcher.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "port/pg_bitutils.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "matcher.h"
#include "title_input.h"

static const float4 criterion_weight[CRIT_COUNT] = {
	[CRIT_TITLE_KEYWORDS] = 3,
	[CRIT_TITLE_EXCLUDE] = 0,	/* a veto, not a part of the score */
	[CRIT_SENIORITIES] = 2,
	[CRIT_FUNCTIONS] = 2,
	[CRIT_INDUSTRIES] = 1,
	[CRIT_EMPLOYEES] = 1,
	[CRIT_COUNTRIES] = 1,
	[CRIT_ATTRIBUTES] = 1,
};

/* Quality of a function criterion met by a secondary function of the title. */
#define SECONDARY_FUNCTION_QUALITY 0.75f

/*
 * Words of normalised strings are hashed eight bytes at a time.  Both a
 * row's normalised title (PersonaTitle.normalized) and a normalised keyword
 * (normalize below) are NUL-terminated in a buffer of PERSONA_NORM_MAX
 * bytes, so eight bytes can be loaded at once wherever they fit in it;
 * bytes after the word are masked off and never counted.
 */
#define ALL_BYTES(b)	(UINT64CONST(0x0101010101010101) * (b))

/* The first n (0..8) bytes of x in memory order, the rest zero. */
static inline uint64
first_bytes(uint64 x, int n)
{
	static const uint8 ones_then_zeros[16] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0
	};
	uint64		mask;

	memcpy(&mask, ones_then_zeros + 8 - n, 8);
	return x & mask;
}

/* How many bytes of x (in memory order) come before a space or a NUL. */
static inline int
bytes_before_separator(uint64 x)
{
#ifndef WORDS_BIGENDIAN
	/* The classic zero-byte test: exact for the lowest byte it marks. */
	uint64		spaces = x ^ ALL_BYTES(' ');
	uint64		marks = (((spaces - ALL_BYTES(1)) & ~spaces) |
						 ((x - ALL_BYTES(1)) & ~x)) & ALL_BYTES(0x80);

	return marks ? pg_rightmost_one_pos64(marks) / 8 : 8;
#else
	const char *b = (const char *) &x;
	int			k = 0;

	while (k < 8 && b[k] != ' ' && b[k] != '\0')
		k++;
	return k;
#endif
}

/*
 * Hash the space-separated words of a normalised string of len bytes,
 * keeping each word's bytes in starts/ends; at most max words are kept
 * (the rest of a very long title is not matched against).  Keywords and
 * titles are split by this same function, and a hash match is always
 * confirmed by comparing the bytes.  This runs over every row's title:
 * a word of up to seven bytes, the usual one, is one load and one multiply,
 * with no loop over its bytes (whose exit mispredicted at every word).
 */
static int
split_words(const char *s, int len, uint32 *hashes, uint16 *starts,
			uint16 *ends, int max)
{
	const char *buf_end = s + PERSONA_NORM_MAX;
	int			n = 0;
	int			i = 0;

	while (n < max)
	{
		uint64		h = UINT64CONST(0x9E3779B97F4A7C15);
		int			start;

		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		start = i;
		for (;;)
		{
			uint64		x = 0;
			int			k;

			if (likely(s + i + 8 <= buf_end))
				memcpy(&x, s + i, 8);	/* one load */
			else
				memcpy(&x, s + i, len - i);
			k = Min(bytes_before_separator(x), len - i);
			h = (h ^ first_bytes(x, k)) * UINT64CONST(0xBF58476D1CE4E5B9);
			i += k;
			if (k < 8)
				break;
		}
		hashes[n] = (uint32) (h ^ (h >> 29));
		starts[n] = (uint16) start;
		ends[n] = (uint16) i;
		n++;
	}
	return n;
}

void
matcher_text_arg(Datum value, const char **bytes, int *len)
{
	text	   *t;

	if (value == (Datum) 0)
	{
		*bytes = NULL;
		*len = 0;
		return;
	}
	t = (text *) PG_DETOAST_DATUM_PACKED(value);
	*bytes = VARDATA_ANY(t);
	*len = VARSIZE_ANY_EXHDR(t);
}

/* A server-encoded string as UTF-8 (the classifier's encoding). */
static char *
to_utf8(const char *s)
{
	return (char *) pg_server_to_any(s, (int) strlen(s), PG_UTF8);
}

static char *
normalize(const char *s, const PersonaLexicon *lexicon)
{
	char	   *utf8 = to_utf8(s);
	char	   *buf = palloc0(PERSONA_NORM_MAX);	/* split_words loads past the NUL */

	persona_title_normalize(utf8, strlen(utf8), lexicon, buf, PERSONA_NORM_MAX);
	return buf;
}

typedef struct SortableTerm
{
	PersonaUserTerm term;
	int			position;		/* in the ruleset: the first one wins */
} SortableTerm;

static int
compare_sortable_terms(const void *a, const void *b)
{
	const SortableTerm *ta = a;
	const SortableTerm *tb = b;
	int			c = strcmp(ta->term.term, tb->term.term);

	return c != 0 ? c : ta->position - tb->position;
}

/*
 * The user lexicon as the classifier reads it: terms normalised with the
 * built-in lexicon alone, sorted.  Two terms that normalise alike ("VP" and
 * "Vice President") would be ambiguous: the first in the ruleset wins.
 */
static void
build_lexicon(Matcher *m)
{
	const RulesetSpec *spec = m->spec;
	SortableTerm *sorted = palloc(sizeof(SortableTerm) * Max(spec->nterms, 1));
	PersonaUserTerm *terms = palloc(sizeof(PersonaUserTerm) * Max(spec->nterms, 1));
	int			n = 0;
	int			i;

	for (i = 0; i < spec->nterms; i++)
	{
		const RulesetTerm *t = &spec->terms[i];
		SortableTerm *s = &sorted[n];

		s->term.term = normalize(t->term, NULL);
		if (s->term.term[0] == '\0')
			continue;			/* nothing the classifier could ever see */
		s->term.canonical = t->canonical ? normalize(t->canonical, NULL) : NULL;
		s->term.seniority = t->seniority;
		s->term.function = t->function;
		s->term.subfunction = t->subfunction;
		s->position = i;
		n++;
	}
	qsort(sorted, n, sizeof(SortableTerm), compare_sortable_terms);

	m->lexicon.nterms = 0;
	for (i = 0; i < n; i++)
	{
		if (m->lexicon.nterms > 0 &&
			strcmp(terms[m->lexicon.nterms - 1].term, sorted[i].term.term) == 0)
			continue;
		terms[m->lexicon.nterms++] = sorted[i].term;
	}
	m->lexicon.terms = terms;
	pfree(sorted);
}

static MatchKeyword *
compile_keywords(Matcher *m, const TextList *list)
{
	MatchKeyword *kws = palloc0(sizeof(MatchKeyword) * Max(list->n, 1));
	int			i;

	for (i = 0; i < list->n; i++)
	{
		char	   *norm = normalize(list->items[i], &m->lexicon);
		uint32		hashes[MATCH_MAX_WORDS];
		uint16		starts[MATCH_MAX_WORDS];
		uint16		ends[MATCH_MAX_WORDS];
		int			n = split_words(norm, strlen(norm), hashes, starts, ends,
									MATCH_MAX_WORDS);

		kws[i].nwords = n;
		kws[i].words = palloc(sizeof(uint32) * Max(n, 1));
		memcpy(kws[i].words, hashes, sizeof(uint32) * n);
		kws[i].text = norm;
		kws[i].len = (int) strlen(norm);
	}
	return kws;
}

static void
add_keyword_refs(Matcher *m, int profile, const MatchKeyword *kws, int n,
				 bool exclude, int *nrefs)
{
	int			k;

	for (k = 0; k < n; k++)
	{
		KeywordRef *r;
		int			bucket;

		if (kws[k].nwords == 0)
			continue;			/* normalises to nothing: never matches */
		r = &m->refs[*nrefs];
		r->first_word = kws[k].words[0];
		r->profile = profile;
		r->keyword = k;
		r->exclude = exclude;
		bucket = r->first_word & (m->nbuckets - 1);
		r->next = m->buckets[bucket];
		m->buckets[bucket] = (*nrefs)++;
	}
}

/*
 * Index every keyword by the hash of its first word, so a row's title is
 * scanned once for all profiles instead of once per keyword.
 */
static void
index_keywords(Matcher *m)
{
	int			total = 0;
	int			nrefs = 0;
	int			i;

	for (i = 0; i < m->spec->nprofiles; i++)
		total += m->spec->profiles[i].title_keywords.n + m->spec->profiles[i].title_exclude.n;
	m->nbuckets = 16;
	while (m->nbuckets < 2 * total)
		m->nbuckets *= 2;
	m->buckets = palloc(sizeof(int) * m->nbuckets);
	for (i = 0; i < m->nbuckets; i++)
		m->buckets[i] = -1;
	m->refs = palloc(sizeof(KeywordRef) * Max(total, 1));
	for (i = 0; i < m->spec->nprofiles; i++)
	{
		const RulesetProfile *p = &m->spec->profiles[i];

		add_keyword_refs(m, i, m->profiles[i].keywords, p->title_keywords.n, false, &nrefs);
		add_keyword_refs(m, i, m->profiles[i].excludes, p->title_exclude.n, true, &nrefs);
	}
}

/* The profile's attributes as key/value pairs, read once from their JSON. */
static void
compile_attributes(MatchProfile *mp, const char *json)
{
	Jsonb	   *jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(json)));
	JsonbIterator *it = JsonbIteratorInit(&jb->root);
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			n = 0;

	mp->attributes = palloc(sizeof(MatchAttribute) * Max(JsonContainerSize(&jb->root), 1));
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
		{
			mp->attributes[n].key = pnstrdup(v.val.string.val, v.val.string.len);
			mp->attributes[n].keylen = v.val.string.len;
		}
		else if (tok == WJB_VALUE)
			mp->attributes[n++].value = v;	/* points into jb, kept with it */
	}
	mp->nattributes = n;
}

/*
 * A lead's seniority and functions as bits the quick test reads: seniority
 * s is bit s + 1 (bit 0 is "unknown", which no set criterion accepts); a
 * function f is bit f, and LEAD_ANY_FUNCTION is in every lead's bits so a
 * profile that sets no functions accepts a lead with none.
 */
#define LEAD_ANY_FUNCTION ((uint32) 1 << 31)
StaticAssertDecl(PERSONA_SEN_COUNT + 1 < 32 && PERSONA_FN_COUNT + 1 < 31,
				 "seniority and function bits must fit in the masks of the quick tests");

static void
compile_quick_test(MatchProfile *mp)
{
	const RulesetProfile *p = mp->profile;

	mp->seniority_mask = p->seniorities.present ? p->seniorities.bits << 1 : ~(uint32) 0;
	mp->function_mask = p->functions.present ? p->functions.bits : ~(uint32) 0;
}

/* The weight of everything a profile sets, but the title_exclude veto. */
static float4
profile_weight(const RulesetProfile *p, const MatchProfile *mp)
{
	return (p->seniorities.present ? criterion_weight[CRIT_SENIORITIES] : 0) +
		(p->functions.present ? criterion_weight[CRIT_FUNCTIONS] : 0) +
		(p->has_employees ? criterion_weight[CRIT_EMPLOYEES] : 0) +
		(p->industries.n > 0 ? criterion_weight[CRIT_INDUSTRIES] : 0) +
		(p->countries.n > 0 ? criterion_weight[CRIT_COUNTRIES] : 0) +
		(p->title_keywords.n > 0 ? criterion_weight[CRIT_TITLE_KEYWORDS] : 0) +
		(mp->nattributes > 0 ? criterion_weight[CRIT_ATTRIBUTES] : 0);
}

/*
 * The role rules as masks, so that a rule is three ANDs: seniority s is
 * bit s + 1 and function f bit f + 1 (bit 0 is "unknown", which no set
 * condition accepts); the buying-function condition is one of the
 * BUYING_* bits below.
 */
#define BUYING_UNKNOWN	1		/* the lead's function is unknown */
#define BUYING_IN		2		/* it is one of the buying functions */
#define BUYING_OUT		4		/* it is not */

static void
compile_role_rules(Matcher *m)
{
	int			i;

	m->rule_tests = palloc(sizeof(RoleRuleTest) * Max(m->spec->nrules, 1));
	for (i = 0; i < m->spec->nrules; i++)
	{
		const RulesetRoleRule *r = &m->spec->rules[i];
		RoleRuleTest *t = &m->rule_tests[i];
		int			j;

		t->seniority_mask = r->seniorities.present ? r->seniorities.bits << 1 : ~(uint32) 0;
		t->function_mask = r->functions.present ? r->functions.bits << 1 : ~(uint32) 0;
		t->buying_mask = r->buying_function < 0 ? BUYING_UNKNOWN | BUYING_IN | BUYING_OUT :
			r->buying_function == 1 ? BUYING_IN : BUYING_OUT;
		t->role = -1;
		for (j = 0; j < m->spec->nroles; j++)
			if (strcmp(m->spec->roles[j].code, r->role) == 0)
				t->role = j;
	}
}

/*
 * Do any profile's keywords or exclusions read the title's normalised
 * words?  When none does, a row is classified without writing them.
 */
static bool
ruleset_reads_title_words(const RulesetSpec *spec)
{
	int			i;

	for (i = 0; i < spec->nprofiles; i++)
		if (spec->profiles[i].title_keywords.n > 0 || spec->profiles[i].title_exclude.n > 0)
			return true;
	return false;
}

Matcher *
matcher_build(const RulesetData *ruleset, MemoryContext parent)
{
	MemoryContext cxt = AllocSetContextCreate(parent, "persona matcher",
											  ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	Matcher    *m = palloc0(sizeof(Matcher));
	int			i;

	m->cxt = cxt;
	m->spec = ruleset_unpack(ruleset);
	m->hash = RulesetHash(ruleset);
	m->size = VARSIZE(ruleset);
	build_lexicon(m);

	m->profiles = palloc0(sizeof(MatchProfile) * Max(m->spec->nprofiles, 1));
	m->results = palloc0(sizeof(ProfileResult) * Max(m->spec->nprofiles, 1));
	for (i = 0; i < m->spec->nprofiles; i++)
	{
		const RulesetProfile *p = &m->spec->profiles[i];
		MatchProfile *mp = &m->profiles[i];

		mp->profile = p;
		mp->keywords = compile_keywords(m, &p->title_keywords);
		mp->excludes = compile_keywords(m, &p->title_exclude);
		if (p->attributes)
			compile_attributes(mp, p->attributes);
		mp->total_weight = profile_weight(p, mp);
		compile_quick_test(mp);
	}
	index_keywords(m);
	m->title_flags = ruleset_reads_title_words(m->spec) ? PERSONA_CLASSIFY_NO_EVIDENCE :
		PERSONA_CLASSIFY_NO_EVIDENCE | PERSONA_CLASSIFY_NO_NORMALIZED;
	m->kw_longest = palloc(sizeof(int) * Max(m->spec->nprofiles, 1));
	m->kw_which = palloc(sizeof(int) * Max(m->spec->nprofiles, 1));
	m->ex_which = palloc(sizeof(int) * Max(m->spec->nprofiles, 1));
	compile_role_rules(m);
	m->profile_keys = palloc(sizeof(Datum) * Max(m->spec->nprofiles, 1));
	m->profile_names = palloc(sizeof(Datum) * Max(m->spec->nprofiles, 1));
	for (i = 0; i < m->spec->nprofiles; i++)
	{
		m->profile_keys[i] = CStringGetTextDatum(m->spec->profiles[i].key);
		m->profile_names[i] = CStringGetTextDatum(m->spec->profiles[i].name);
	}
	m->role_codes = palloc(sizeof(Datum) * Max(m->spec->nroles, 1));
	for (i = 0; i < m->spec->nroles; i++)
		m->role_codes[i] = CStringGetTextDatum(m->spec->roles[i].code);
	MemoryContextSwitchTo(old);
	return m;
}

void
matcher_free(Matcher *m)
{
	MemoryContextDelete(m->cxt);
}

/* Classify the lead's title (and department). */
static void
prepare_lead(Matcher *m, const MatchLead *lead)
{
	TitleBytes	tb;

	if (lead->title != (Datum) 0)
	{
		title_bytes_get(lead->title, &tb);
		persona_title_classify_flags(tb.data, tb.len, &m->lexicon,
									 m->title_flags, &m->title);
		title_bytes_free(&tb);
	}
	else
		persona_title_classify_flags("", 0, &m->lexicon, m->title_flags, &m->title);

	m->seniority = m->title.seniority;
	m->function = m->title.function;
	m->functions = m->title.functions;

	/* The department names the function only when the title names none. */
	if (m->function == PERSONA_FN_NONE && lead->department != (Datum) 0)
	{
		title_bytes_get(lead->department, &tb);
		persona_title_classify_flags(tb.data, tb.len, &m->lexicon,
									 PERSONA_CLASSIFY_NO_EVIDENCE | PERSONA_CLASSIFY_NO_NORMALIZED,
									 &m->department);
		title_bytes_free(&tb);
		m->function = m->department.function;
		m->functions |= m->department.functions;
	}

	/* Keywords and attrs are read when a profile first needs them. */
	m->keywords_scanned = false;
	m->row_attrs = NULL;
}

/* Does the keyword occur in the title's words from position i on? */
static bool
keyword_at(const Matcher *m, const MatchKeyword *kw, int i)
{
	int			start,
				len;

	if (i + kw->nwords > m->nwords ||
		memcmp(&m->words[i], kw->words, sizeof(uint32) * kw->nwords) != 0)
		return false;
	/* Hashes agree: confirm the bytes, so a collision never matches. */
	start = m->word_start[i];
	len = m->word_end[i + kw->nwords - 1] - start;
	return len == kw->len && memcmp(m->title.normalized + start, kw->text, len) == 0;
}

/*
 * Find, for every profile at once, its longest keyword and any exclusion
 * in the title: one pass over the title's words through the keyword index.
 */
static void
scan_keywords(Matcher *m)
{
	int			nprofiles = m->spec->nprofiles;
	const int  *buckets = m->buckets;
	const KeywordRef *refs = m->refs;
	uint32		bucket_mask = m->nbuckets - 1;
	int			i;

	m->nwords = split_words(m->title.normalized, m->title.normalized_len,
							m->words, m->word_start, m->word_end,
							MATCH_MAX_WORDS);
	/* None found yet: 0 words, and -1 (every byte 0xff) for no keyword. */
	memset(m->kw_longest, 0, sizeof(int) * nprofiles);
	memset(m->kw_which, 0xff, sizeof(int) * nprofiles);
	memset(m->ex_which, 0xff, sizeof(int) * nprofiles);
	for (i = 0; i < m->nwords; i++)
	{
		int			r;

		for (r = buckets[m->words[i] & bucket_mask]; r >= 0; r = refs[r].next)
		{
			const KeywordRef *ref = &refs[r];
			const MatchProfile *mp = &m->profiles[ref->profile];
			const MatchKeyword *kw;

			if (ref->first_word != m->words[i])
				continue;
			kw = ref->exclude ? &mp->excludes[ref->keyword] : &mp->keywords[ref->keyword];
			if (!keyword_at(m, kw, i))
				continue;
			if (ref->exclude)
			{
				if (m->ex_which[ref->profile] < 0 || ref->keyword < m->ex_which[ref->profile])
					m->ex_which[ref->profile] = ref->keyword;
			}
			else if (kw->nwords > m->kw_longest[ref->profile] ||
					 (kw->nwords == m->kw_longest[ref->profile] &&
					  ref->keyword < m->kw_which[ref->profile]))
			{
				m->kw_longest[ref->profile] = kw->nwords;
				m->kw_which[ref->profile] = ref->keyword;
			}
		}
	}
	m->keywords_scanned = true;
}

/* Is value (len bytes, not terminated) in the list, ignoring ASCII case? */
static bool
text_list_contains(const TextList *list, const char *value, int len)
{
	int			i;

	for (i = 0; i < list->n; i++)
		if (pg_strncasecmp(list->items[i], value, len) == 0 &&
			list->items[i][len] == '\0')
			return true;
	return false;
}

/* The running sum of a profile's score, and whether every criterion held. */
typedef struct Tally
{
	float4		weight;
	float4		score;
	bool		all_held;
} Tally;

/*
 * Count one criterion; with detail, also record it for explain.  Returns
 * whether it held.
 */
static bool
tally(Tally *t, ProfileResult *detail, MatchCriterion which, bool held,
	  float4 quality, int keyword)
{
	float4		weight = criterion_weight[which];

	if (detail)
	{
		CriterionResult *c = &detail->criteria[which];

		c->set = true;
		c->held = held;
		c->weight = weight;
		c->quality = held ? quality : 0;
		c->keyword = keyword;
	}
	if (which != CRIT_TITLE_EXCLUDE)
	{
		t->weight += weight;
		if (held)
			t->score += weight * quality;
		else
			t->all_held = false;
	}
	return held;
}

/*
 * Does the lead's attrs hold every key/value pair the profile asks for?
 * The same answer as jsonb's @> for an object of scalars, without its
 * general machinery: one key lookup and one scalar comparison per pair.
 * The lead's attrs are detoasted once per row, when a profile first asks.
 */
static bool
attributes_held(Matcher *m, const MatchLead *lead, const MatchProfile *mp)
{
	int			i;

	if (lead->attrs == (Datum) 0)
		return false;
	if (m->row_attrs == NULL)
		m->row_attrs = DatumGetJsonbP(lead->attrs);
	for (i = 0; i < mp->nattributes; i++)
	{
		const MatchAttribute *a = &mp->attributes[i];
		JsonbValue	buf;
		JsonbValue *v;

		v = getKeyJsonValueFromContainer(&m->row_attrs->root, a->key, a->keylen, &buf);
		if (v == NULL || v->type != a->value.type)
			return false;
		switch (v->type)
		{
			case jbvString:
				if (v->val.string.len != a->value.val.string.len ||
					memcmp(v->val.string.val, a->value.val.string.val, v->val.string.len) != 0)
					return false;
				break;
			case jbvNumeric:
				if (!DatumGetBool(DirectFunctionCall2(numeric_eq,
													  NumericGetDatum(v->val.numeric),
													  NumericGetDatum(a->value.val.numeric))))
					return false;
				break;
			case jbvBool:
				if (v->val.boolean != a->value.val.boolean)
					return false;
				break;
			default:
				return false;
		}
	}
	return true;
}

/* Is the lead's company size in the profile's employees range? */
static inline bool
employees_in(const RulesetProfile *p, const MatchLead *lead)
{
	return lead->has_employees && lead->employees >= p->employees_lo &&
		lead->employees < p->employees_hi;
}

/*
 * Score one profile for the prepared lead.  With detail (explain) every
 * criterion is evaluated and recorded.  Without, the cheap criteria come
 * first and evaluation stops as soon as the profile cannot be reached: an
 * 'all' profile at the first criterion that fails, a 'weighted' one when
 * even a perfect score on what is left would stay under min_score.  Most
 * profiles end there for most leads.
 */
#define COUNT_CRITERION(which, held, quality, keyword) \
	do { \
		bool		held_ = tally(&t, rec, (which), (held), (quality), (keyword)); \
		if (!detail && \
			(p->weighted ? t.score + (mp->total_weight - t.weight) < p->min_score * mp->total_weight \
			 : !held_)) \
			return; \
	} while (0)

static void
eval_profile(Matcher *m, const MatchProfile *mp, const MatchLead *lead,
			 ProfileResult *res, bool detail)
{
	const RulesetProfile *p = mp->profile;
	ProfileResult *rec = detail ? res : NULL;
	int			i = mp - m->profiles;
	Tally		t = {0, 0, true};
	int			k;

	if (detail)
	{
		memset(res, 0, sizeof(ProfileResult));
		for (k = 0; k < CRIT_COUNT; k++)
			res->criteria[k].keyword = -1;
	}
	res->score = 0;
	res->reached = false;

	if (p->seniorities.present)
		COUNT_CRITERION(CRIT_SENIORITIES, labelset_contains(&p->seniorities, m->seniority), 1, -1);

	if (p->functions.present)
	{
		bool		primary = labelset_contains(&p->functions, m->function);
		bool		other = (m->functions & p->functions.bits) != 0;

		COUNT_CRITERION(CRIT_FUNCTIONS, primary || other,
						primary ? 1 : SECONDARY_FUNCTION_QUALITY, -1);
	}

	if (p->has_employees)
		COUNT_CRITERION(CRIT_EMPLOYEES, employees_in(p, lead), 1, -1);

	if (p->industries.n > 0)
		COUNT_CRITERION(CRIT_INDUSTRIES,
						lead->industry &&
						text_list_contains(&p->industries, lead->industry, lead->industry_len),
						1, -1);

	if (p->countries.n > 0)
		COUNT_CRITERION(CRIT_COUNTRIES,
						lead->country &&
						text_list_contains(&p->countries, lead->country, lead->country_len),
						1, -1);

	if (p->title_keywords.n > 0)
	{
		if (!m->keywords_scanned)
			scan_keywords(m);
		/* A longer keyword covering more of the title is a stronger match. */
		COUNT_CRITERION(CRIT_TITLE_KEYWORDS, m->kw_longest[i] > 0,
						0.5f + 0.5f * Min(1.0f, (float4) m->kw_longest[i] / Max(m->nwords, 1)),
						m->kw_which[i]);
	}

	if (mp->nattributes > 0)
		COUNT_CRITERION(CRIT_ATTRIBUTES, attributes_held(m, lead, mp), 1, -1);

	/* title_exclude is a veto, whatever the mode. */
	if (p->title_exclude.n > 0)
	{
		if (!m->keywords_scanned)
			scan_keywords(m);
		if (!tally(&t, rec, CRIT_TITLE_EXCLUDE, m->ex_which[i] < 0, 1, m->ex_which[i]) &&
			!detail)
			return;
	}

	res->score = t.weight > 0 ? t.score / t.weight : 0;
	res->reached = t.weight > 0 && (p->weighted || t.all_held) &&
		res->score >= p->min_score &&
		!(rec && rec->criteria[CRIT_TITLE_EXCLUDE].set &&
		  !rec->criteria[CRIT_TITLE_EXCLUDE].held);
}

/*
 * Can the profile match at all?  For an 'all' profile, the seniority,
 * functions and employees criteria decide most leads, and are each one AND
 * or comparison here: the same answers eval_profile would give, without
 * its bookkeeping.  A 'weighted' profile can survive an unmet criterion,
 * so it always goes on to eval_profile.
 */
static inline bool
profile_may_match(const MatchProfile *mp, const MatchLead *lead,
				  uint32 seniority_bit, uint32 function_bits)
{
	const RulesetProfile *p = mp->profile;

	if (p->weighted)
		return true;
	if ((seniority_bit & mp->seniority_mask) == 0 ||
		(function_bits & mp->function_mask) == 0)
		return false;
	return !p->has_employees || employees_in(p, lead);
}

/* Is profile a a better match than profile b?  Score, priority, key. */
static bool
better(const Matcher *m, int a, int b)
{
	if (m->results[a].score != m->results[b].score)
		return m->results[a].score > m->results[b].score;
	if (m->spec->profiles[a].priority != m->spec->profiles[b].priority)
		return m->spec->profiles[a].priority > m->spec->profiles[b].priority;
	return a < b;				/* profiles are sorted by key */
}

void
matcher_match(Matcher *m, const MatchLead *lead, MatchOutcome *out,
			  bool detail)
{
	const LabelSet *buying;
	uint32		seniority_bit;
	uint32		function_bits;
	int			i;

	prepare_lead(m, lead);
	seniority_bit = (uint32) 1 << (m->seniority + 1);
	function_bits = m->functions | LEAD_ANY_FUNCTION |
		(m->function >= 0 ? (uint32) 1 << m->function : 0);

	out->best = out->runner_up = -1;
	for (i = 0; i < m->spec->nprofiles; i++)
	{
		/* explain wants every criterion of every profile: no shortcut */
		if (!detail && !profile_may_match(&m->profiles[i], lead, seniority_bit, function_bits))
		{
			m->results[i].score = 0;
			m->results[i].reached = false;
			continue;
		}
		eval_profile(m, &m->profiles[i], lead, &m->results[i], detail);
		if (!m->results[i].reached)
			continue;
		if (out->best < 0 || better(m, i, out->best))
		{
			out->runner_up = out->best;
			out->best = i;
		}
		else if (out->runner_up < 0 || better(m, i, out->runner_up))
			out->runner_up = i;
	}
	out->score = out->best >= 0 ? m->results[out->best].score : 0;
	out->runner_up_score = out->runner_up >= 0 ? m->results[out->runner_up].score : 0;

	/* The best persona's buying functions, else the ruleset's default. */
	buying = &m->spec->buying_functions;
	if (out->best >= 0 && m->spec->profiles[out->best].buying_functions.present)
		buying = &m->spec->profiles[out->best].buying_functions;
	out->role = matcher_infer_role(m, m->seniority, m->function,
								   lead->has_employees, lead->employees, buying);
}

/* The profiles that reached their threshold, best first; returns how many. */
int
matcher_ranked(const Matcher *m, int *order)
{
	int			n = 0;
	int			i,
				j;

	for (i = 0; i < m->spec->nprofiles; i++)
	{
		if (!m->results[i].reached)
			continue;
		for (j = n; j > 0 && better(m, i, order[j - 1]); j--)
			order[j] = order[j - 1];
		order[j] = i;
		n++;
	}
	return n;
}

int
matcher_infer_role(const Matcher *m, int seniority, int function,
				   bool has_employees, int32 employees,
				   const LabelSet *buying_functions)
{
	const RulesetSpec *spec = m->spec;
	uint32		seniority_bit = (uint32) 1 << (seniority + 1);
	uint32		function_bit = (uint32) 1 << (function + 1);
	uint32		buying_bit = function == PERSONA_FN_NONE ? BUYING_UNKNOWN :
		labelset_contains(buying_functions, function) ? BUYING_IN : BUYING_OUT;
	int			i;

	for (i = 0; i < spec->nrules; i++)
	{
		const RulesetRoleRule *r = &spec->rules[i];
		const RoleRuleTest *t = &m->rule_tests[i];

		/* An unknown value never meets a condition that constrains it. */
		if ((seniority_bit & t->seniority_mask) == 0 ||
			(function_bit & t->function_mask) == 0 ||
			(buying_bit & t->buying_mask) == 0)
			continue;
		if (r->has_min_employees && (!has_employees || employees < r->min_employees))
			continue;
		if (r->has_max_employees && (!has_employees || employees >= r->max_employees))
			continue;
		return t->role;
	}
	return -1;
}
