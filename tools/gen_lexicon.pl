#!/usr/bin/perl
#
# gen_lexicon.pl
#	  Turn the hand-edited word list src/lexicon.tsv into the C table
#	  src/lexicon.c that the title classifier (src/title.c) hashes at
#	  first use.
#
# Why a generator: the list is easier to review and extend as text, and the
# generator does the mechanical work that people get wrong by hand: folding
# accents exactly as title.c does, adding the umlaut spelling (ae, oe, ue)
# of every German word, expanding "a,b,c" alternatives, checking names of
# levels and functions, rejecting duplicates, and computing for each first
# word the longest phrase that starts with it (so the matcher never probes
# for phrases that cannot exist).
#
# Usage: perl tools/gen_lexicon.pl src/lexicon.tsv > src/lexicon.c
#
# Input lines: term(s) | canonical | seniority | function | subfunction | flags
#	term(s)		one or more comma-separated spellings (words separated by
#				spaces; accents allowed); "abbr=words" gives one spelling
#				its own canonical words
#	canonical	English replacement words, "=" for each spelling itself,
#				"-" to drop the word from the normalised form
#	seniority	a persona.seniority name or "-"
#	function	a persona.job_function name or "-"; a trailing "!" marks a
#				role noun that outranks domain words ("secretary"), a
#				trailing "?" a weak hint used only when nothing else names
#				a function ("clerk")
#	subfunction	free text or "-"
#	flags		letters, see FLAGS below, or "-"
# "@lang xx" switches the language recorded for the following lines.
#
# tools/gen_lexicon.pl
#
use strict;
use warnings;
use utf8;
use Unicode::Normalize;

binmode(STDIN, ':encoding(UTF-8)');
binmode(STDOUT, ':encoding(UTF-8)');

my @SEN = qw(unpaid training entry senior manager director head vp cxo
  partner owner board);
my @FN = qw(executive sales marketing business_development customer_success
  operations finance hr it engineering data product design legal
  procurement administrative project_management consulting research
  quality education healthcare media_communications real_estate
  public_sector trades_manufacturing hospitality);
my %LANG = (en => 0, de => 1, fr => 2, es => 3, pt => 4, nl => 5, it => 6);

# Flag letters and the C names they become (keep in step with lexicon.h).
my %FLAGS = (
	R => 'LEX_ROLE',			# a role noun: entry level when no level word
	M => 'LEX_CMOD',			# may be a non-final part of a compound
	H => 'LEX_CHEAD',			# may be the final part of a compound
	L => 'LEX_LOOSEHEAD',		# head strong enough to split off an unknown
	A => 'LEX_ASSIST',			# assistant to ...: later words count nothing
	T => 'LEX_STAFF',			# "staff": senior only before a K word
	K => 'LEX_STAFFABLE',		# engineer, scientist, ...
	C => 'LEX_CHIEF',			# "chief": cxo when "officer" follows
	O => 'LEX_OFFICER',
	G => 'LEX_FOREIGNCTX',		# function only beside a non-English word
	B => 'LEX_SEGEND',			# ends a segment ("at")
	U => 'LEX_WEAKUNPAID',		# "student": training beats it
	Q => 'LEX_RANKALONE',		# "partner": no level after a function word
	E => 'LEX_EMPLOYEE',		# "employee": a role only beside a function
	X => 'LEX_TO',				# "to": later levels in the segment are whom
								# the role serves ("chief of staff to the CEO")
);

my %sen = map { $SEN[$_] => $_ } 0 .. $#SEN;
my %fn = map { $FN[$_] => $_ } 0 .. $#FN;

# Fold exactly like title.c: lower case, accents off, a few letters spelled
# out, every other character a word separator; "&" inside short words kept.
sub fold
{
	my ($s) = @_;
	$s = lc $s;
	$s =~ s/ß/ss/g;
	$s =~ s/æ/ae/g;
	$s =~ s/œ/oe/g;
	$s =~ s/ø/o/g;
	$s =~ s/đ/d/g;
	$s =~ s/ð/d/g;
	$s =~ s/ł/l/g;
	$s =~ s/þ/th/g;
	$s =~ s/ı/i/g;
	$s = NFD($s);
	$s =~ s/\p{Mn}//g;
	$s =~ s/[^a-z0-9&]+/ /g;
	$s =~ s/^ +| +$//g;
	return $s;
}

my $lang = 0;
my (%seen, @entries);
my $lineno = 0;
my @errors;

sub add
{
	my ($term, $e) = @_;
	die "line $lineno: empty term\n" if $term eq '';
	if (exists $seen{$term})
	{
		# The same spelling from two lines is an error, except when a
		# generated umlaut variant meets a hand-written one.
		return if $e->{variant} || $seen{$term} == $lineno;
		push @errors, "line $lineno: duplicate term '$term' (also line $seen{$term})\n";
		return;
	}
	$seen{$term} = $lineno;
	push @entries, { %$e, term => $term };
}

while (my $line = <STDIN>)
{
	$lineno++;
	chomp $line;
	$line =~ s/\s+$//;
	next if $line =~ /^\s*(#|$)/;
	if ($line =~ /^\@lang\s+(\w+)$/)
	{
		die "line $lineno: unknown language $1\n" unless exists $LANG{$1};
		$lang = $LANG{$1};
		next;
	}
	my @f = map { s/^\s+|\s+$//gr } split /\|/, $line, -1;
	push @f, '-' while @f < 6;
	die "line $lineno: too many fields\n" if @f > 6;
	my ($terms, $canon, $s, $fnx, $sub, $flags) = @f;

	my $strength = 1;
	$strength = 2 if $fnx =~ s/!$//;
	$strength = 0 if $fnx =~ s/\?$//;
	die "line $lineno: unknown seniority '$s'\n"
	  unless $s eq '-' || exists $sen{$s};
	die "line $lineno: unknown function '$fnx'\n"
	  unless $fnx eq '-' || exists $fn{$fnx};
	my @fl;
	if ($flags ne '-')
	{
		for my $c (split //, $flags)
		{
			die "line $lineno: unknown flag '$c'\n" unless $FLAGS{$c};
			push @fl, $FLAGS{$c};
		}
	}
	my @spell = split /\s*,\s*/, $terms;
	my $c = $canon eq '-' ? '' : fold($canon);
	my %e = (
		canon => $c,
		sen => $s eq '-' ? 'PERSONA_SEN_NONE' : 'PERSONA_SEN_' . uc $s,
		fn => $fnx eq '-' ? 'PERSONA_FN_NONE' : 'PERSONA_FN_' . uc $fnx,
		sub => $sub eq '-' ? 'NULL' : "\"$sub\"",
		flags => @fl ? join('|', @fl) : '0',
		strength => $strength,
		lang => $lang,
	);
	for my $sp (@spell)
	{
		$e{canon} = fold($sp) if $canon eq '=';
		# "abbr=canonical words" inside a list: its own replacement
		if ($sp =~ /^(.*?)\s*=\s*(.+)$/)
		{
			$sp = $1;
			$e{canon} = fold($2);
		}
		add(fold($sp), \%e);
		# German umlauts may be written out: Geschaeftsfuehrer.
		if ($sp =~ /[äöüÄÖÜ]/)
		{
			my $v = $sp;
			$v =~ s/ä/ae/g;
			$v =~ s/ö/oe/g;
			$v =~ s/ü/ue/g;
			$v =~ s/Ä/Ae/g;
			$v =~ s/Ö/Oe/g;
			$v =~ s/Ü/Ue/g;
			add(fold($v), { %e, variant => 1 });
		}
	}
}

die @errors if @errors;

# A phrase that ends in a role noun is a role ("software engineer"), and
# one that ends in a staffable role is staffable ("data scientist").
{
	my %single = map { $_->{term} => $_ } grep { $_->{term} !~ / / } @entries;
	for my $e (@entries)
	{
		next unless $e->{term} =~ / (\S+)$/;
		my $last = $single{$1} or next;
		for my $f ('LEX_ROLE', 'LEX_STAFFABLE')
		{
			next unless $last->{flags} =~ /\b$f\b/;
			next if $e->{flags} =~ /\b$f\b/;
			$e->{flags} = $e->{flags} eq '0' ? $f : "$e->{flags}|$f";
		}
	}
}

# Longest phrase starting with each first word; first words that are not
# words of their own get an entry without meaning so the probe finds them.
my %maxw;
for my $e (@entries)
{
	my @w = split / /, $e->{term};
	$e->{nwords} = scalar @w;
	die "phrase too long: $e->{term}\n" if @w > 8;
	$maxw{$w[0]} = @w if !defined $maxw{$w[0]} || $maxw{$w[0]} < @w;
}
for my $w (sort keys %maxw)
{
	next if exists $seen{$w};
	push @entries, {
		term => $w, canon => $w, sen => 'PERSONA_SEN_NONE',
		fn => 'PERSONA_FN_NONE', sub => 'NULL', flags => 'LEX_PREFIXONLY',
		strength => 1, lang => 0, nwords => 1 };
	$seen{$w} = 0;
}

@entries = sort { $a->{term} cmp $b->{term} } @entries;
die "too many entries for the hash table of title.c\n" if @entries > 8000;
for my $e (@entries)
{
	die "term too long: $e->{term}\n" if length($e->{term}) > 255;
	die "canonical too long: $e->{canon}\n" if length($e->{canon}) > 255;
}

print <<'EOT';
/*-------------------------------------------------------------------------
 *
 * lexicon.c
 *	  The built-in title lexicon as C data.
 *
 * GENERATED by tools/gen_lexicon.pl from src/lexicon.tsv: edit the list and
 * regenerate, never this file.  The terms are folded exactly as title.c
 * folds titles, sorted, and each first word knows the longest phrase that
 * starts with it.
 *
 * src/lexicon.c
 *
 *-------------------------------------------------------------------------
 */
#include "lexicon.h"

#define PAD16 "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"

const PersonaLexEntry persona_lexicon[] = {
EOT
for my $e (@entries)
{
	my $mw = $maxw{ (split / /, $e->{term})[0] } // 1;
	$mw = 1 if $e->{nwords} > 1;
	# canonical strings carry 16 NULs more: title.c copies them in 16-byte
	# blocks without a length-dependent branch
	printf "\t{\"%s\", \"%s\" PAD16, %s, %s, %s, %s, %d, %d, %d, %d, %d, %d},\n",
	  $e->{term}, $e->{canon}, $e->{sub}, $e->{flags}, $e->{sen}, $e->{fn},
	  $e->{strength}, $e->{nwords}, $mw, $e->{lang}, length($e->{term}),
	  length($e->{canon});
}
print "};\n\nconst int\tpersona_lexicon_size = ",
  scalar(@entries), ";\n";
