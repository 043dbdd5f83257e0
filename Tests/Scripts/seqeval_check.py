#!/usr/bin/env python3
"""Check Wasim's CoNLL export against the gold with seqeval: one entity per gold span.

seqeval (PyPI) reads the IOB2 tags of a CoNLL export and counts the entities per label; this
script compares those counts with the number of spans per label in the brat gold the export
was made from, and exits with status 1 on any difference (0 when all agree).

How to run (from the repository root):

    pip install seqeval                      # or in a venv
    swift run wasim convert --to conll Gold/seeds -o /tmp/seeds.conll
    python3 Tests/Scripts/seqeval_check.py /tmp/seeds.conll Gold/seeds

The CoNLL file is the format of docs/data-formats.md: `TOKEN<TAB>TAG` lines, a blank line
after each sentence, a `-DOCSTART-<TAB>O` line before each document. Entities are counted
twice, with seqeval's default (lenient, conlleval-style) reading and with its strict IOB2
mode; both must match the gold.
"""

import glob
import os
import sys
from collections import Counter

from seqeval.metrics import classification_report
from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import IOB2


def read_conll(path):
    """The sentences of a CoNLL file as lists of tags (documents are sentence boundaries too)."""
    sentences, current = [], []
    with open(path, encoding="utf-8", newline="\n") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip(" \t"):
                if current:
                    sentences.append(current)
                current = []
                continue
            fields = line.split("\t")
            if len(fields) < 2:
                sys.exit(f"{path}:{number}: expected TOKEN<TAB>TAG, found {line!r}")
            if fields[0] == "-DOCSTART-":
                if current:
                    sentences.append(current)
                current = []
                continue
            current.append(fields[-1])
    if current:
        sentences.append(current)
    return sentences


def gold_counts(directory):
    """Spans per label in the brat gold below a directory (T lines of the .ann files)."""
    counts = Counter()
    for path in sorted(glob.glob(os.path.join(directory, "**", "*.ann"), recursive=True)):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("T"):
                    counts[line.split("\t")[1].split(" ")[0]] += 1
    return counts


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: seqeval_check.py EXPORT.conll GOLD_DIR")
    conll, gold_dir = sys.argv[1], sys.argv[2]
    sentences = read_conll(conll)
    gold = gold_counts(gold_dir)
    if not gold:
        sys.exit(f"no .ann files below {gold_dir}")

    lenient = Counter(label for sentence in sentences for label, _, _ in get_entities(sentence))
    report = classification_report(sentences, sentences, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    strict = Counter({label: int(row["support"]) for label, row in report.items() if not label.endswith(" avg")})

    failed = False
    print(f"{'label':<14}{'gold':>6}{'seqeval':>9}{'strict':>8}")
    for label in sorted(set(gold) | set(lenient) | set(strict)):
        ok = gold[label] == lenient[label] == strict[label]
        failed |= not ok
        print(f"{label:<14}{gold[label]:>6}{lenient[label]:>9}{strict[label]:>8}{'' if ok else '  MISMATCH'}")
    total = sum(gold.values())
    verdict = "MISMATCH" if failed else "OK"
    print(f"seqeval {verdict}: {sum(lenient.values())} entities (strict IOB2: {sum(strict.values())}) "
          f"for {total} gold spans in {len(sentences)} sentences")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
