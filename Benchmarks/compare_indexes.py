#!/usr/bin/env python3
"""Compares two termsearch indexes of the same files clause by clause (matched by their Q id term,
since document ids depend on the order the workers finished): terms, wdf, positions of unprefixed
and heading terms, document data, and the spelling table. Needs python3-xapian
(apt-get install python3-xapian). Exit status 1 when they differ.

    python3 Benchmarks/compare_indexes.py /tmp/index-a /tmp/index-b
"""
import sys
import xapian


def clause_ids(db):
    return {t.term: next(iter(db.postlist(t.term))).docid for t in db.allterms(b"Q")}


def main():
    a, b = xapian.Database(sys.argv[1]), xapian.Database(sys.argv[2])
    ids_a, ids_b = clause_ids(a), clause_ids(b)
    problems = []
    if ids_a.keys() != ids_b.keys():
        problems.append(f"clause ids differ: {len(ids_a.keys() - ids_b.keys())} only in A, {len(ids_b.keys() - ids_a.keys())} only in B")
    for q in ids_a.keys() & ids_b.keys():
        da, db_ = a.get_document(ids_a[q]), b.get_document(ids_b[q])
        if da.get_data() != db_.get_data():
            problems.append(f"{q!r}: data differs")
        ta = {t.term: t.wdf for t in da.termlist()}
        tb = {t.term: t.wdf for t in db_.termlist()}
        if ta != tb:
            problems.append(f"{q!r}: terms differ, e.g. {sorted(set(ta.items()) ^ set(tb.items()))[:3]}")
            continue
        for term in ta:
            if not term[:1].isupper() or term.startswith(b"XH"):
                if list(a.positionlist(ids_a[q], term)) != list(b.positionlist(ids_b[q], term)):
                    problems.append(f"{q!r}: positions of {term!r} differ")
    spell_a = {t.term: t.termfreq for t in a.spellings()}
    spell_b = {t.term: t.termfreq for t in b.spellings()}
    if spell_a != spell_b:
        problems.append("spelling tables differ")
    for p in problems[:20]:
        print(p)
    print(f"{len(ids_a)} clauses compared: {'identical' if not problems else f'{len(problems)} differences'}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
