# a tiny test framework built with decorators, exceptions and assert
import sys
TESTS = []
def test(fn=None, *, expect=None):
    def register(f):
        TESTS.append((f.__name__, f, expect))
        return f
    return register(fn) if fn else register

class Skip(Exception):
    pass

def approx(a, b, tol=1e-9):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))

@test
def test_addition():
    assert 1 + 1 == 2
    assert approx(0.1 + 0.2, 0.3)

@test
def test_failing_assert():
    x = [1, 2, 3]
    assert len(x) == 4, f"expected 4 items, got {len(x)}: {x}"

@test
def test_bare_assert():
    assert "abc".upper() == "ABd"

@test(expect=ZeroDivisionError)
def test_expected_error():
    return 1 / 0

@test(expect=KeyError)
def test_missing_expected_error():
    return {"a": 1}["a"]

@test
def test_unexpected_error():
    return int("not a number")

@test
def test_skip():
    raise Skip("not ready")

@test
def test_strings():
    s = "The quick brown fox"
    assert s.split()[2] == "brown"
    assert s.lower().count("o") == 2
    assert s[::-1].startswith("xof")

results = {"pass": 0, "fail": 0, "error": 0, "skip": 0}
for name, fn, expect in TESTS:
    try:
        fn()
    except Skip as e:
        status, detail = "skip", str(e)
    except AssertionError as e:
        status, detail = "fail", str(e) or "assertion failed"
    except Exception as e:
        if expect and isinstance(e, expect):
            status, detail = "pass", f"raised {type(e).__name__} as expected"
        else:
            status, detail = "error", f"{type(e).__name__}: {e}"
    else:
        if expect:
            status, detail = "fail", f"did not raise {expect.__name__}"
        else:
            status, detail = "pass", ""
    results[status] += 1
    print(f"{status.upper():5} {name:30} {detail}")
print(", ".join(f"{k}={v}" for k, v in results.items()))
print(f"{sum(results.values())} tests, {results['pass'] / len(TESTS):.0%} passing")
if results["fail"] or results["error"]:
    assert results["pass"] > 10, "too many failures: %d" % (results["fail"] + results["error"])
sys.exit(0)
