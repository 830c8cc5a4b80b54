# int() parsing with bases, underscores and whitespace.
cases = [("42", 10), ("-42", 10), ("+7", 10), ("ff", 16), ("FF", 16), ("0xff", 16),
         ("0xff", 0), ("0o17", 0), ("0b1011", 0), ("17", 8), ("z", 36), ("ZZ", 36),
         ("1_000_000", 10), ("0x_dead_beef", 0), ("  12  ", 10), ("101", 2),
         ("-0b101", 0), ("777", 8), ("helloworld", 36), ("0", 0), ("00", 0), ("1" * 40, 2)]
for s, base in cases:
    print(repr(s), base, int(s, base))
bad = [("", 10), ("12a", 10), ("0x", 16), ("1__0", 10), ("_1", 10), ("08", 0),
       ("2", 2), ("12", 1), ("9", 37), ("1.5", 10), (" ", 10), ("0b2", 0)]
for s, base in bad:
    try:
        print(int(s, base))
    except ValueError as e:
        print("ValueError:", e)
print(int("٣"), int("１２３"))
print(int(" -0 "), int("0000123"), int("-0x10", 16))
for base in range(2, 37):
    print(base, int("10", base), int("11", base))
def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return sign + "".join(reversed(out))
for n in [0, 1, 255, -255, 123456789, 2 ** 70]:
    print(n, [to_base(n, b) for b in (2, 7, 16, 36)], all(int(to_base(n, b), b) == n for b in range(2, 37)))
try:
    int("10", base=2.0)
except TypeError as e:
    print("TypeError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
print(int("1" * 50), int(b"42"), int(bytearray(b"-17")))
