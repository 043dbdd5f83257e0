#!/usr/bin/env python3
"""Generate parity fixtures for Wasim's Swift port of nervaluate's four evaluation modes.

Fixtures in Tests/WasimTests/Fixtures/nervaluate/cases.json were produced with
nervaluate 1.2.1 (PyPI) under Python 3.11.

How to run (from the repository root):

    python3 -m venv /tmp/nerv && /tmp/nerv/bin/pip install nervaluate==1.2.1
    /tmp/nerv/bin/python Tests/Scripts/make_nervaluate_fixtures.py

The output is deterministic (fixed random seed, seed files read in sorted order).

Span convention in the fixture: {"label", "start", "end"} with `start`/`end` in Unicode code
points (Python string indices) into seeds/<doc>.txt, `end` EXCLUSIVE. nervaluate's dict loader
treats `end` as INCLUSIVE (overlap test: not (p.start > t.end or p.end < t.start), length =
end - start + 1), so every span is handed to nervaluate as end - 1. Two spans therefore
"overlap" exactly when they share at least one code point.

Each case is evaluated on its own (a corpus of one document); in addition all cases are
evaluated together as one corpus of 400 documents ("corpus" key). Per-label results are copied
exactly as nervaluate reports them: a label appears under "labels" only if it occurs in that
evaluation's gold or predictions.
"""

import glob
import json
import os
import random
import sys
import unicodedata
from importlib.metadata import version

from nervaluate import Evaluator

SEED = 20240611
N_CASES = 400
TAGS = ["DATE", "NUMBER", "LOCATION", "AGENCY", "PERSON"]
MODES = ["strict", "exact", "partial", "ent_type"]
FIELDS = ["correct", "incorrect", "partial", "missed", "spurious",
          "possible", "actual", "precision", "recall", "f1"]
FLOAT_FIELDS = {"precision", "recall", "f1"}

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SEEDS = os.path.join(ROOT, "seeds")
OUT = os.path.join(ROOT, "Tests", "WasimTests", "Fixtures", "nervaluate", "cases.json")


def is_word_char(ch):
    return unicodedata.category(ch)[0] in "LMN"


def tokenize(text):
    """Word tokens as (start, end) code-point offsets, end exclusive.

    A word is a maximal run of letters, marks and digits; whitespace and punctuation split."""
    toks, i, n = [], 0, len(text)
    while i < n:
        if is_word_char(text[i]):
            j = i
            while j < n and is_word_char(text[j]):
                j += 1
            toks.append((i, j))
            i = j
        else:
            i += 1
    return toks


def load_docs():
    docs = {}
    for path in sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        doc_id = os.path.splitext(os.path.basename(path))[0]
        docs[doc_id] = (text, tokenize(text))
    if not docs:
        sys.exit("no seed documents found in " + SEEDS)
    return docs


def span(label, s, e):
    return {"label": label, "start": s, "end": e}


def make_gold(rng, toks, n_spans):
    """Non-overlapping gold spans of 1-4 words, sorted by start. Returns (spans, token ranges)."""
    used = set()
    ranges = []
    attempts = 0
    while len(ranges) < n_spans and attempts < 1000:
        attempts += 1
        k = rng.randint(1, 4)
        i = rng.randrange(0, len(toks) - k + 1)
        idx = set(range(i, i + k))
        if idx & used:
            continue
        used |= idx
        ranges.append((i, i + k - 1))
    ranges.sort()
    spans = [span(rng.choice(TAGS), toks[i][0], toks[j][1]) for i, j in ranges]
    return spans, ranges


def random_span(rng, toks, label=None):
    k = rng.randint(1, 4)
    i = rng.randrange(0, len(toks) - k + 1)
    return span(label or rng.choice(TAGS), toks[i][0], toks[i + k - 1][1])


def other_label(rng, label):
    return rng.choice([t for t in TAGS if t != label])


def char_shift(rng, s, e, which, n):
    """Move start or end by 1-3 code points (either direction), keeping 0 <= s < e <= n."""
    d = rng.choice([-3, -2, -1, 1, 2, 3])
    if which == "start":
        s = min(max(0, s + d), e - 1)
    else:
        e = max(min(n, e + d), s + 1)
    return s, e


EDITS = [("keep", 30), ("word_start", 8), ("word_end", 8), ("char_start", 6), ("char_end", 6),
         ("label", 10), ("label_shift", 5), ("drop", 10), ("split", 5), ("dup", 4),
         ("touch", 4)]


def pick_edit(rng):
    total = sum(w for _, w in EDITS)
    r = rng.uniform(0, total)
    for name, w in EDITS:
        r -= w
        if r <= 0:
            return name
    return EDITS[-1][0]


def edit_gold(rng, g, rng_tok, toks, n):
    """Predictions derived from one gold span."""
    lab, s, e = g["label"], g["start"], g["end"]
    ti, tj = rng_tok
    edit = pick_edit(rng)
    if edit == "keep":
        return [span(lab, s, e)]
    if edit == "drop":
        return []
    if edit == "label":
        return [span(other_label(rng, lab), s, e)]
    if edit in ("word_start", "word_end", "label_shift"):
        which = edit.split("_")[1] if edit != "label_shift" else rng.choice(["start", "end"])
        lab2 = lab if edit != "label_shift" else other_label(rng, lab)
        if which == "start":
            opts = []
            if ti > 0:
                opts.append(toks[ti - 1][0])          # extend one word left
            if tj > ti:
                opts.append(toks[ti + 1][0])          # shrink one word
            if not opts:
                return [span(lab2, *char_shift(rng, s, e, "start", n))]
            return [span(lab2, rng.choice(opts), e)]
        opts = []
        if tj + 1 < len(toks):
            opts.append(toks[tj + 1][1])              # extend one word right
        if tj > ti:
            opts.append(toks[tj - 1][1])              # shrink one word
        if not opts:
            return [span(lab2, *char_shift(rng, s, e, "end", n))]
        return [span(lab2, s, rng.choice(opts))]
    if edit in ("char_start", "char_end"):
        return [span(lab, *char_shift(rng, s, e, edit.split("_")[1], n))]
    if edit == "split":
        # two predictions inside one gold span
        if tj > ti:
            m = rng.randrange(ti, tj)
            a = span(lab, toks[ti][0], toks[m][1])
            b = span(lab, toks[m + 1][0], toks[tj][1])
        elif e - s >= 2:
            m = rng.randrange(s + 1, e)
            a, b = span(lab, s, m), span(lab, m, e)
        else:
            return [span(lab, s, e), span(lab, s, e)]
        if rng.random() < 0.3:
            b["label"] = other_label(rng, lab)
        out = [a, b]
        rng.shuffle(out)
        return out
    if edit == "touch":
        # the gold span plus a neighbour that touches it ([x, start) / [end, x)) or overlaps it by
        # exactly one code point; pins the exclusive-end -> inclusive-end conversion
        k = rng.randint(2, 6)
        one = 1 if rng.random() < 0.5 else 0
        if rng.random() < 0.5 and s - k >= 0:
            extra = span(rng.choice([lab, rng.choice(TAGS)]), s - k, s + one)
        else:
            extra = span(rng.choice([lab, rng.choice(TAGS)]), e - one, min(n, e + k))
        out = [span(lab, s, e), extra] if rng.random() < 0.6 else [extra]
        rng.shuffle(out)
        return out
    # dup: the exact span plus a second prediction on the same gold span
    second = rng.choice(["same", "shift", "label"])
    if second == "same":
        extra = span(lab, s, e)
    elif second == "shift":
        extra = span(lab, *char_shift(rng, s, e, rng.choice(["start", "end"]), n))
    else:
        extra = span(other_label(rng, lab), s, e)
    out = [span(lab, s, e), extra]
    rng.shuffle(out)
    return out


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def make_case(rng, docs, doc_ids, index):
    doc = rng.choice(doc_ids)
    text, toks = docs[doc]
    n = len(text)

    # fixed edge cases first
    if index == 0:
        return doc, [], []
    if index == 1:
        return doc, [], [random_span(rng, toks) for _ in range(rng.randint(1, 4))]
    if index == 2:
        gold, _ = make_gold(rng, toks, rng.randint(1, 6))
        return doc, gold, []
    if index < 6:   # more empty-gold / empty-pred / both-empty variants
        kind = index % 3
        if kind == 0:
            return doc, [], []
        if kind == 1:
            return doc, [], [random_span(rng, toks)]
        gold, _ = make_gold(rng, toks, 1)
        return doc, gold, []

    if rng.random() < 0.6:
        # cluster the case in a window of 30-120 words so gold spans sit close together
        w = rng.randint(30, 120)
        w0 = rng.randrange(0, max(1, len(toks) - w))
        toks = toks[w0:w0 + w]
    gold, ranges = make_gold(rng, toks, rng.randint(0, 12))

    if index % 20 == 7:   # fully random predictions, independent of gold, may overlap each other
        pred = [random_span(rng, toks) for _ in range(rng.randint(0, 10))]
        # sometimes bias them onto the gold area so that overlaps happen
        if gold and rng.random() < 0.5:
            for p in pred:
                g = rng.choice(gold)
                p["start"] = max(0, g["start"] + rng.randint(-15, 10))
                p["end"] = min(n, max(p["start"] + 1, g["end"] + rng.randint(-10, 15)))
        rng.shuffle(pred)
        return doc, gold, pred

    allow_overlap = rng.random() < 0.35
    pieces = [edit_gold(rng, g, r, toks, n) for g, r in zip(gold, ranges)]

    # one prediction covering two (or three) consecutive gold spans
    if len(gold) >= 2 and rng.random() < 0.3:
        i = rng.randrange(0, len(gold) - 1)
        j = min(len(gold) - 1, i + (2 if rng.random() < 0.2 else 1))
        same_label = rng.random() < 0.5
        if same_label:
            # same-label neighbours: ent_type must pick the gold with the closest boundaries
            for k in range(i + 1, j + 1):
                gold[k]["label"] = gold[i]["label"]
        lab = rng.choice([gold[i]["label"], gold[j]["label"], rng.choice(TAGS)])
        merged = span(lab, gold[i]["start"], gold[j]["end"])
        if rng.random() < 0.3:
            merged["start"], merged["end"] = char_shift(rng, merged["start"], merged["end"],
                                                        rng.choice(["start", "end"]), n)
        for k in range(i, j + 1):
            pieces[k] = []
        pieces[i] = [merged]
        if allow_overlap and rng.random() < 0.5:
            pieces[j] = [span(gold[j]["label"], gold[j]["start"], gold[j]["end"])]
        elif allow_overlap and same_label and rng.random() < 0.6:
            # a wrong-label copy of one covered gold: its outcome shows which gold the merged
            # prediction consumed
            g = gold[rng.choice([i, j])]
            pieces[j] = pieces[j] + [span(other_label(rng, g["label"]), g["start"], g["end"])]

    pred = [p for ps in pieces for p in ps]

    # spurious predictions (random place: may be clean spurious or hit a gold span)
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 3])):
        pred.append(random_span(rng, toks))

    if allow_overlap and pred and rng.random() < 0.5:
        # an extra prediction overlapping an existing one
        p = rng.choice(pred)
        s, e = char_shift(rng, p["start"], p["end"], rng.choice(["start", "end"]), n)
        pred.append(span(rng.choice([p["label"], rng.choice(TAGS)]), s, e))

    if not allow_overlap:
        kept = []
        for p in sorted(pred, key=lambda x: (x["start"], x["end"])):
            if not any(overlaps(p, q) for q in kept):
                kept.append(p)
        pred = kept

    # list order matters to nervaluate: mostly sorted by start, sometimes shuffled
    if rng.random() < 0.7:
        pred.sort(key=lambda x: (x["start"], x["end"]))
    else:
        rng.shuffle(pred)
    return doc, gold, pred


def to_nervaluate(spans):
    # our [start, end) -> nervaluate's inclusive end
    return [{"label": s["label"], "start": s["start"], "end": s["end"] - 1} for s in spans]


def result_dict(r):
    out = {}
    for f in FIELDS:
        v = getattr(r, f)
        out[f] = float(v) if f in FLOAT_FIELDS else int(v)
    return out


def evaluate(golds, preds):
    ev = Evaluator([to_nervaluate(g) for g in golds], [to_nervaluate(p) for p in preds],
                   tags=TAGS, loader="dict")
    res = ev.evaluate()
    overall = {m: result_dict(res["overall"][m]) for m in MODES}
    labels = {t: {m: result_dict(res["entities"][t][m]) for m in MODES}
              for t in TAGS if t in res["entities"]}
    return overall, labels


def main():
    rng = random.Random(SEED)
    docs = load_docs()
    doc_ids = sorted(docs)
    cases = []
    for index in range(N_CASES):
        doc, gold, pred = make_case(rng, docs, doc_ids, index)
        for s in gold + pred:
            assert 0 <= s["start"] < s["end"] <= len(docs[doc][0]), (index, s)
        overall, labels = evaluate([gold], [pred])
        cases.append({"doc": doc, "true": gold, "pred": pred, "overall": overall, "labels": labels})

    c_overall, c_labels = evaluate([c["true"] for c in cases], [c["pred"] for c in cases])
    out = {
        "nervaluate_version": version("nervaluate"),
        "tags": TAGS,
        "cases": cases,
        "corpus": {"overall": c_overall, "labels": c_labels},
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases to {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
