#!/usr/bin/env python3
"""Build the date lexicons in Rules/date/ from the output of cldr_names.

Usage (see README.md beside this file):

    ./cldr_names > names.tsv
    python3 make_lexicons.py names.tsv --source "$(./cldr_names -v)"

Input rows: kind<TAB>number<TAB>name<TAB>locale, as printed by cldr_names.c.
Writes gregorian-months.tsv, hijri-months.tsv and weekdays.tsv (format:
docs/data-formats.md) into the parent folder of this script, or --out DIR.

CLDR names are taken as CLDR spells them, apart from whitespace: any run of
Unicode whitespace (CLDR 42 has a NO-BREAK SPACE in ar_IQ's abbreviated
"تشرين الأول") becomes one ASCII space, and the result is NFC.

Hand-added variants live in the tables below. The tagger's matcher treats
ا/أ/إ/آ, ي/ى and ة/ه as equal, so a variant that differs from another entry
only in those letters is refused here (it would be a duplicate at match time).
"""
import argparse
import collections
import os
import re
import sys
import unicodedata

KINDS = ("gregorian-month", "hijri-month", "weekday")

# Family labels for the "# locales:" comment. A group of locales with the
# same twelve month names is labelled by the first rule whose locale it holds.
FAMILY_LABELS = [
    ("ar_MA", "Maghrebi (Morocco)"),
    ("ar_DZ", "Algerian/Tunisian"),
    ("ar_MR", "Mauritanian"),
    ("ar_SY", "Levantine/Iraqi"),
    ("ar", "Egyptian/Gulf (standard Arabic)"),
]

# (name, number, where it is used). Only spellings seen in real news text.
LEV_BARE = "Levantine/Iraqi without the article, in Levantine and Iraqi news and official text"
GREGORIAN_VARIANTS = [
    ("كانون ثاني", 1, LEV_BARE),
    ("يونيه", 6, "Egyptian press and official texts (e.g. «ثورة 30 يونيه»)"),
    ("يوليه", 7, "Egyptian press and official texts (e.g. «ثورة 23 يوليه»)"),
    ("تشرين أول", 10, LEV_BARE),
    ("تشرين ثاني", 11, LEV_BARE),
    ("كانون أول", 12, LEV_BARE),
    ("عشت", 8, "Moroccan misspelling of غشت (e.g. «نهاية عشت 2022»); also a common verb («I lived»), "
               "so the date rules accept a month name only next to a day or a year"),
]
GREGORIAN_LEFT_OUT = (
    "أغسطوس, فبرير, مارص, "
    "نوڤمبر, سبتمر (not confirmed in news text, or typos); "
    "ابريل, اغسطس, اكتوبر, اذار, ايار … (alef variants: the matcher folds them)"
)

HIJRI_VARIANTS = [
    ("المحرم", 1, "with the article, the classical form («غرة المحرم»), common in the press"),
    ("ربيع الأولى", 3, "nonstandard feminine form (by analogy with جمادى الأولى); rare, in informal and some news text"),
    ("ربيع الثاني", 4, "very common alternative to ربيع الآخر across the Arab press"),
    ("جمادى الأول", 5, "masculine agreement, frequent in news text"),
    ("جمادى الثانية", 6, "very common alternative to جمادى الآخرة"),
    ("ذي القعدة", 11, "genitive form, as in «في ذي القعدة» / «من ذي القعدة»"),
    ("ذي الحجة", 12, "genitive form, as in «في ذي الحجة» / «العاشر من ذي الحجة»"),
]
HIJRI_LEFT_OUT = "ربيع الاول, ذو القعده, جمادي الأولى … (alef/ya/ta-marbuta variants: the matcher folds them)"

WEEKDAY_VARIANTS = []  # CLDR has every form needed; الإثنين ≡ الاثنين at match time

WS = re.compile(r"\s+")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


def clean(name):
    return unicodedata.normalize("NFC", WS.sub(" ", name).strip())


def fold(name):
    return clean(name).translate(FOLD)


def read_rows(stream):
    names = {k: collections.OrderedDict() for k in KINDS}  # name -> number
    locales = {k: collections.defaultdict(dict) for k in KINDS}  # locale -> number -> [names]
    for lineno, line in enumerate(stream, 1):
        line = line.rstrip("\n")
        if not line:
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[0] not in KINDS:
            sys.exit(f"line {lineno}: bad row {line!r}")
        kind, num, name, loc = parts[0], int(parts[1]), clean(parts[2]), parts[3]
        top = 7 if kind == "weekday" else 12
        if not 1 <= num <= top or not name:
            sys.exit(f"line {lineno}: bad number or empty name {line!r}")
        if names[kind].setdefault(name, num) != num:
            sys.exit(f"{kind} {name!r} has numbers {names[kind][name]} and {num}")
        locales[kind][loc].setdefault(num, [])
        if name not in locales[kind][loc][num]:
            locales[kind][loc][num].append(name)
    for kind in KINDS:
        if not locales[kind]:
            sys.exit(f"no {kind} rows in the input")
        top = 7 if kind == "weekday" else 12
        for loc, by_num in locales[kind].items():
            if sorted(by_num) != list(range(1, top + 1)):
                sys.exit(f"{loc}: {kind} numbers {sorted(by_num)} are not 1..{top}")
    return names, locales


def families(by_locale):
    """Group locales by identical names; return [(label, [locales], {num: [names]})]."""
    groups = collections.OrderedDict()
    for loc in sorted(by_locale):
        key = tuple((n, tuple(sorted(v))) for n, v in sorted(by_locale[loc].items()))
        groups.setdefault(key, []).append(loc)
    out = []
    for key, locs in groups.items():
        label = next((lab for l, lab in FAMILY_LABELS if l in locs), "other")
        out.append((label, locs, dict(key)))
    order = {lab: i for i, (_, lab) in enumerate(FAMILY_LABELS)}
    out.sort(key=lambda f: (order.get(f[0], len(order)), f[1]))
    return out


def sort_key(item):
    name, num = item
    return (num, name)


def check_variants(kind, cldr_names, variants):
    seen = {}
    for name in cldr_names:
        seen.setdefault(fold(name), name)
    for name, num, _ in variants:
        if clean(name) != name:
            sys.exit(f"{kind} variant {name!r} is not clean")
        f = fold(name)
        if f in seen:
            sys.exit(f"{kind} variant {name!r} equals {seen[f]!r} at match time; drop it")
        seen[f] = name


def write(path, header, key, cldr, variants, variant_title, left_out):
    lines = [f"# {l}" if l else "#" for l in header]
    lines.append("")
    for name, num in sorted(cldr.items(), key=sort_key):
        lines.append(f"{name}\t{key}={num}")
    if variants is not None:
        lines += ["", "", "# " + "=" * 70, f"# {variant_title}",
                  "# Hand-added; not from CLDR. Each entry's comment says where it is used."]
        if left_out:
            lines.append(f"# Left out on purpose: {left_out}.")
        lines.append("# " + "=" * 70)
        for name, num, where in sorted(variants, key=lambda v: (v[1], v[0])):
            lines.append(f"# {where}")
            lines.append(f"{name}\t{key}={num}")
    text = "\n".join(lines) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    entries = [l for l in lines if l and not l.startswith("#")]
    assert len(entries) == len(set(e.split("\t")[0] for e in entries)), path
    return len(entries)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", nargs="?", help="cldr_names output (default: stdin)")
    ap.add_argument("--source", default="ICU/CLDR version unknown",
                    help='version string, e.g. "$(./cldr_names -v)"')
    ap.add_argument("--out", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    args = ap.parse_args()
    stream = open(args.input, encoding="utf-8") if args.input else sys.stdin
    names, locales = read_rows(stream)

    common = [
        f"Generated by Rules/date/tools/make_lexicons.py from {args.source} (cldr_names.c);",
        "do not edit the CLDR section by hand: change the tools and regenerate (tools/README.md).",
        "CLDR data: Unicode License v3. Matching folds ا/أ/إ/آ, ي/ى and ة/ه.",
    ]

    # Gregorian months
    fams = families(locales["gregorian-month"])
    hdr = common + ["", "locales: which locale families gave which names (format and stand-alone,",
                    "wide and abbreviated, @calendar=gregorian):"]
    for label, locs, by_num in fams:
        hdr.append(f"  {label}: {', '.join(locs)}")
        hdr.append("    " + " | ".join(f"{n}={'/'.join(v)}" for n, v in sorted(by_num.items())))
    folded = collections.defaultdict(list)
    for n in names["gregorian-month"]:
        folded[fold(n)].append(n)
    same = [v for v in folded.values() if len(v) > 1]
    if same:
        hdr += ["", "Kept as CLDR spells them though equal at match time: "
                + "; ".join(" / ".join(sorted(v)) for v in same) + "."]
    hdr += ["", "آب (August) folds to أب «father» and نيسان (April) is also the car maker:",
            "the tagger should want a day number or year next to them."]
    check_variants("gregorian-month", names["gregorian-month"], GREGORIAN_VARIANTS)
    counts = {}
    counts["gregorian-months.tsv"] = write(
        os.path.join(args.out, "gregorian-months.tsv"), hdr, "month",
        names["gregorian-month"], GREGORIAN_VARIANTS,
        "Spelling variants seen in real text (not in CLDR)", GREGORIAN_LEFT_OUT)

    # Hijri months
    fams = families(locales["hijri-month"])
    hdr = common + ["", "locales: Hijri month names (@calendar=islamic-umalqura and @calendar=islamic,",
                    "format and stand-alone, wide and abbreviated):"]
    for label, locs, by_num in fams:
        hdr.append(f"  {', '.join(locs)}")
        hdr.append("    " + " | ".join(f"{n}={'/'.join(v)}" for n, v in sorted(by_num.items())))
    hdr += ["", "صفر is also «zero», رجب and شعبان are also given names: the tagger should want",
            "a day number, a year or هـ next to them."]
    check_variants("hijri-month", names["hijri-month"], HIJRI_VARIANTS)
    counts["hijri-months.tsv"] = write(
        os.path.join(args.out, "hijri-months.tsv"), hdr, "month", names["hijri-month"],
        HIJRI_VARIANTS, "Spelling variants seen in real text (not in CLDR)", HIJRI_LEFT_OUT)

    # Weekdays
    fams = families(locales["weekday"])
    hdr = common + ["", "weekday=N: 1=Sunday … 7=Saturday (ICU's UCAL_SUNDAY=1).",
                    "locales: weekday names (@calendar=gregorian, format and stand-alone, wide):"]
    for label, locs, by_num in fams:
        hdr.append(f"  {', '.join(locs)}")
        hdr.append("    " + " | ".join(f"{n}={'/'.join(v)}" for n, v in sorted(by_num.items())))
    hdr += ["", "CLDR gives no article-less forms; الإثنين and الاثنين are one entry at match time."]
    check_variants("weekday", names["weekday"], WEEKDAY_VARIANTS)
    counts["weekdays.tsv"] = write(
        os.path.join(args.out, "weekdays.tsv"), hdr, "weekday", names["weekday"],
        WEEKDAY_VARIANTS or None, "", "")

    for f, n in counts.items():
        print(f"{f}: {n} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
