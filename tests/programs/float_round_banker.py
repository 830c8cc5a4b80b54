# round() uses round-half-to-even; results depend on exact binary values.
for v in [0.5, 1.5, 2.5, 3.5, 4.5, -0.5, -1.5, -2.5, 0.49999999999999994, 5.5, 6.5]:
    print(v, round(v), type(round(v)).__name__)
for v in [2.675, 2.665, 1.005, 0.125, 0.375, 1.25, 1.35, 1.45, 2.5e-3, 123.456]:
    print(v, round(v, 2), round(v, 1), round(v, 0), round(v, -1))
print(round(1234.5678, -2), round(-1234.5678, -2), round(5e-324, 300), round(1e300, -299))
for n in [0, 1, 5, 15, 25, 35, 45, 150, 250, -250, 12345]:
    print(n, round(n, -1), round(n, -2), round(n))
print(round(0.1 + 0.2, 15), round(0.1 + 0.2, 16), round(0.1 + 0.2, 17))
print(round(7.0), round(7.0, 3), round(-0.4), round(-0.6), round(-0.0), round(0.0, 1))
print([round(i / 8, 2) for i in range(17)])
print([round(i + 0.5) for i in range(-5, 6)])
class Money:
    def __init__(self, v):
        self.v = v
    def __round__(self, nd=None):
        return Money(round(self.v, nd if nd is not None else 0))
    def __repr__(self):
        return f"Money({self.v})"
print(round(Money(3.14159), 2), round(Money(2.5)))
import sys
print(round(sys.float_info.max, -300) if False else "skip", round(2 ** 70 + 0.0, -20))
print(round(1.23456789e-8, 10), round(-1.5e-7, 6), round(9.995, 2), round(9.9949, 2))
