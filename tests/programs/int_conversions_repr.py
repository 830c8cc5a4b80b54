# Conversions between ints, strings and other numeric types.
for n in [0, 5, -5, 10, 255, -255, 4096, 2 ** 40, -(2 ** 40)]:
    print(n, str(n), repr(n), bin(n), oct(n), hex(n), format(n, "x"), format(n, "#o"))
print(int(2.5), int(-2.5), int(1e20), int(-1e-5), int(123.999))
print(float(7), float(-0), float(2 ** 53), float(2 ** 53 + 1), float("  3.5 "))
print(int("42") + int(4.7) + int(True) + int(False))
print(str(10 ** 25), len(str(10 ** 25)), str(-7).zfill(5))
print(bool(0), bool(-1), bool(10 ** 100), bool(0.0), bool(-0.0))
print(chr(65), ord("A"), chr(0x263A), ord("€"), hex(ord("€")))
print(ascii(255), repr(True + True), True + 0.5, False * 10)
print(complex(3), complex(3, 4), int(complex(3, 0).real))
vals = ["10", "0x1f", "1e3", "3.25", "abc", "-12"]
for v in vals:
    try:
        print(v, "->", int(v))
    except ValueError:
        try:
            print(v, "-> float", float(v))
        except ValueError as e:
            print(v, "-> error", e)
print(round(2.5), round(3.5), round(-2.5), type(round(2.5)).__name__)
print(int("-" + "9" * 30) // 10 ** 29)
print(1_000_000, 0x_FF, 0b_1010_1010, 0o_17)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308, 10 ** 400 == float("inf"))
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53)
