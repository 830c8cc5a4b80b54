# assert statements: passing, failing with and without messages, message evaluation laziness.
def divide(a, b):
    assert b != 0, "divisor must be non-zero"
    return a / b
print(divide(10, 4))
try:
    divide(1, 0)
except AssertionError as e:
    print("AssertionError:", e, "| args:", e.args)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e), e.args)
calls = []
def msg():
    calls.append("evaluated")
    return "message"
assert True, msg()
print("message not evaluated when assertion passes:", calls)
try:
    assert 0, msg()
except AssertionError as e:
    print("evaluated on failure:", calls, e)
try:
    assert [], ["a", "list", "message"]
except AssertionError as e:
    print("non-string message:", e.args[0])
try:
    assert 1 == 2, f"{1} != {2}"
except AssertionError as e:
    print(e)
def check_invariants(stack):
    assert isinstance(stack, list), "stack must be a list"
    assert all(isinstance(x, int) for x in stack), "only ints allowed"
    assert stack == sorted(stack), f"stack not sorted: {stack}"
    return True
for s in [[1, 2, 3], [3, 1], (1, 2), [1, "x"]]:
    try:
        print(s, check_invariants(s))
    except AssertionError as e:
        print(s, "failed:", e)
t = (1, "tuple is truthy")
assert t
print("asserting a non-empty tuple always passes")
x = 5
assert x > 0 and x < 10, "x out of range"
print(__debug__)
