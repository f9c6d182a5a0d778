# persona: buyer personas for CRM data, inside PostgreSQL.  Built with PGXS.

EXTENSION	= persona
MODULE_big	= persona
OBJS		= src/title.o src/lexicon.o src/taxonomy.o src/title_input.o src/title_sql.o \
		  src/ruleset.o src/ruleset_json.o src/ruleset_type.o src/matcher.o \
		  src/active.o src/match_sql.o src/tag_trigger.o
DATA		= $(wildcard sql/persona--*.sql)

# Regression inputs live in test/sql, every expected output in expected/.
REGRESS		= install taxonomy title_classify title_edge title_explain lexicon \
		  ruleset_type match match_stored profile roles publish attach retag reports reports_rls \
		  bad_input parallel
REGRESS_OPTS	= --inputdir=test
ISOLATION	= taxonomy_cache publish_match publish_insert retag_concurrent refresh_concurrent
ISOLATION_OPTS	= --inputdir=test --outputdir=.
TAP_TESTS	= 1
PROVE_TESTS	= test/t/*.pl
EXTRA_CLEAN	= results output_iso tmp_check regression.diffs regression.out \
		  test/unit/test_title tools/classify

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The built-in lexicon is generated from its word list (committed too, so a
# build needs no perl unless the list changes).
src/lexicon.c: src/lexicon.tsv tools/gen_lexicon.pl
	perl tools/gen_lexicon.pl < src/lexicon.tsv > $@

# The classifier core is plain C: its unit test and driver build without
# the server.  CORE_CFLAGS can carry sanitizers (see test/run).
CORE_SRC	= src/title.c src/lexicon.c
CORE_CFLAGS	?= -O2 -g -std=c99 -Wall -Wextra -Werror

test/unit/test_title: test/unit/test_title.c $(CORE_SRC) src/title.h
	$(CC) $(CORE_CFLAGS) -Isrc -o $@ test/unit/test_title.c $(CORE_SRC)

tools/classify: tools/classify.c $(CORE_SRC) src/title.h
	$(CC) $(CORE_CFLAGS) -Isrc -o $@ tools/classify.c $(CORE_SRC)

# One suite at a time (test/run reports each); the regression suite also
# runs under PGOPTIONS='-c force_parallel_mode=regress'.
installcheck-regress-only:
	$(pg_regress_installcheck) $(REGRESS_OPTS) $(REGRESS)
installcheck-isolation-only:
	$(pg_isolation_regress_installcheck) $(ISOLATION_OPTS) $(ISOLATION)
installcheck-tap-only:
	$(prove_installcheck)

.PHONY: installcheck-regress-only installcheck-isolation-only installcheck-tap-only fuzz unittest valgrind-unittest accept-results bench bench-accuracy bench-throughput bench-match bench-tagging bench-scale demo

unittest: test/unit/test_title
	test/unit/test_title

valgrind-unittest: test/unit/test_title
	valgrind --error-exitcode=1 --leak-check=full -q test/unit/test_title

# Fuzzing (clang-14, libclang-rt-14-dev): FUZZ_SECONDS per harness, then the
# corpora replayed in the server that PGHOST/PGPORT/PGUSER/PGDATABASE name.
FUZZ_SECONDS ?= 60
fuzz:
	test/fuzz/run.sh $(FUZZ_SECONDS)

# Copy the outputs of the last failed run into expected/ after reviewing them.
accept-results:
	@for f in results/*.out; do [ -f "$$f" ] && cp -v "$$f" expected/; done; true

# Benchmarks print figures; they never fail on a timing.
bench: bench-accuracy bench-throughput bench-match bench-tagging
bench-accuracy:
	bench/run accuracy
bench-throughput:
	bench/run throughput
bench-match:
	bench/run match
bench-tagging:
	bench/run tagging
# 10 million leads, about 5 minutes: not part of bench, not run in CI.
bench-scale:
	bench/run scale

demo:
	demo/run
