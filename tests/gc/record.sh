#!/usr/bin/env bash
# Records the expected stdout of the collector's behaviour scripts (tests/gc/*.py except
# the RSS scripts churn.py and cycles.py) with CPython 3.11, as NAME.expected; the test
# tests/gc_limits.rs compares Krait's stdout with them. Never write .expected by hand.
#
#   tests/gc/record.sh            record every script
#   tests/gc/record.sh NAME...    record the named scripts (with or without .py)
set -euo pipefail

PY=/usr/bin/python3.11
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ ! -x "$PY" ]]; then
    echo "record.sh: $PY not found (expectations must come from CPython 3.11)" >&2
    exit 2
fi
cd "$HERE"
names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
    for f in *.py; do
        case "$f" in churn.py | cycles.py) continue ;; esac
        names+=("${f%.py}")
    done
fi
for n in "${names[@]}"; do
    n="${n%.py}"
    PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 "$PY" "$n.py" > "$n.expected" 2> /dev/null < /dev/null
    echo "recorded $n"
done
