#!/usr/bin/env python3
"""Run the patterns of `wasim compile --json` with Python's `regex` module and compare speeds.

A reference for what the same rules cost in a plain Python rule engine: every pattern is
compiled with `regex` (pip install regex) and run with finditer over the whole text of every
document, with the optional marks removed first as wasim does (harakat U+064B-U+0652,
superscript alef U+0670, tatweel U+0640). The first --limit-mb MB of the corpus are processed
by both engines, and the script prints MB processed, seconds, Python MB/s, wasim MB/s and
their ratio, then Python's matches per label next to wasim's spans per label.

    pip install regex
    swift build -c release
    python3 Benchmarks/python_regex.py                     # corpus built from seeds/ and Gold/dev
    python3 Benchmarks/python_regex.py --corpus news.jsonl --limit-mb 5

The two counts per label differ by design: Python counts every match of every rule, while
wasim drops the candidates its normalisers reject and resolves overlapping candidates into
flat spans. As a stricter check, the script looks for each wasim span among the Python
matches of the rule that produced it (same start and end): a span Python did not find points
to a difference between ICU and `regex` semantics.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

try:
    import regex
except ImportError:
    sys.exit("python_regex.py needs the `regex` module: pip install regex")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import make_corpus  # noqa: E402

# The optional marks that rules with optional diacritics do not see.
MARKS = regex.compile("[\u064B-\u0652\u0670\u0640]")
MARK_SET = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670", "\u0640"}
# The rules compiled with `option ignore-case`, for a `compile --json` without "options".
IGNORE_CASE_RULES = {"latin_month_day_year", "latin_day_month_year"}
# The group that delimits the span of a rule with left or right context.
SPAN_GROUP = "wspan"


def is_arabic_letter(ch):
    """ArabicScript.isLetter of the Swift sources."""
    c = ord(ch)
    return (0x0620 <= c <= 0x063F or 0x0641 <= c <= 0x064A or 0x066E <= c <= 0x066F
            or 0x0671 <= c <= 0x06D3 or c == 0x06D5 or 0x06EE <= c <= 0x06EF or 0x06FA <= c <= 0x06FC)


def wasim_command(arg):
    """The wasim command as a list: --wasim, else the release binary, else `swift run`."""
    if arg:
        return shlex.split(arg)
    binary = ROOT / ".build" / "release" / "wasim"
    if binary.exists():
        return [str(binary)]
    return ["swift", "run", "-c", "release", "--package-path", str(ROOT), "wasim"]


def rule_options(entry):
    """(ignore_case, mark_free) of one `compile --json` entry.

    An "options" key, when wasim prints one (a list of option names, a string, or an object
    of flags), is preferred; otherwise the two known ignore-case rules are named here and
    every rule matches mark-free text, as all bundled rules do.
    """
    options = entry.get("options")
    if options is None:
        return entry["rule"] in IGNORE_CASE_RULES, True
    if isinstance(options, str):
        options = options.replace(",", " ").split()
    if isinstance(options, dict):
        names = {str(key).lower().replace("_", "-") for key, value in options.items() if value}
    else:
        names = {str(name).lower().replace("_", "-") for name in options}
    ignore_case = bool(names & {"ignore-case", "ignorecase", "case-insensitive"})
    mark_free = not (names & {"no-diacritics", "nodiacritics"})
    return ignore_case, mark_free


def blocker_names(command, rules_dir, entries):
    """The rules that are blockers: their matches suppress candidates and make no span.

    `compile --json` gives a blocker the label it blocks; a "blocker" key is used when wasim
    prints one, else the text form of `wasim compile`, which writes `block` for the label.
    """
    if any("blocker" in entry for entry in entries):
        return {entry["rule"] for entry in entries if entry.get("blocker")}
    listed = subprocess.run(command + ["compile"] + (["--rules", rules_dir] if rules_dir else []),
                            capture_output=True, text=True)
    names = set()
    for line in listed.stdout.splitlines():
        parts = line.split(" ", 2)
        if not line.startswith(" ") and len(parts) >= 2 and parts[1] == "block":
            names.add(parts[0])
    return names


def compile_rules(entries, blockers):
    """Compiles every pattern with `regex`; returns (rules, failures)."""
    rules, failures = [], []
    for entry in entries:
        ignore_case, mark_free = rule_options(entry)
        flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
        try:
            compiled = regex.compile(entry["pattern"], flags)
        except Exception as error:  # regex.error, and anything else a pattern may raise
            failures.append((entry["rule"], f"{type(error).__name__}: {error}"))
            continue
        span_group = SPAN_GROUP if SPAN_GROUP in compiled.groupindex else 0
        rules.append({"name": entry["rule"], "label": entry["label"] or "(all)", "regex": compiled,
                      "blocker": entry["rule"] in blockers,
                      "span_group": span_group, "ignore_case": ignore_case, "mark_free": mark_free})
    return rules, failures


def select_documents(corpus, limit_bytes, out_path):
    """Reads the corpus up to limit_bytes of text (whole documents), writes those lines to
    out_path for wasim, and returns [(id, text)] and the bytes of text."""
    documents, size = [], 0
    with open(corpus, encoding="utf-8", newline="") as lines, open(out_path, "w", encoding="utf-8", newline="") as out:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                identifier, text = record["id"], record["text"]
            except (ValueError, KeyError, TypeError) as error:
                sys.exit(f"{corpus}:{number}: not a {{\"id\",\"text\"}} line ({error})")
            documents.append((str(identifier), text))
            out.write(line if line.endswith("\n") else line + "\n")
            size += len(text.encode("utf-8"))
            if size >= limit_bytes:
                break
    return documents, size


def python_scan(rules, documents):
    """Runs every rule over every document; returns (seconds, seconds per rule, matches).

    matches[d][r] is the list of (start, end) spans of rule r in document d, in the
    coordinates of the text that rule matched (mark-free or original).
    """
    per_rule = [0.0] * len(rules)
    matches = []
    clock = time.perf_counter
    began = clock()
    for _, text in documents:
        mark_free = MARKS.sub("", text)
        found = []
        for index, rule in enumerate(rules):
            target = mark_free if rule["mark_free"] else text
            group = rule["span_group"]
            spans = []
            started = clock()
            for match in rule["regex"].finditer(target):
                start, end = match.span(group)
                if start < end:  # wasim makes no candidate of an empty or missing span
                    spans.append((start, end))
            per_rule[index] += clock() - started
            found.append(spans)
        matches.append(found)
    return clock() - began, per_rule, matches


def original_offsets(text):
    """For each character of the mark-free text, its offset in the original text."""
    return [offset for offset, ch in enumerate(text) if ch not in MARK_SET]


def to_original(text, offsets, start, end):
    """MarkFreeText.originalRange: the original range of a mark-free one, with the marks
    that follow a final Arabic letter."""
    if offsets is None:
        return start, end
    begin = offsets[start]
    stop = offsets[end - 1] + 1
    if is_arabic_letter(text[stop - 1]):
        while stop < len(text) and text[stop] in MARK_SET:
            stop += 1
    return begin, stop


def run_wasim(command, corpus, rules_dir, output, jobs_supported):
    """Runs `wasim annotate` on a corpus; returns (seconds, stderr)."""
    arguments = command + ["annotate"] + (["--jobs", "1"] if jobs_supported else [])
    arguments += (["--rules", rules_dir] if rules_dir else []) + [str(corpus), "-o", str(output)]
    began = time.perf_counter()
    finished = subprocess.run(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - began
    if finished.returncode not in (0, 1):  # 1: some documents or rules reported, the rest written
        sys.exit(f"`{shlex.join(arguments)}` failed ({finished.returncode}):\n{finished.stderr}")
    return seconds, finished.stderr


def supports_jobs(command):
    """Whether this wasim's annotate has --jobs (being added; older builds reject it)."""
    helped = subprocess.run(command + ["annotate", "--help"], capture_output=True, text=True)
    return "--jobs" in helped.stdout + helped.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="JSONL corpus of {\"id\",\"text\"} (default: built from seeds/ and Gold/dev)")
    parser.add_argument("--wasim", help="the wasim command (default: .build/release/wasim if built, else `swift run -c release wasim`)")
    parser.add_argument("--rules", help="rule directory passed to wasim (default: wasim's own default)")
    parser.add_argument("--limit-mb", type=float, default=5, help="process only the first N MB of text (default 5)")
    parser.add_argument("--wasim-mbps", type=float, help="wasim's single-core MB/s as `wasim bench` measured it; "
                        "without it the script times `wasim annotate --jobs 1` on the same text")
    parser.add_argument("--wasim-runs", type=int, default=3, help="timed wasim runs; the fastest counts (default 3)")
    parser.add_argument("--per-rule", action="store_true", help="also print matches, spans and Python seconds per rule")
    args = parser.parse_args()

    command = wasim_command(args.wasim)
    scratch = Path(tempfile.mkdtemp(prefix="wasim-pyregex-"))
    try:
        run(args, command, scratch)
    finally:
        for path in scratch.iterdir():
            path.unlink()
        scratch.rmdir()


def run(args, command, scratch):
    limit = int(args.limit_mb * 1e6)
    corpus = args.corpus
    if corpus is None:
        corpus = scratch / "generated.jsonl"
        with open(corpus, "w", encoding="utf-8", newline="\n") as out:
            make_corpus.write_corpus(out, args.limit_mb)
        print(f"corpus: generated from seeds/ and Gold/dev ({args.limit_mb:g} MB)")
    else:
        print(f"corpus: {corpus}")
    selected = scratch / "selected.jsonl"
    documents, size = select_documents(corpus, limit, selected)
    megabytes = size / 1e6
    print(f"text: {len(documents)} documents, {megabytes:.2f} MB (UTF-8 bytes of \"text\", 1 MB = 10^6 bytes)")

    compiled = subprocess.run(command + ["compile", "--json"] + (["--rules", args.rules] if args.rules else []),
                              capture_output=True, text=True)
    if compiled.returncode != 0:
        sys.exit(f"`{shlex.join(command)} compile --json` failed ({compiled.returncode}):\n{compiled.stderr}")
    entries = json.loads(compiled.stdout)
    blockers = blocker_names(command, args.rules, entries)
    began = time.perf_counter()
    rules, failures = compile_rules(entries, blockers)
    compile_seconds = time.perf_counter() - began
    print(f"rules: {len(entries)} patterns, {len(rules)} compiled by regex {regex.__version__} "
          f"in {compile_seconds:.2f} s, {len(failures)} not compiled")
    for name, error in failures:
        print(f"  NOT COMPILED {name}: {error}")
    ignore_case = [rule["name"] for rule in rules if rule["ignore_case"]]
    has_options = any("options" in entry for entry in entries)
    how = 'from the "options" key' if has_options else 'by name: compile --json has no "options" key'
    print(f"  ignore-case: {', '.join(ignore_case) or 'none'} ({how})")
    print(f"  blockers (their matches suppress candidates and make no span): {', '.join(sorted(blockers)) or 'none'}")
    original_text = [rule["name"] for rule in rules if not rule["mark_free"]]
    if original_text:
        print(f"  matched on the text with its marks (no-diacritics): {', '.join(original_text)}")

    # Python: marks removed, then every rule scans every document.
    python_seconds, per_rule_seconds, matches = python_scan(rules, documents)
    python_mbps = megabytes / python_seconds

    # wasim: one core, the same documents.
    annotated = scratch / "annotated.jsonl"
    jobs = supports_jobs(command)
    wasim_seconds = startup = None
    if args.wasim_mbps:
        wasim_mbps = args.wasim_mbps
        source = "given by --wasim-mbps"
    else:
        empty = scratch / "one.jsonl"
        empty.write_text('{"id":"one","text":"."}\n', encoding="utf-8")
        startup = min(run_wasim(command, empty, args.rules, os.devnull, jobs)[0] for _ in range(args.wasim_runs))
        wasim_seconds = min(run_wasim(command, selected, args.rules, os.devnull, jobs)[0] for _ in range(args.wasim_runs))
        if wasim_seconds - startup > 0.2 * wasim_seconds:
            wasim_mbps = megabytes / (wasim_seconds - startup)
        else:  # start-up is most of the run: the difference would mean nothing
            wasim_mbps = megabytes / wasim_seconds
            startup = None
        source = (f"`wasim annotate{' --jobs 1' if jobs else ''} CORPUS -o /dev/null`, fastest of {args.wasim_runs}"
                  + ("" if jobs else "; this wasim has no --jobs, and annotate ran on one core"))
    _, wasim_errors = run_wasim(command, selected, args.rules, annotated, jobs)

    print()
    print(f"MB processed:   {megabytes:.2f}")
    print(f"Python regex:   {python_seconds:.2f} s, {python_mbps:.3f} MB/s "
          f"(marks removed and {len(rules)} rules scanned per document; compiling not counted)")
    if wasim_seconds is not None and startup is None:
        print(f"wasim:          {wasim_seconds:.2f} s wall, {wasim_mbps:.3f} MB/s start-up included (too little text "
              "to tell start-up apart: raise --limit-mb)")
        print(f"                ({source})")
    elif wasim_seconds is not None:
        print(f"wasim:          {wasim_seconds:.2f} s wall, of which {startup:.2f} s start-up (loading and compiling "
              f"the rules, timed on a one-document input); {wasim_mbps:.3f} MB/s without it, "
              f"{megabytes / wasim_seconds:.3f} MB/s with it")
        print(f"                ({source})")
    else:
        print(f"wasim:          {wasim_mbps:.3f} MB/s ({source})")
    print(f"ratio:          wasim / Python = {wasim_mbps / python_mbps:.1f}x"
          + (f" ({megabytes / wasim_seconds / python_mbps:.1f}x counting wasim's start-up)" if startup else ""))
    if wasim_seconds is not None:
        print("                (wasim also normalises attributes, resolves conflicts and writes JSON; Python only matches)")
    if wasim_errors.strip():
        print("wasim reported on standard error:")
        for line in wasim_errors.strip().splitlines()[:10]:
            print(f"  {line}")

    compare(args, rules, documents, matches, annotated, per_rule_seconds, python_seconds)


def compare(args, rules, documents, matches, annotated, per_rule_seconds, python_seconds):
    """Python matches vs wasim spans, per label, and each wasim span among Python's matches."""
    index_of = {rule["name"]: index for index, rule in enumerate(rules)}
    python_per_rule = [sum(len(found[index]) for found in matches) for index in range(len(rules))]
    wasim_per_rule = Counter()
    wasim_per_label = Counter()
    missing = []  # wasim spans that no Python match of their rule has
    unknown_rules = Counter()
    outputs = {}
    with open(annotated, encoding="utf-8", newline="") as lines:
        for line in lines:
            record = json.loads(line)
            outputs.setdefault(record["id"], []).append(record)
    position = {}
    for number, (identifier, text) in enumerate(documents):
        record = outputs.get(identifier, [None])
        occurrence = position.get(identifier, 0)
        position[identifier] = occurrence + 1
        record = record[occurrence] if occurrence < len(record) else None
        if record is None:
            missing.append((identifier, "(document missing from wasim's output)", "", 0, 0))
            continue
        offsets = None if MARKS.search(text) is None else original_offsets(text)
        python_spans = {}
        for span in record["spans"]:
            wasim_per_rule[span["rule"]] += 1
            wasim_per_label[span["label"]] += 1
            index = index_of.get(span["rule"])
            if index is None:
                unknown_rules[span["rule"]] += 1
                continue
            if index not in python_spans:
                rule = rules[index]
                python_spans[index] = {
                    to_original(text, offsets if rule["mark_free"] else None, start, end)
                    for start, end in matches[number][index]}
            # wasim's offsets are code points, as Python's are.
            if (span["start"], span["end"]) not in python_spans[index]:
                missing.append((identifier, span["rule"], span["text"], span["start"], span["end"]))

    python_per_label = Counter()
    blocked = []
    for rule, count in zip(rules, python_per_rule):
        if rule["blocker"]:
            blocked.append(f"{rule['name']} ({rule['label']}) {count}")
        else:
            python_per_label[rule["label"]] += count
    print()
    print("Matches per label (a sanity check; the counts differ by design: Python counts every match of")
    print("every rule, wasim keeps the candidates its normalisers accept and resolves overlaps into flat spans):")
    print(f"  {'label':<10} {'Python matches':>15} {'wasim spans':>12}")
    for label in sorted(set(python_per_label) | set(wasim_per_label)):
        print(f"  {label:<10} {python_per_label[label]:>15} {wasim_per_label[label]:>12}")
    print(f"  {'total':<10} {sum(python_per_label.values()):>15} {sum(wasim_per_label.values()):>12}")
    if blocked:
        print(f"  not counted above, Python matches of blockers: {', '.join(blocked)}")

    if args.per_rule:
        print()
        print(f"  {'rule':<34} {'label':<9} {'Python':>8} {'wasim':>8} {'Python s':>9}")
        for index, rule in sorted(enumerate(rules), key=lambda item: -per_rule_seconds[item[0]]):
            label = ("block " if rule["blocker"] else "") + rule["label"]
            print(f"  {rule['name']:<34} {label:<9} {python_per_rule[index]:>8} "
                  f"{wasim_per_rule[rule['name']]:>8} {per_rule_seconds[index]:>9.2f}")
    else:
        slowest = sorted(range(len(rules)), key=lambda index: -per_rule_seconds[index])[:5]
        print()
        print("Slowest rules in Python: " + ", ".join(
            f"{rules[index]['name']} {per_rule_seconds[index] / python_seconds:.0%}" for index in slowest))

    total = sum(wasim_per_label.values())
    print()
    if unknown_rules:
        print(f"wasim spans of rules Python did not compile: {dict(unknown_rules)}")
    if missing:
        print(f"PARITY: {len(missing)} of {total} wasim spans are not among the Python matches of their rule "
              "(a difference between ICU and regex semantics, or a missing document); the first ones:")
        for identifier, rule, text, start, end in missing[:10]:
            print(f"  {identifier} {rule} [{start},{end}) {text!r}")
        sys.exit(1)
    print(f"PARITY: all {total} wasim spans are among the Python matches of the rule that produced them "
          "(same start and end).")


if __name__ == "__main__":
    main()
