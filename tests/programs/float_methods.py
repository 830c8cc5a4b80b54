# float methods: hex, fromhex, as_integer_ratio, is_integer, trunc/floor/ceil.
for v in [0.5, 1.0, 0.1, -2.75, 3.0, 1e-3, 1e300, 123.125, 2.0 ** 52 + 0.5]:
    print(v, v.hex(), float.fromhex(v.hex()) == v, v.as_integer_ratio(), v.is_integer())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("0x.8"), float.fromhex("ff"))
print((7.9).__trunc__(), (-7.9).__trunc__(), (7.1).__floor__(), (-7.1).__floor__(), (7.1).__ceil__(), (-7.1).__ceil__())
print((2.5).real, (2.5).imag, (2.5).conjugate(), float.__name__)
print((3.0).__add__(1), (3.0).__radd__(1), (3.0).__rtruediv__(1), (3.0).__pow__(2), (2.0).__rpow__(3))
print((1.5).__eq__(1.5), (1.5).__lt__(2), (1.5).__add__("x"))
print(float(True), float("1e2"), float(-5), float(10 ** 20))
import sys
fi = sys.float_info
print(fi.max, fi.min, fi.epsilon, fi.dig, fi.mant_dig, fi.radix, fi.max_exp, fi.min_exp)
print(1.0 + fi.epsilon > 1.0, 1.0 + fi.epsilon / 2 == 1.0)
class Celsius(float):
    def to_f(self):
        return self * 9 / 5 + 32
for c in [-40.0, 0.0, 37.0, 100.0]:
    t = Celsius(c)
    print(t, t.to_f(), type(t).__name__, type(t * 2).__name__)
def frac_repr(x):
    n, d = x.as_integer_ratio()
    return f"{n}/{d}"
print([frac_repr(i / 16) for i in range(1, 9)])
print(abs(-3.5), -(3.5), +(-3.5), divmod(7.5, 2.0), pow(2.0, -2), pow(-2.0, 3))
print(7.0 // 2, -7.0 // 2, 7.0 % 2.5, -7.0 % 2.5, 2 ** 0.5 * 2 ** 0.5)
print(0.1 + 0.7, 1.1 * 1.1, 100 * 1.1, 3 * 0.1 == 0.3, round(3 * 0.1, 10) == 0.3)
