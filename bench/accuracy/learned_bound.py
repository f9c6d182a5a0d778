#!/usr/bin/env python3
"""
bench/accuracy/learned_bound.py: how well can any reader of titles agree
with the occupation gold of bench/accuracy.sql?

The gold of a title is the function of the occupation O*NET or ESCO filed
it under.  This script fits a classifier to that gold itself and scores it
on titles it was not fitted on, by five-fold cross-validation, with two
learners of different kinds: a multinomial naive Bayes over the title's
words, word pairs, five-letter word prefixes and last word, and a linear
support vector machine over TF-IDF word unigrams and bigrams and character
2- to 5-grams (scikit-learn, Debian's python3-sklearn); both read titles
with accents folded, in lower case.  If the stronger learner scored far
above the simpler one, the bound would say more about the learner than
about the gold; they land within a few points.  Learned from the gold,
they know every convention of the mapping and of the occupation codes
that a hand-written lexicon can only guess, so their scores on unseen
titles say how far the gold can be read from titles at all:

  grouped by title       every row of one title string is in one fold, so
                         the other titles of the same occupation (and, in
                         ESCO, the masculine, feminine and "m/f" forms of
                         the same label) are in the training folds: an
                         optimistic bound, close to memorising the set;
  grouped by occupation  every title of one O*NET-SOC code or ESCO
                         occupation is in one fold: what the gold looks like
                         for an occupation the reader has not seen, which is
                         what a CRM's titles are to any classifier.

The items and the scoring rule are those of bench/accuracy.sql (the same
mapping files; a prediction is right when it is one of the accepted
functions; a "skip" code is left out), so the figures compare with the
accuracy it prints.  Run by bench/run accuracy; prints figures, never fails
on them.  Reads ../shared/data in place.  Deterministic: the folds are
md5 buckets of the group key, and the SVM's solver has a fixed seed.

  /usr/bin/python3 bench/accuracy/learned_bound.py [DATADIR [BENCHDIR]]
"""
import collections
import csv
import hashlib
import math
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', '..', '..', 'shared', 'data')
BENCH = sys.argv[2] if len(sys.argv) > 2 else HERE
ONET_MAJORS = ('11', '13', '15', '23', '41', '43')
FOLDS = 5


def read_mapping(name):
    """code -> accepted functions (tuple), or None for "skip"."""
    mapping = {}
    with open(os.path.join(BENCH, name), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            code, _label, gold = line.split('\t')[:3]
            if code in ('onetsoc_code', 'isco_unit_group'):
                continue
            mapping[code] = None if gold == 'skip' else tuple(gold.split('|'))
    return mapping


def load_items():
    """set -> list of (title, accepted functions, occupation group key)."""
    soc = read_mapping('soc_functions.tsv')
    isco = read_mapping('isco_functions.tsv')
    items = collections.defaultdict(dict)
    with open(os.path.join(DATA, 'onet', 'onet_titles_labeled.tsv'), encoding='utf-8') as f:
        for line in f:
            p = line.rstrip('\n').split('\t')
            if len(p) < 6 or p[5] not in ONET_MAJORS or not p[1]:
                continue
            accept = soc.get(p[3])
            if accept:
                items['onet'][(p[1], accept, p[3])] = p[3]
    with open(os.path.join(DATA, 'esco', 'esco_occupation_labels_flat.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            if r['lang'] not in ('fr', 'es') or not r['label']:
                continue
            accept = isco.get(r['isco_unit_group'])
            if accept:
                key = (r['label'], accept, r['isco_unit_group'])
                # A label of several ESCO occupations of one group is scored
                # once (as in bench/accuracy.sql); it goes with the first.
                old = items['esco_' + r['lang']].get(key)
                items['esco_' + r['lang']][key] = min(old, r['esco_uri']) if old else r['esco_uri']
    return {s: [(t, a, occ) for (t, a, _code), occ in rows.items()] for s, rows in items.items()}


def fold_accents(title):
    folded = unicodedata.normalize('NFKD', title.lower())
    return ''.join(c for c in folded if not unicodedata.combining(c))


def features(title):
    words = re.findall(r'[a-z0-9]+', fold_accents(title))
    out = words + [a + ' ' + b for a, b in zip(words, words[1:])]
    out += ['prefix:' + w[:5] for w in words]
    if words:
        out.append('last:' + words[-1])
    return out


def fold_of(key):
    return int(hashlib.md5(key.encode('utf-8')).hexdigest(), 16) % FOLDS


def naive_bayes(train):
    """Fit on (title, accepted functions, occupation) rows: a predict(titles)."""
    prior = collections.Counter()
    counts = collections.defaultdict(collections.Counter)
    for title, accept, _occ in train:
        share = 1.0 / len(accept)
        for fn in accept:
            prior[fn] += share
            for x in features(title):
                counts[fn][x] += share
    vocab = {x for c in counts.values() for x in c}
    size = {fn: sum(c.values()) for fn, c in counts.items()}
    n = sum(prior.values())
    alpha = 0.1

    def score(fn, fs):
        denom = size[fn] + alpha * len(vocab)
        return math.log(prior[fn] / n) + sum(math.log((counts[fn][x] + alpha) / denom) for x in fs)

    def predict(titles):
        out = []
        for title in titles:
            fs = [x for x in features(title) if x in vocab]
            out.append(max(sorted(prior), key=lambda fn: score(fn, fs)))
        return out
    return predict


def linear_svm(train):
    """The same with a linear SVM; a row with two accepted functions is
    one example of each."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_union
    from sklearn.svm import LinearSVC

    texts = [fold_accents(title) for title, accept, _occ in train for _fn in accept]
    labels = [fn for _title, accept, _occ in train for fn in accept]
    vectorizer = make_union(
        TfidfVectorizer(analyzer='word', ngram_range=(1, 2), sublinear_tf=True),
        TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), sublinear_tf=True))
    model = LinearSVC(C=0.5, random_state=0).fit(vectorizer.fit_transform(texts), labels)
    return lambda titles: list(model.predict(vectorizer.transform([fold_accents(t) for t in titles])))


def cross_validate(items, group, learner):
    """Share of test rows whose prediction is an accepted function."""
    right = total = 0
    for k in range(FOLDS):
        train = [it for it in items if fold_of(group(it)) != k]
        test = [it for it in items if fold_of(group(it)) == k]
        predicted = learner(train)([title for title, _accept, _occ in test])
        for fn, (_title, accept, _occ) in zip(predicted, test):
            right += fn in accept
            total += 1
    return 100.0 * right / total


def main():
    items = load_items()
    print('-- a classifier fitted to the gold itself, scored on titles it was not fitted on')
    print('-- (5-fold cross-validation; see bench/accuracy/learned_bound.py)')
    print('%-8s %-12s %7s %22s %27s' % ('set', 'learner', 'rows', 'grouped by title %',
                                         'grouped by occupation %'))
    for name in ('onet', 'esco_fr', 'esco_es'):
        rows = items[name]
        for label, learner in (('naive Bayes', naive_bayes), ('linear SVM', linear_svm)):
            by_title = cross_validate(rows, lambda it: it[0].lower(), learner)
            by_occupation = cross_validate(rows, lambda it: it[2], learner)
            print('%-8s %-12s %7d %22.1f %27.1f' % (name, label, len(rows), by_title, by_occupation))


if __name__ == '__main__':
    main()
