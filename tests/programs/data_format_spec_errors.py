# The errors of format specs that do not fit the value: which check CPython makes first
# decides the message.
cases = [
    ("hello", " 10"), ("hello", "+"), ("hello", "-5"), ("", " "), ("hello", "#"), ("hello", "=8"), ("hello", "d"),
    (1 + 2j, "0s"), (1 + 2j, "010d"), (1 + 2j, "=10b"), (1 + 2j, "010"), (1 + 2j, "=10"), (1 + 2j, "%"),
    (1 + 2j, "010.2f"), (1 + 2j, "^12.2f"), (1 + 2j, "+.1e"), (1 + 2j, ""), (-1.5j, "g"), (1 + 2j, "n"),
    (42, "s"), (42, ".2d"), (42, " c"), (3.5, "d"), (3.5, ",x"), (True, "s"), (None, "d"), ([1], "5"),
]
for value, spec in cases:
    try:
        print(repr(value), repr(spec), repr(format(value, spec)))
    except (ValueError, TypeError) as e:
        print(repr(value), repr(spec), type(e).__name__, e)
print(f"{'x':>5}|{'y':<3}|{3+4j:>12}|{2j:+g}")
print(f"{'total':+}")
