# Roman numeral conversion both ways with validation and round-trip checks.
VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
def to_roman(n):
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"expected int, got {type(n).__name__}")
    if not 0 < n < 4000:
        raise ValueError(f"{n} is out of range (1..3999)")
    out = []
    for v, s in VALUES:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)
SINGLE = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
def from_roman(s):
    s = s.upper()
    if not s or any(ch not in SINGLE for ch in s):
        raise ValueError(f"invalid roman numeral {s!r}")
    total = 0
    for i, ch in enumerate(s):
        v = SINGLE[ch]
        if i + 1 < len(s) and SINGLE[s[i + 1]] > v:
            total -= v
        else:
            total += v
    if to_roman(total) != s:
        raise ValueError(f"non-canonical roman numeral {s!r} (did you mean {to_roman(total)}?)")
    return total
for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 444, 1666, 3888]:
    r = to_roman(n)
    print(f"{n:5} -> {r:15} -> {from_roman(r)}")
print(all(from_roman(to_roman(n)) == n for n in range(1, 4000)))
print(max(range(1, 4000), key=lambda n: len(to_roman(n))), len(to_roman(3888)))
for bad in [0, 4000, -5, 2.5, True]:
    try:
        to_roman(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for bad in ["IIII", "VV", "IC", "ABC", "", "mcmxciv", "XM"]:
    try:
        print(bad, "->", from_roman(bad))
    except ValueError as e:
        print("ValueError:", e)
lengths = {}
for n in range(1, 4000):
    L = len(to_roman(n))
    lengths[L] = lengths.get(L, 0) + 1
print(sorted(lengths.items()))
years = [1776, 1789, 1848, 1914, 1945, 1969, 1989, 2001]
print(" ".join(to_roman(y) for y in years))
print(sum(from_roman(r) for r in ["MMXX", "IV", "XLII", "CCCXXXIII"]))
