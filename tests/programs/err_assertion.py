# Ends with an uncaught AssertionError carrying a message.
def check_sorted(xs):
    for a, b in zip(xs, xs[1:]):
        assert a <= b, f"not sorted: {a} > {b}"
    return True
print(check_sorted([1, 2, 3]))
print(check_sorted([]))
try:
    check_sorted([2, 1])
except AssertionError as e:
    print("caught:", e)
print(check_sorted([1, 5, 3, 9]))
