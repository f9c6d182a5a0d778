/*-------------------------------------------------------------------------
 *
 * classify.c
 *	  Standalone driver for the title classifier: reads titles one per
 *	  line on stdin and prints what persona makes of them, so the
 *	  classifier can be checked and benchmarked without a server.
 *
 * Output, one line per title, tab-separated:
 *	  title, normalised, seniority, primary function, all functions
 *	  (comma list), subfunction; empty fields for none.
 * -e	 also prints the evidence, one more field: "words=level/function/rule"
 *	     items separated by "; ", a "*" marking what decided.
 * -b	 prints only the mean time per title in nanoseconds (the titles are
 *	     read into memory first and classified in several rounds).
 * -l	 classifies for the labels only, as persona.title_seniority and
 *	     persona.title_function do (PERSONA_CLASSIFY_NO_EVIDENCE |
 *	     PERSONA_CLASSIFY_NO_NORMALIZED): the normalised field is empty, and
 *	     with -b that path is the one timed.
 *
 * tools/classify.c
 *
 *-------------------------------------------------------------------------
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "title.h"

static void
print_functions(uint32_t functions)
{
	int			f;
	int			first = 1;

	for (f = 0; f < PERSONA_FN_COUNT; f++)
		if (functions & ((uint32_t) 1 << f))
		{
			printf("%s%s", first ? "" : ",", persona_function_name(f));
			first = 0;
		}
}

static void
print_one(const char *line, size_t len, int evidence, int cflags,
		  PersonaTitle *pt)
{
	const char *s;
	int			k;

	persona_title_classify_flags(line, len, NULL, cflags, pt);
	fwrite(line, 1, len, stdout);
	printf("\t%s\t", pt->normalized);
	s = persona_seniority_name(pt->seniority);
	printf("%s\t", s ? s : "");
	s = persona_function_name(pt->function);
	printf("%s\t", s ? s : "");
	print_functions(pt->functions);
	printf("\t%s", pt->subfunction ? pt->subfunction : "");
	if (evidence)
	{
		putchar('\t');
		for (k = 0; k < pt->n_evidence; k++)
		{
			const PersonaEvidence *ev = &pt->evidence[k];
			const char *sn = persona_seniority_name(ev->seniority);
			const char *fn = persona_function_name(ev->function);

			printf("%s%s%.*s=%s/%s/%s", k ? "; " : "",
				   ev->decided ? "*" : "",
				   (int) ev->norm_len, pt->normalized + ev->norm_start,
				   sn ? sn : "", fn ? fn : "",
				   persona_rule_name(ev->rule));
		}
	}
	putchar('\n');
}

int
main(int argc, char **argv)
{
	int			evidence = 0;
	int			bench = 0;
	int			cflags = 0;
	int			i;
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		n;
	PersonaTitle *pt = malloc(sizeof(PersonaTitle));

	for (i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "-e") == 0)
			evidence = 1;
		else if (strcmp(argv[i], "-b") == 0)
			bench = 1;
		else if (strcmp(argv[i], "-l") == 0)
			cflags = PERSONA_CLASSIFY_NO_EVIDENCE | PERSONA_CLASSIFY_NO_NORMALIZED;
		else
		{
			fprintf(stderr, "usage: %s [-e] [-b] [-l] < titles\n", argv[0]);
			return 2;
		}
	}
	if (!pt)
		return 1;

	if (!bench)
	{
		while ((n = getline(&line, &cap, stdin)) >= 0)
		{
			while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
				n--;
			print_one(line, (size_t) n, evidence, cflags, pt);
		}
	}
	else
	{
		/* read everything, then time classification only */
		char	  **titles = NULL;
		size_t	   *lens = NULL;
		size_t		count = 0;
		size_t		tcap = 0;
		size_t		j;
		int			round;
		int			rounds = 5;
		struct timespec t0, t1;
		double		ns;
		unsigned long sink = 0;

		while ((n = getline(&line, &cap, stdin)) >= 0)
		{
			while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
				n--;
			if (count == tcap)
			{
				tcap = tcap ? tcap * 2 : 1024;
				titles = realloc(titles, tcap * sizeof(char *));
				lens = realloc(lens, tcap * sizeof(size_t));
				if (!titles || !lens)
					return 1;
			}
			titles[count] = malloc((size_t) n + 1);
			if (!titles[count])
				return 1;
			memcpy(titles[count], line, (size_t) n);
			lens[count] = (size_t) n;
			count++;
		}
		if (count == 0)
		{
			fprintf(stderr, "no titles\n");
			return 1;
		}
		/* one warm-up round builds the lexicon table */
		for (j = 0; j < count; j++)
			persona_title_classify_flags(titles[j], lens[j], NULL, cflags, pt);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (round = 0; round < rounds; round++)
			for (j = 0; j < count; j++)
			{
				persona_title_classify_flags(titles[j], lens[j], NULL, cflags, pt);
				sink += (unsigned long) (pt->seniority + pt->function);
			}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ns = ((double) (t1.tv_sec - t0.tv_sec) * 1e9 +
			  (double) (t1.tv_nsec - t0.tv_nsec)) / ((double) count * rounds);
		printf("%.1f ns per title (%zu titles x %d rounds, checksum %lu)\n",
			   ns, count, rounds, sink);
		for (j = 0; j < count; j++)
			free(titles[j]);
		free(titles);
		free(lens);
	}
	free(line);
	free(pt);
	return 0;
}
