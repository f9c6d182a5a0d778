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
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

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

static inline uint32
word_hash(const char *s, int len)
{
	uint32		h = 2166136261u;	/* FNV-1a */
	int			i;

	for (i = 0; i < len; i++)
	{
		h ^= (uint8) s[i];
		h *= 16777619u;
	}
	return h;
}

/*
 * Hash the space-separated words of a normalised string.  starts/ends may
 * be NULL; at most max words are kept (the rest of a very long title is
 * not matched against).
 */
static int
split_words(const char *s, int len, uint32 *hashes, uint16 *starts,
			uint16 *ends, int max)
{
	int			n = 0;
	int			i = 0;

	while (i < len && n < max)
	{
		int			start;

		while (i < len && s[i] == ' ')
			i++;
		start = i;
		while (i < len && s[i] != ' ')
			i++;
		if (i > start)
		{
			hashes[n] = word_hash(s + start, i - start);
			if (starts)
			{
				starts[n] = (uint16) start;
				ends[n] = (uint16) i;
			}
			n++;
		}
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
	char	   *buf = palloc(PERSONA_NORM_MAX);

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
		int			n = split_words(norm, strlen(norm), hashes, NULL, NULL,
									MATCH_MAX_WORDS);

		kws[i].nwords = n;
		kws[i].words = palloc(sizeof(uint32) * Max(n, 1));
		memcpy(kws[i].words, hashes, sizeof(uint32) * n);
		kws[i].text = norm;
		kws[i].len = (int) strlen(norm);
	}
	return kws;
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
			mp->attributes = DatumGetJsonbP(DirectFunctionCall1(jsonb_in,
																CStringGetDatum(p->attributes)));
	}
	m->profile_keys = palloc(sizeof(Datum) * Max(m->spec->nprofiles, 1));
	for (i = 0; i < m->spec->nprofiles; i++)
		m->profile_keys[i] = CStringGetTextDatum(m->spec->profiles[i].key);
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

/* Classify the lead's title (and department) and hash its words. */
static void
prepare_lead(Matcher *m, const MatchLead *lead)
{
	TitleBytes	tb;

	if (lead->title != (Datum) 0)
	{
		title_bytes_get(lead->title, &tb);
		persona_title_classify(tb.data, tb.len, &m->lexicon, &m->title);
		title_bytes_free(&tb);
	}
	else
		persona_title_classify("", 0, &m->lexicon, &m->title);

	m->seniority = m->title.seniority;
	m->function = m->title.function;
	m->functions = m->title.functions;

	/* The department names the function only when the title names none. */
	if (m->function == PERSONA_FN_NONE && lead->department != (Datum) 0)
	{
		title_bytes_get(lead->department, &tb);
		persona_title_classify(tb.data, tb.len, &m->lexicon, &m->department);
		title_bytes_free(&tb);
		m->function = m->department.function;
		m->functions |= m->department.functions;
	}

	m->nwords = split_words(m->title.normalized, m->title.normalized_len,
							m->words, m->word_start, m->word_end,
							MATCH_MAX_WORDS);
}

/* Does the keyword occur in the title, word for word? */
static bool
keyword_found(const Matcher *m, const MatchKeyword *kw)
{
	int			i;

	if (kw->nwords == 0 || kw->nwords > m->nwords)
		return false;
	for (i = 0; i + kw->nwords <= m->nwords; i++)
	{
		int			start,
					len;

		if (m->words[i] != kw->words[0] ||
			memcmp(&m->words[i], kw->words, sizeof(uint32) * kw->nwords) != 0)
			continue;
		/* Hashes agree: confirm the bytes, so a collision never matches. */
		start = m->word_start[i];
		len = m->word_end[i + kw->nwords - 1] - start;
		if (len == kw->len && memcmp(m->title.normalized + start, kw->text, len) == 0)
			return true;
	}
	return false;
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

static void
set_criterion(CriterionResult *c, MatchCriterion which, bool held, float4 quality)
{
	c->set = true;
	c->held = held;
	c->weight = criterion_weight[which];
	c->quality = held ? quality : 0;
}

static void
eval_profile(const Matcher *m, const MatchProfile *mp, const MatchLead *lead,
			 ProfileResult *res)
{
	const RulesetProfile *p = mp->profile;
	CriterionResult *c;
	float4		sum_weight = 0;
	float4		sum_score = 0;
	bool		all_held = true;
	bool		excluded = false;
	int			k;

	memset(res, 0, sizeof(ProfileResult));
	for (k = 0; k < CRIT_COUNT; k++)
		res->criteria[k].keyword = -1;

	if (p->title_keywords.n > 0)
	{
		int			longest = 0;

		c = &res->criteria[CRIT_TITLE_KEYWORDS];
		for (k = 0; k < p->title_keywords.n; k++)
		{
			if (mp->keywords[k].nwords > longest && keyword_found(m, &mp->keywords[k]))
			{
				longest = mp->keywords[k].nwords;
				c->keyword = k;
			}
		}
		/* A longer keyword covering more of the title is a stronger match. */
		set_criterion(c, CRIT_TITLE_KEYWORDS, longest > 0,
					  0.5f + 0.5f * Min(1.0f, (float4) longest / Max(m->nwords, 1)));
	}

	if (p->title_exclude.n > 0)
	{
		c = &res->criteria[CRIT_TITLE_EXCLUDE];
		for (k = 0; k < p->title_exclude.n && !excluded; k++)
		{
			if (keyword_found(m, &mp->excludes[k]))
			{
				excluded = true;
				c->keyword = k;
			}
		}
		set_criterion(c, CRIT_TITLE_EXCLUDE, !excluded, 1);
	}

	if (p->seniorities.present)
		set_criterion(&res->criteria[CRIT_SENIORITIES], CRIT_SENIORITIES,
					  labelset_contains(&p->seniorities, m->seniority), 1);

	if (p->functions.present)
	{
		bool		primary = labelset_contains(&p->functions, m->function);
		bool		other = (m->functions & p->functions.bits) != 0;

		set_criterion(&res->criteria[CRIT_FUNCTIONS], CRIT_FUNCTIONS,
					  primary || other, primary ? 1 : SECONDARY_FUNCTION_QUALITY);
	}

	if (p->industries.n > 0)
		set_criterion(&res->criteria[CRIT_INDUSTRIES], CRIT_INDUSTRIES,
					  lead->industry &&
					  text_list_contains(&p->industries, lead->industry, lead->industry_len), 1);

	if (p->has_employees)
		set_criterion(&res->criteria[CRIT_EMPLOYEES], CRIT_EMPLOYEES,
					  lead->has_employees && lead->employees >= p->employees_lo &&
					  lead->employees < p->employees_hi, 1);

	if (p->countries.n > 0)
		set_criterion(&res->criteria[CRIT_COUNTRIES], CRIT_COUNTRIES,
					  lead->country &&
					  text_list_contains(&p->countries, lead->country, lead->country_len), 1);

	if (mp->attributes)
		set_criterion(&res->criteria[CRIT_ATTRIBUTES], CRIT_ATTRIBUTES,
					  lead->attrs &&
					  DatumGetBool(DirectFunctionCall2(jsonb_contains,
													   JsonbPGetDatum(lead->attrs),
													   JsonbPGetDatum(mp->attributes))), 1);

	for (k = 0; k < CRIT_COUNT; k++)
	{
		c = &res->criteria[k];
		if (!c->set || k == CRIT_TITLE_EXCLUDE)
			continue;
		sum_weight += c->weight;
		sum_score += c->weight * c->quality;
		all_held &= c->held;
	}
	res->score = sum_weight > 0 ? sum_score / sum_weight : 0;
	res->reached = !excluded && sum_weight > 0 &&
		(p->weighted || all_held) && res->score >= p->min_score;
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
matcher_match(Matcher *m, const MatchLead *lead, MatchOutcome *out)
{
	const LabelSet *buying;
	int			i;

	prepare_lead(m, lead);

	out->best = out->runner_up = -1;
	for (i = 0; i < m->spec->nprofiles; i++)
	{
		eval_profile(m, &m->profiles[i], lead, &m->results[i]);
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
	int			i,
				j;

	for (i = 0; i < spec->nrules; i++)
	{
		const RulesetRoleRule *r = &spec->rules[i];

		/* An unknown value never meets a condition that constrains it. */
		if (r->seniorities.present && !labelset_contains(&r->seniorities, seniority))
			continue;
		if (r->functions.present && !labelset_contains(&r->functions, function))
			continue;
		if (r->buying_function >= 0)
		{
			if (function == PERSONA_FN_NONE ||
				labelset_contains(buying_functions, function) != (r->buying_function == 1))
				continue;
		}
		if (r->has_min_employees && (!has_employees || employees < r->min_employees))
			continue;
		if (r->has_max_employees && (!has_employees || employees >= r->max_employees))
			continue;

		for (j = 0; j < spec->nroles; j++)
			if (strcmp(spec->roles[j].code, r->role) == 0)
				return j;
	}
	return -1;
}
