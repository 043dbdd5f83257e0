#!/usr/bin/env python3
"""Write a JSONL corpus of {"id","text"} lines from the project's texts, for the benchmarks.

The texts are seeds/*.txt and Gold/dev/*.txt, repeated until the corpus holds at least
--mb MB of text (UTF-8 bytes of the "text" fields, 1 MB = 10^6 bytes). Each copy gets its
own id (`seeds/000_7c34d0df17a5e1ec#3`), so every id is unique.

    python3 Benchmarks/make_corpus.py --mb 5 -o /tmp/corpus.jsonl

`wasim bench` is the project's main corpus generator; this helper only serves the Python
scripts beside it, which need a corpus file to hand to other programs.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("seeds", "Gold/dev")


def source_documents(root=ROOT):
    """(id, text) of every source text, in a fixed order."""
    documents = []
    for folder in SOURCES:
        for path in sorted((root / folder).glob("*.txt")):
            with open(path, encoding="utf-8", newline="") as handle:
                documents.append((f"{folder}/{path.stem}", handle.read()))
    if not documents:
        sys.exit(f"make_corpus: no .txt files under {', '.join(SOURCES)} of {root}")
    return documents


def write_corpus(out, megabytes, root=ROOT):
    """Writes the corpus to an open text file; returns (documents, bytes of text)."""
    documents = source_documents(root)
    target = int(megabytes * 1e6)
    count = size = copy = 0
    while size < target or count == 0:
        for identifier, text in documents:
            out.write(json.dumps({"id": f"{identifier}#{copy}", "text": text}, ensure_ascii=False) + "\n")
            count += 1
            size += len(text.encode("utf-8"))
            if size >= target:
                break
        copy += 1
    return count, size


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5, help="MB of text to write (default 5)")
    parser.add_argument("-o", "--output", help="JSONL file to write (default: standard output)")
    args = parser.parse_args()
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            count, size = write_corpus(out, args.mb)
        print(f"{args.output}: {count} documents, {size / 1e6:.2f} MB of text", file=sys.stderr)
    else:
        write_corpus(sys.stdout, args.mb)


if __name__ == "__main__":
    main()
