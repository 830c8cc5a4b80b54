# repr of floats uses the shortest string that round-trips.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, -1.0, 0.0, -0.0, 100.0, 1e16, 1e15,
        123456789012345678.0, 1e22, 1e-5, 1e-4, 0.0001, 0.00001, 1.5e-7, 5e-324,
        1.7976931348623157e308, 2.2250738585072014e-308, 3.141592653589793, 2.718281828459045,
        1e100, 1.1, 2.675, 0.3, 9.995, 1234.5678, 1e-10, 12345678901234567890.0, 0.5, 0.25]
for v in vals:
    print(repr(v), str(v), float(repr(v)) == v)
print(1.0 * 10, 3.0 * 1.1, 0.1 * 3, 1e16 + 1, 2.0 ** 0.5, 10 / 3)
x = 0.0
for i in range(10):
    x += 0.1
print(x, x == 1.0, abs(x - 1.0) < 1e-9)
print([i / 10 for i in range(11)])
print([1 / i for i in range(1, 12)])
print([2.0 ** -i for i in range(0, 60, 7)])
print([10.0 ** i for i in range(-6, 24, 3)])
print(float("1e500"), float("-1e500"), float("1e-400"), float("0.1e1"), float(".5"), float("5."))
print(float("  -12.5e-3 "), float("1_000.5"), float("+inf"), float("-Infinity"), float("nan"))
for s in ["abc", "1.2.3", "", "1e", "--1", "0x10"]:
    try:
        float(s)
    except ValueError as e:
        print("ValueError:", e)
print(str(1e16), str(1e-4 * 3), 1.0e0, 12.0e2, 0.000123)
print(-1.5, -0.5e-9, 4.35 * 100, 0.07 * 100, 1.15 * 3)
