# integer/float math edge cases
for a in (7, -7):
    for b in (2, -2, 3, -3):
        print(f"{a:3} {b:3} // {a // b:3} % {a % b:3} divmod {divmod(a, b)}")
for a in (7.5, -7.5):
    for b in (2, -2.0):
        print(a, b, a // b, a % b, divmod(a, b))
print(0.1 + 0.2, 0.1 * 3, 1 / 3, 2 / 3, 10 / 3, 1e-10, 123456789.123456789)
print(1.0, 100.0, 1e16, 1.5e16, 12345678901234567.0, 0.0001, 0.00001)
print(round(3.14159, 3), round(2.5), round(3.5), round(-0.5), round(0.125, 2), round(0.375, 2))
print(round(1e15 + 0.5), round(7, -1), round(15, -1), round(25, -1), round(-15, -1))
print(int(3.9), int(-3.9), int("  42  "), int("-0"), int("0x1f", 16), int("1_000"), int("z", 36))
print(float("1e3"), float(" -2.5 "), float("inf"), float("-Infinity"), float("nan"), float("1_0.5"))
print(abs(-3), abs(-3.5), abs(0.0), -0.0, 0.0 == -0.0, str(-0.0))
print(3 ** 2 ** 2, (-2) ** 3, -2 ** 2, 2 ** -2, (-8) ** (1/3) if False else "skip", 4 ** 0.5, 0 ** 0)
print(7 / 2, 7 // 2, -7 / 2, 6 / 3, type(6 / 3).__name__, 1e300 * 1e10, -1e300 * 1e10)
print(float("nan") == float("nan"), float("inf") > 1e308, float("inf") - float("inf"))
print(max(1, 2.0), min(1, 1.0), max(1.0, 1), sorted([3, 1.5, 2, -1]), sum([0.1] * 10))
print(divmod(7.5, 2), divmod(-1, 3), 5 % 3.0, -5 % 3.0, 5.0 % -3)
print(bool(0.0), bool(-0.0), bool(1e-300), 1 == 1.0, hash(1) == hash(1.0), hash(0.5))
print((2.5).is_integer(), (3.0).is_integer(), (0.5).as_integer_ratio(), (-2.75).as_integer_ratio())
print(10 ** -2, 2 ** 0.5, 10 ** 20, 10.0 ** 20, 10 ** 15 * 1.0, float(10 ** 16))
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, (1 < 2) + (2 < 3), True + True, True * 3.5)
print(0b1010, 0o17, 0xff, 1_000_000, 1e3, 1E-3, .5, 5., 0x_ff)
print(int.__name__, (5).bit_length(), (255).to_bytes(2, "big"), (-1) ** 0.5 if False else "c")
print(complex(1, 2) * 2, (1 + 2j).real, abs(3 + 4j), (1j) ** 2, 1j * 1j == -1)
print(pow(2, 10), pow(2.0, 3), pow(2, 3, 5), pow(-2, 3), pow(2, -1))
print(7 & 3, 7 | 8, 7 ^ 2, ~7, 1 << 10, 1024 >> 3, -16 >> 2, -1 & 0xff)
x = 10
x //= 3; print(x)
x **= 3; print(x)
x %= 7; print(x)
x <<= 4; print(x)
x /= 4; print(x)
for v in [0.1, 1.1, 2.675, 1e-5, 1234.5, 5e-324, 1.7976931348623157e308, 2**53 + 1.0]:
    print(repr(v), f"{v:.3g}", f"{v:.2e}", "%.4f" % v, str(round(v, 2)))
print(f"{12345.6789:,.2f} {0.5:.0f} {1.5:.0f} {2.5:.0f} {-1.5:.0f} {1e6:.0e} {123:.2f}")
print(f"{3.14159:08.3f} {-3.14159:08.3f} {42:+.1f} {0.000123:.2%} {1/7:.10f}")
print(int(True), float(False), str(True), repr(None), 5 // True)
