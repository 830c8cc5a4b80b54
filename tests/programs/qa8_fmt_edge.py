x = 1234567.891
n = 1234567
print(f"{x:,.2f} {x:_.3f} {n:,} {n:_} {n:_x} {n:#_b}")
print(f"{0.000012345:g} {123456789.0:g} {1e16:g} {1.5e-5:.3g} {100.0:g}")
print(f"{0.256:%} {0.256:.1%} {1.0:.0%}")
print(f"{3.14159:10.3f}|{3.14159:<10.2f}|{3.14159:^10.1f}|{-3.5:+08.2f}")
w, p = 12, 3
print(f"{x:{w}.{p}f}|{'hi':{'*'}^{w}}|")
print(f"{'text'!r} {'text'!s} {'café'!a} {[1, 'a']!r}")
print(f"{42:08b} {42:#o} {42:#X} {255:x} {-42:x}")
print(f"{12:=+6} {-12:=6} {12: } {-12: }")
print(f"{'left':<8}|{'right':>8}|{'mid':^9}|")
print("{0}-{1}-{0}".format("a", "b"), "{name} is {age}".format(name="Al", age=3))
print("{:>5}|{:<5}|{:^5}".format(1, 2, 3))
print("{0[0]} {0[1]} {1.real}".format(["x", "y"], 3 + 4j))
print("{p[name]}".format(p={"name": "Pat"}))
class Default(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{a} and {b}".format_map(Default(a="A")))
print("%s has %d items costing %.2f" % ("cart", 3, 9.5))
print("%(name)s: %(score)05.1f" % {"name": "Bo", "score": 9.25})
print("%5s|%-5s|%x|%o|%e|%r" % ("ab", "cd", 255, 8, 12345.678, "q"))
print("%c%c" % (72, "i"), "%%", "%3d%%" % 50)
print(format(1e100, ".3e"), format(-0.0, "f"), format(float("inf"), ">6"), format(float("nan"), "+"))
print(f"{1/3:.15f} {2/3!r} {0.1+0.2} {1e-7} {123456789012345678.0}")
print(f"{True:d} {True} {None!r:>6}")
print(f"{{literal}} {'{'}{x:.0f}{'}'}")
from decimal import Decimal
print(f"{Decimal('1234.5678'):,.2f} {Decimal('0.5'):.0f} {Decimal('1.5'):.0f}")
import datetime
d = datetime.date(2024, 3, 9)
print(f"{d:%Y/%m/%d} {d:%a %b %d} {d!s}")
print(f"{12345.6789:e} {12345.6789:.2E} {0.0:e}")
print(format(1234.5, "n"), format(10**20, ","), format(-1234.5678, ",.1f"))
print(f"{'abc':.2} {'abcdef':>4.2}|")
print("{:,}".format(-1000000), "{:010,.1f}".format(12345.67))
for v in [0.5, 1.5, 2.5, 3.5, -0.5, 2.675]:
    print(round(v), f"{v:.0f}", round(v, 1) if v != 2.675 else round(v, 2))
try:
    print(f"{'x':d}")
except ValueError as e:
    print(e)
try:
    print("{} {}".format(1))
except IndexError as e:
    print(e)
try:
    print("%d" % "s")
except TypeError as e:
    print(e)
try:
    print("%s %s" % (1,))
except TypeError as e:
    print(e)
print(f"{3+4j:.1f}", f"{complex(1, -2)}")
print(f"{1e-5:.2g}|{0.0001:g}|{1234567:g}|{12345678901:.4g}")
print(repr(1e22), repr(1e21), repr(1.0e-4), str(1e16), 1.5e300 * 1e10)
