#!/usr/bin/env python3
"""Run `wasim annotate -` as a Spark streaming filter (RDD.pipe) and check what comes back.

PySpark in local mode reads a JSONL corpus of {"id","text"} as a text RDD of K partitions,
pipes every partition through `WASIM annotate -` (one wasim process per partition, started
in the executor), collects the output lines and checks that every input document comes back
exactly once, with its id and text unchanged and valid spans (code-point offsets inside the
text, span text equal to the text at those offsets, flat, with label, rule and attrs), and
that the spans are those of `wasim annotate CORPUS` run directly. It prints documents/s and
the spans per label, and exits with status 1 on any mismatch.

    pip install pyspark        # Java 17 or later on PATH or JAVA_HOME
    swift build -c release
    python3 Benchmarks/spark_pipe.py --wasim "$PWD/.build/release/wasim" --partitions 4

Opt-in: CI does not run it. The command runs in the executor, so give --wasim as an absolute
path. Hadoop Streaming runs the same filter as a map-only job:
`hadoop jar hadoop-streaming.jar -D mapreduce.job.reduces=0 -input corpus.jsonl -output out
-mapper "wasim annotate -"` (wasim and its rules installed on every node).
"""

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import make_corpus  # noqa: E402

SPAN_KEYS = {"start", "end", "label", "text", "rule", "attrs"}


def check_spans(text, spans):
    """The first problem with a document's spans, or None."""
    if not isinstance(spans, list):
        return "spans is not a list"
    previous_end = 0
    for span in spans:
        if not isinstance(span, dict) or not SPAN_KEYS <= span.keys():
            return f"span without {sorted(SPAN_KEYS - set(span) if isinstance(span, dict) else SPAN_KEYS)}: {span}"
        start, end = span["start"], span["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            return f"span offsets out of the text ({len(text)} code points): {span}"
        if text[start:end] != span["text"]:
            return f"span text {span['text']!r} is not the text at [{start},{end}): {text[start:end]!r}"
        if start < previous_end:
            return f"spans overlap or are out of order at [{start},{end})"
        if not (isinstance(span["label"], str) and span["label"] and isinstance(span["rule"], str)
                and isinstance(span["attrs"], dict)):
            return f"span with a bad label, rule or attrs: {span}"
        previous_end = end
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="JSONL corpus of {\"id\",\"text\"} (default: 2 MB built from seeds/ and Gold/dev)")
    parser.add_argument("--wasim", default=str(ROOT / ".build" / "release" / "wasim"),
                        help="absolute path of the wasim binary (default: this checkout's .build/release/wasim)")
    parser.add_argument("--partitions", type=int, default=4, help="RDD partitions, one wasim process each (default 4)")
    parser.add_argument("--mb", type=float, default=2, help="size of the corpus built when --corpus is not given (default 2)")
    parser.add_argument("--no-compare", action="store_true", help="skip the comparison with a direct `wasim annotate CORPUS`")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="wasim-spark-")
    try:
        run(args, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run(args, scratch):
    wasim = os.path.abspath(args.wasim)
    if not os.access(wasim, os.X_OK):
        sys.exit(f"spark_pipe.py: no wasim binary at {wasim} (swift build -c release, or --wasim PATH)")
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError:
        sys.exit("spark_pipe.py needs PySpark: pip install pyspark")

    corpus = args.corpus
    if corpus is None:
        corpus = os.path.join(scratch, "corpus.jsonl")
        with open(corpus, "w", encoding="utf-8", newline="\n") as out:
            make_corpus.write_corpus(out, args.mb)
        print(f"corpus: generated from seeds/ and Gold/dev ({args.mb:g} MB)")
    else:
        print(f"corpus: {corpus}")
    corpus = os.path.abspath(corpus)

    inputs = Counter()  # (id, text) -> how many times the corpus has it
    size = 0
    with open(corpus, encoding="utf-8", newline="") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            inputs[(record["id"], record["text"])] += 1
            size += len(record["text"].encode("utf-8"))
    documents = sum(inputs.values())
    print(f"text: {documents} documents, {size / 1e6:.2f} MB")

    # The pipe command is split with shlex in the executor; quote the path for spaces.
    command = f"{shlex.quote(wasim)} annotate -"
    conf = (SparkConf().setMaster(f"local[{args.partitions}]").setAppName("wasim-pipe")
            .set("spark.ui.enabled", "false").set("spark.driver.memory", "2g"))
    context = SparkContext(conf=conf)
    context.setLogLevel("ERROR")
    try:
        rdd = context.textFile(corpus, minPartitions=args.partitions)
        if rdd.getNumPartitions() != args.partitions:
            rdd = rdd.repartition(args.partitions)
        partitions = rdd.getNumPartitions()
        began = time.perf_counter()
        # checkCode: a wasim process that exits non-zero fails its task (and so the job).
        lines = rdd.pipe(command, checkCode=True).collect()
        seconds = time.perf_counter() - began
    finally:
        context.stop()
    print(f"spark: local[{args.partitions}], {partitions} partitions, rdd.pipe({command!r})")

    direct = {}  # (id, text) -> spans of a direct run, when every pair is unique
    if not args.no_compare and all(count == 1 for count in inputs.values()):
        # Bytes, decoded here: text mode would turn a \r into a line break.
        finished = subprocess.run([wasim, "annotate", corpus], capture_output=True)
        if finished.returncode not in (0, 1):
            sys.exit(f"`{wasim} annotate {corpus}` failed ({finished.returncode}):\n{finished.stderr.decode(errors='replace')}")
        for line in finished.stdout.decode("utf-8").split("\n"):
            if not line:
                continue
            record = json.loads(line)
            direct[(record["id"], record["text"])] = record["spans"]

    problems = []
    returned = Counter()
    labels = Counter()
    for number, line in enumerate(lines, 1):
        try:
            record = json.loads(line)
            key = (record["id"], record["text"])
        except (ValueError, KeyError, TypeError) as error:
            problems.append(f"output line {number}: not a document ({error}): {line[:120]!r}")
            continue
        returned[key] += 1
        if key not in inputs:
            problems.append(f"output line {number}: id {record['id']!r} with a text the corpus does not have")
            continue
        problem = check_spans(record["text"], record.get("spans"))
        if problem:
            problems.append(f"document {record['id']!r}: {problem}")
            continue
        labels.update(span["label"] for span in record["spans"])
        if direct and direct.get(key) != record["spans"]:
            problems.append(f"document {record['id']!r}: spans differ from a direct `wasim annotate` run")
    for key, count in inputs.items():
        if returned[key] != count:
            problems.append(f"document {key[0]!r}: {count} in the corpus, {returned[key]} in the output")

    print(f"output: {len(lines)} lines in {seconds:.2f} s, {documents / seconds:.0f} documents/s, "
          f"{size / 1e6 / seconds:.2f} MB/s (pipe and collect; Spark start-up not counted)")
    print("spans per label: " + ", ".join(f"{label} {count}" for label, count in sorted(labels.items()))
          + f" (total {sum(labels.values())})")
    if problems:
        print(f"FAILED: {len(problems)} problems; the first ones:")
        for problem in problems[:20]:
            print(f"  {problem}")
        sys.exit(1)
    same = ", the same spans as a direct `wasim annotate CORPUS`" if direct else ""
    print(f"OK: all {documents} documents came back exactly once, id and text unchanged, spans valid{same}")


if __name__ == "__main__":
    main()
