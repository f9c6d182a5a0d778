/*-------------------------------------------------------------------------
 *
 * pg_shim.c
 *	  Just enough of the PostgreSQL backend for src/ruleset.c to run in a
 *	  libFuzzer process.
 *
 * The harness (fuzz_ruleset.c) declares shim_catch, shim_sqlstate,
 * shim_message and shim_reset() itself.
 *
 * What ruleset.o needs from the server (nm -u src/ruleset.o): memory
 * allocation, ereport, StringInfo, pq_sendfloat4, pg_verifymbstr,
 * hash_bytes_extended, and ruleset_parse_employees() from ruleset_json.c.
 * The printf, qsort and strcasecmp replacements come from libpgport as in
 * the server.
 *
 * palloc is malloc with a header that links every chunk into one arena;
 * shim_reset() frees what an input left behind, as the server frees a
 * memory context, and pfree really frees so that AddressSanitizer sees a
 * use after pfree.  A request over MaxAllocSize fails as the server's does
 * (an elog, SQLSTATE XX000), which the harness treats as a finding.
 * ereport(ERROR) records the SQLSTATE and message and longjmps to
 * shim_catch; lower levels are ignored.  pg_verifymbstr checks UTF-8 by
 * the rules of PostgreSQL's pg_utf8_islegal(), as a UTF-8 database would.
 * ruleset_parse_employees() reads the int4range forms range_in accepts for
 * finite and infinite bounds and writes them canonical, [lo,hi).
 * InterruptPending and ProcessInterrupts() are there for when ruleset.c's
 * loops get CHECK_FOR_INTERRUPTS().
 *
 * test/fuzz/pg_shim.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>

#include "common/hashfn.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/memutils.h"

#include "ruleset.h"

sigjmp_buf *shim_catch = NULL;
int			shim_sqlstate = 0;
char		shim_message[1024];

/* ---------- memory ---------- */

typedef struct Chunk
{
	struct Chunk *prev;
	struct Chunk *next;
	size_t		size;
	size_t		pad;			/* keep the payload 16-byte aligned */
} Chunk;

static Chunk arena = {&arena, &arena, 0, 0};
static size_t arena_bytes = 0;

static void
shim_error(int sqlstate, const char *msg)
{
	shim_sqlstate = sqlstate;
	snprintf(shim_message, sizeof(shim_message), "%s", msg);
	if (shim_catch == NULL)
		abort();
	siglongjmp(*shim_catch, 1);
}

void *
palloc(Size size)
{
	Chunk	   *c;

	if (!AllocSizeIsValid(size))
		shim_error(ERRCODE_INTERNAL_ERROR, "invalid memory alloc request size");
	/* the server's work_mem-sized contexts would fail long before this */
	if (arena_bytes + size > (size_t) 512 * 1024 * 1024)
		shim_error(ERRCODE_OUT_OF_MEMORY, "out of memory");
	c = malloc(sizeof(Chunk) + size);
	if (c == NULL)
		abort();
	c->size = size;
	c->next = arena.next;
	c->prev = &arena;
	arena.next->prev = c;
	arena.next = c;
	arena_bytes += size;
	return c + 1;
}

void *
palloc0(Size size)
{
	void	   *p = palloc(size);

	memset(p, 0, size);
	return p;
}

void
pfree(void *pointer)
{
	Chunk	   *c = (Chunk *) pointer - 1;

	c->prev->next = c->next;
	c->next->prev = c->prev;
	arena_bytes -= c->size;
	free(c);
}

void *
repalloc(void *pointer, Size size)
{
	Chunk	   *c = (Chunk *) pointer - 1;
	void	   *n = palloc(size);

	memcpy(n, pointer, Min(size, c->size));
	pfree(pointer);
	return n;
}

char *
pnstrdup(const char *in, Size len)
{
	char	   *out;

	len = strnlen(in, len);
	out = palloc(len + 1);
	memcpy(out, in, len);
	out[len] = '\0';
	return out;
}

char *
pstrdup(const char *in)
{
	return pnstrdup(in, strlen(in));
}

void
shim_reset(void)
{
	while (arena.next != &arena)
		pfree(arena.next + 1);
	shim_sqlstate = 0;
	shim_message[0] = '\0';
}

/* CHECK_FOR_INTERRUPTS(): nothing interrupts a fuzzing run. */
volatile sig_atomic_t InterruptPending = false;

void
ProcessInterrupts(void)
{
	InterruptPending = false;
}

/* ---------- errors ---------- */

static int	err_level;
static int	err_code;
static char err_msg[512];
static char err_detail[512];

bool
errstart_cold(int elevel, const char *domain)
{
	if (elevel < ERROR)
		return false;
	err_level = elevel;
	err_code = ERRCODE_INTERNAL_ERROR;
	err_msg[0] = err_detail[0] = '\0';
	return true;
}

bool
errstart(int elevel, const char *domain)
{
	return errstart_cold(elevel, domain);
}

void
errfinish(const char *filename, int lineno, const char *funcname)
{
	char		msg[1100];

	snprintf(msg, sizeof(msg), "%s (%s) at %s:%d", err_msg, err_detail,
			 filename, lineno);
	shim_error(err_code, msg);
}

int
errcode(int sqlerrcode)
{
	err_code = sqlerrcode;
	return 0;
}

int
errmsg(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	vsnprintf(err_msg, sizeof(err_msg), fmt, args);
	va_end(args);
	return 0;
}

int
errdetail(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	vsnprintf(err_detail, sizeof(err_detail), fmt, args);
	va_end(args);
	return 0;
}

int
errhint(const char *fmt,...)
{
	return 0;
}

void
elog_start(const char *filename, int lineno, const char *funcname)
{
}

void
elog_finish(int elevel, const char *fmt,...)
{
	if (elevel >= ERROR)
		shim_error(ERRCODE_INTERNAL_ERROR, fmt);
}

/* ---------- StringInfo and pqformat ---------- */

void
initStringInfo(StringInfo str)
{
	str->maxlen = 1024;
	str->data = palloc(str->maxlen);
	resetStringInfo(str);
}

void
resetStringInfo(StringInfo str)
{
	str->data[0] = '\0';
	str->len = 0;
	str->cursor = 0;
}

void
enlargeStringInfo(StringInfo str, int needed)
{
	int			newlen;

	if (needed < 0 || ((Size) needed) >= (MaxAllocSize - (Size) str->len))
		shim_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "out of memory: cannot enlarge string buffer");
	needed += str->len + 1;
	if (needed <= str->maxlen)
		return;
	newlen = 2 * str->maxlen;
	while (needed > newlen)
		newlen = 2 * newlen;
	if (newlen > (int) MaxAllocSize)
		newlen = (int) MaxAllocSize;
	str->data = repalloc(str->data, newlen);
	str->maxlen = newlen;
}

void
appendBinaryStringInfo(StringInfo str, const char *data, int datalen)
{
	enlargeStringInfo(str, datalen);
	memcpy(str->data + str->len, data, datalen);
	str->len += datalen;
	str->data[str->len] = '\0';
}

void
pq_sendfloat4(StringInfo buf, float4 f)
{
	union
	{
		float4		f;
		uint32		i;
	}			swap;

	swap.f = f;
	pq_sendint32(buf, swap.i);
}

/* ---------- encoding and hashing ---------- */

/* pg_utf8_islegal() of src/common/wchar.c */
static bool
utf8_islegal(const unsigned char *s, int length)
{
	unsigned char a;

	switch (length)
	{
		default:
			return false;
		case 4:
			a = s[3];
			if (a < 0x80 || a > 0xBF)
				return false;
			/* FALL THRU */
		case 3:
			a = s[2];
			if (a < 0x80 || a > 0xBF)
				return false;
			/* FALL THRU */
		case 2:
			a = s[1];
			switch (*s)
			{
				case 0xE0:
					if (a < 0xA0 || a > 0xBF)
						return false;
					break;
				case 0xED:
					if (a < 0x80 || a > 0x9F)
						return false;
					break;
				case 0xF0:
					if (a < 0x90 || a > 0xBF)
						return false;
					break;
				case 0xF4:
					if (a < 0x80 || a > 0x8F)
						return false;
					break;
				default:
					if (a < 0x80 || a > 0xBF)
						return false;
					break;
			}
			/* FALL THRU */
		case 1:
			a = *s;
			if (a >= 0x80 && a < 0xC2)
				return false;
			if (a > 0xF4)
				return false;
			break;
	}
	return true;
}

bool
pg_verifymbstr(const char *mbstr, int len, bool noError)
{
	const unsigned char *s = (const unsigned char *) mbstr;

	while (len > 0)
	{
		int			l;

		if (*s == 0)
			goto bad;
		l = (*s & 0x80) == 0 ? 1 : (*s & 0xE0) == 0xC0 ? 2 :
			(*s & 0xF0) == 0xE0 ? 3 : (*s & 0xF8) == 0xF0 ? 4 : 1;
		if (l > len || !utf8_islegal(s, l))
			goto bad;
		s += l;
		len -= l;
	}
	return true;
bad:
	if (noError)
		return false;
	shim_error(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE, "invalid byte sequence for encoding \"UTF8\"");
	return false;
}

/* Any good 64-bit hash will do: the value only keys caches. */
uint64
hash_bytes_extended(const unsigned char *k, int keylen, uint64 seed)
{
	uint64		h = 0xcbf29ce484222325ULL ^ seed;
	int			i;

	for (i = 0; i < keylen; i++)
		h = (h ^ k[i]) * 0x100000001b3ULL;
	return h;
}

/* ---------- int4range, as ruleset_json.c reads it with range_in ---------- */

static const char *
skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
		   *s == '\v' || *s == '\f')
		s++;
	return s;
}

/* One bound: digits with an optional sign, or nothing (infinite). */
static bool
read_bound(const char **s, bool *infinite, int64 *val, const char *path)
{
	const char *p = *s;
	bool		neg = false;
	int64		v = 0;
	int			digits = 0;

	if (*p == ',' || *p == ']' || *p == ')')
	{
		*infinite = true;
		return true;
	}
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	for (; *p >= '0' && *p <= '9'; p++, digits++)
	{
		v = v * 10 + (*p - '0');
		if (v > (int64) PG_INT32_MAX + 1)
			ruleset_error(path, "value \"%s\" is out of range for type integer", *s);
	}
	if (digits == 0)
		return false;
	v = neg ? -v : v;
	if (v < PG_INT32_MIN || v > PG_INT32_MAX)
		ruleset_error(path, "value \"%s\" is out of range for type integer", *s);
	*infinite = false;
	*val = v;
	*s = p;
	return true;
}

void
ruleset_parse_employees(RulesetProfile *p, const char *literal, const char *path)
{
	const char *s = skip_space(literal);
	bool		lo_inc,
				hi_inc,
				lo_inf,
				hi_inf;
	int64		lo = 0,
				hi = 0;
	char		buf[64];

	if (pg_strncasecmp(s, "empty", 5) == 0 && *skip_space(s + 5) == '\0')
		ruleset_error(path, "the range is empty");
	if (*s != '[' && *s != '(')
		ruleset_error(path, "malformed range literal: \"%s\"", literal);
	lo_inc = *s++ == '[';
	if (!read_bound(&s, &lo_inf, &lo, path) || *s++ != ',' ||
		!read_bound(&s, &hi_inf, &hi, path) || (*s != ']' && *s != ')'))
		ruleset_error(path, "malformed range literal: \"%s\"", literal);
	hi_inc = *s++ == ']';
	if (*skip_space(s) != '\0')
		ruleset_error(path, "malformed range literal: \"%s\"", literal);

	/* int4range's canonical form: [lo,hi) */
	if (!lo_inf && !lo_inc)
	{
		if (lo == PG_INT32_MAX)
			ruleset_error(path, "integer out of range");
		lo++;
	}
	if (!hi_inf && hi_inc)
	{
		if (hi == PG_INT32_MAX)
			ruleset_error(path, "integer out of range");
		hi++;
	}
	if (!lo_inf && !hi_inf && lo > hi)
		ruleset_error(path, "range lower bound must be less than or equal to range upper bound");
	if (!lo_inf && !hi_inf && lo == hi)
		ruleset_error(path, "the range is empty");

	p->has_employees = true;
	p->employees_lo = lo_inf ? PG_INT64_MIN : lo;
	p->employees_hi = hi_inf ? PG_INT64_MAX : hi;
	if (lo_inf)
		snprintf(buf, sizeof(buf), "(,");
	else
		snprintf(buf, sizeof(buf), "[%d,", (int) lo);
	if (hi_inf)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), ")");
	else
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%d)", (int) hi);
	p->employees = pstrdup(buf);
}

/*
 * ruleset_attributes_from_text() lives in src/ruleset_json.c, on top of
 * jsonb, which this harness does not link.  The stand-in keeps the
 * decoder's contract (an error through ruleset_error() for what is not a
 * JSON object, a copy of the text otherwise); the server's replay of the
 * corpus (test/fuzz/run.sh) runs the real one.
 */
char *
ruleset_attributes_from_text(const char *text, const char *path)
{
	size_t		len = strlen(text);

	if (len < 2 || text[0] != '{' || text[len - 1] != '}')
		ruleset_error(path, "must be a JSON object");
	if (len == 2)
		return NULL;
	return pstrdup(text);
}
