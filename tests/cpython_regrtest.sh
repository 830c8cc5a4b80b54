#!/usr/bin/env bash
# Runs a selection of CPython 3.11's own regression tests (Debian: libpython3.11-testsuite,
# installed in /usr/lib/python3.11/test) under Krait's unittest and prints one line per
# module: tests run, failures, errors, skipped, or how the module failed to load.
#
#   bash tests/cpython_regrtest.sh [MODULE...]     (default: the core-type selection)
#
# The test package is used through a scratch overlay of symlinks in which one line of
# test/support/os_helper.py is adapted: it builds an undecodable file name with the
# 'surrogateescape' handler, and Krait strings cannot hold lone surrogates (that
# constant is then None, as on platforms without such names). Nothing else is changed.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KRAIT="${KRAIT:-$HERE/target/release/krait}"
SRC="${CPYTHON_TEST_DIR:-/usr/lib/python3.11/test}"
TIMEOUT="${TIMEOUT:-300}"
if [[ ! -d "$SRC" || ! -f "$SRC/test_list.py" ]]; then
    echo "cpython_regrtest.sh: $SRC has no CPython tests (apt-get install libpython3.11-testsuite)" >&2
    exit 2
fi
OVL="$(mktemp -d /tmp/krait-regrtest.XXXXXX)"
trap 'rm -rf "$OVL"' EXIT
mkdir -p "$OVL/test/support"
for f in "$SRC"/* "$SRC"/.[!.]*; do
    [[ -e "$f" ]] || continue
    [[ "$(basename "$f")" == support ]] && continue
    ln -s "$f" "$OVL/test/$(basename "$f")"
done
for f in "$SRC"/support/*; do
    ln -s "$f" "$OVL/test/support/$(basename "$f")"
done
rm "$OVL/test/support/os_helper.py"
sed -e "/TESTFN_UNENCODABLE = TESTFN_ASCII \\\\$/{N;s/= TESTFN_ASCII.*'surrogateescape')/= None/}" \
    "$SRC/support/os_helper.py" > "$OVL/test/support/os_helper.py"
MODS=("$@")
if [[ ${#MODS[@]} -eq 0 ]]; then
    MODS=(test_bool test_int test_float test_list test_tuple test_dict test_set test_string test_unicode
          test_range test_scope test_generators test_userlist test_userdict test_userstring
          test_bisect test_heapq test_operator test_functools test_itertools test_collections
          test_math test_json test_re test_struct test_fractions test_statistics test_textwrap
          test_copy test_enum test_dataclasses test_types test_contextlib test_string_literals
          test_unary test_augassign test_with test_exceptions test_class test_format)
fi
cd "$OVL"
for m in "${MODS[@]}"; do
    out="$(cd "$OVL" && PYTHONPATH="$OVL" timeout "$TIMEOUT" "$KRAIT" -m unittest "test.$m" 2>&1)"
    rc=$?
    ran="$(grep -Eo '^Ran [0-9]+ tests?' <<<"$out" | grep -Eo '[0-9]+' | tail -1)"
    summary="$(grep -E '^(OK|FAILED)' <<<"$out" | tail -1)"
    if [[ -n "$ran" ]]; then
        echo "$m: ran $ran; ${summary:-no summary (exit $rc)}"
    elif [[ $rc -eq 124 ]]; then
        echo "$m: TIMEOUT after ${TIMEOUT}s"
    else
        echo "$m: did not run: $(grep -v '^\s' <<<"$out" | tail -1)"
    fi
done
