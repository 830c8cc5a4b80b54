#!/usr/bin/env bash
# Re-record the expected output of the end-to-end test programs with CPython 3.11.
#
#   tests/record.sh              record every program in tests/programs/
#   tests/record.sh NAME...      record only the named programs (with or without .py)
#   tests/record.sh --check      record everything twice into a scratch directory and
#                                report programs whose output is not deterministic or
#                                differs from the committed expectations (writes nothing)
#
# For every program NAME.py (top level of tests/programs/, name not starting with
# "helper") this writes NAME.stdout (exact stdout bytes) and NAME.status (line 1: exit
# code; line 2: last non-empty line of stderr, or empty). An optional NAME.args file
# gives command-line arguments, one per line. Programs run with cwd = tests/programs,
# stdin from /dev/null, PYTHONHASHSEED=0 and PYTHONDONTWRITEBYTECODE=1.
#
# The absolute path of tests/programs/ in stdout and stderr is replaced by the literal
# <programs> (the runner does the same), so expectations do not depend on where the
# repository is checked out.
#
# Expected output is never written by hand and never by another Python.
set -euo pipefail

PY=/usr/bin/python3.11
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="$HERE/programs"

if [[ ! -x "$PY" ]]; then
    echo "record.sh: $PY not found (expectations must come from CPython 3.11)" >&2
    exit 2
fi

# normalize FILE: replace the absolute path of tests/programs/ by <programs>, in place
normalize() {
    DIR="$DIR" perl -0pi -e 's/\Q$ENV{DIR}\E/<programs>/g' "$1"
}

# run_one NAME OUTDIR: run NAME.py and write OUTDIR/NAME.stdout and OUTDIR/NAME.status
run_one() {
    local name="$1" out="$2"
    local args=()
    if [[ -f "$DIR/$name.args" ]]; then
        mapfile -t args < "$DIR/$name.args"
    fi
    local errfile rc
    errfile="$(mktemp)"
    set +e
    (cd "$DIR" && env PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 \
        timeout 60 "$PY" "$name.py" "${args[@]}" < /dev/null > "$out/$name.stdout" 2> "$errfile")
    rc=$?
    set -e
    normalize "$out/$name.stdout"
    normalize "$errfile"
    local last
    last="$(grep -v '^[[:space:]]*$' "$errfile" | tail -n 1 || true)"
    rm -f "$errfile"
    printf '%s\n%s\n' "$rc" "$last" > "$out/$name.status"
}

list_programs() {
    local f base
    for f in "$DIR"/*.py; do
        base="$(basename "$f" .py)"
        [[ "$base" == helper* ]] && continue
        echo "$base"
    done
}

cleanup_pycache() {
    find "$DIR" -type d -name __pycache__ -prune -exec rm -rf {} +
}
trap cleanup_pycache EXIT

if [[ "${1:-}" == "--check" ]]; then
    a="$(mktemp -d)"; b="$(mktemp -d)"
    bad=0
    while read -r name; do
        run_one "$name" "$a"
        run_one "$name" "$b"
        if ! cmp -s "$a/$name.stdout" "$b/$name.stdout" || ! cmp -s "$a/$name.status" "$b/$name.status"; then
            echo "NONDETERMINISTIC: $name"; bad=1
        fi
        for ext in stdout status; do
            if [[ ! -f "$DIR/$name.$ext" ]] || ! cmp -s "$a/$name.$ext" "$DIR/$name.$ext"; then
                echo "STALE: $name.$ext"; bad=1
            fi
        done
    done < <(list_programs)
    rm -rf "$a" "$b"
    if [[ $bad == 0 ]]; then echo "record.sh --check: all expectations deterministic and up to date"; fi
    exit $bad
fi

if [[ $# -gt 0 ]]; then
    names=()
    for n in "$@"; do n="$(basename "$n")"; names+=("${n%.py}"); done
else
    mapfile -t names < <(list_programs)
    # drop expectations of programs that no longer exist
    for f in "$DIR"/*.stdout "$DIR"/*.status; do
        [[ -e "$f" ]] || continue
        base="$(basename "$f")"; base="${base%.*}"
        [[ -f "$DIR/$base.py" ]] || rm -f "$f"
    done
fi

count=0
for name in "${names[@]}"; do
    if [[ ! -f "$DIR/$name.py" ]]; then
        echo "record.sh: no such program: $name" >&2; exit 2
    fi
    run_one "$name" "$DIR"
    count=$((count + 1))
done
echo "record.sh: recorded $count program(s)"
