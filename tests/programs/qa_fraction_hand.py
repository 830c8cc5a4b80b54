# hand written fraction class
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Frac(%d, 0)" % n)
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    @staticmethod
    def _c(o):
        if isinstance(o, Frac):
            return o
        if isinstance(o, int):
            return Frac(o)
        return NotImplemented
    def __add__(self, o):
        o = Frac._c(o)
        if o is NotImplemented:
            return o
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = Frac._c(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __rsub__(self, o):
        return Frac._c(o) - self
    def __mul__(self, o):
        o = Frac._c(o)
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = Frac._c(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __rtruediv__(self, o):
        return Frac._c(o) / self
    def __pow__(self, e):
        if e < 0:
            return Frac(self.d ** -e, self.n ** -e)
        return Frac(self.n ** e, self.d ** e)
    def __eq__(self, o):
        o = Frac._c(o)
        return self.n == o.n and self.d == o.d
    def __lt__(self, o):
        o = Frac._c(o)
        return self.n * o.d < o.n * self.d
    def __le__(self, o):
        return self == o or self < o
    def __hash__(self):
        return hash((self.n, self.d))
    def __float__(self):
        return self.n / self.d
    def __int__(self):
        return int(self.n / self.d)
    def __repr__(self):
        return f"Frac({self.n}, {self.d})"
    def __str__(self):
        return f"{self.n}/{self.d}" if self.d != 1 else str(self.n)
    def __format__(self, spec):
        if spec:
            return format(float(self), spec)
        return str(self)

h = Frac(0)
for k in range(1, 21):
    h = h + Frac(1, k)
print("H20 =", h, f"{h:.6f}", float(h))
print(Frac(1, 2) + 1, 1 + Frac(1, 2), 2 - Frac(1, 3), Frac(3, 4) * 4, 1 / Frac(3, 7))
print(Frac(2, 3) ** -2, Frac(-6, -8), Frac(6, -8), repr(Frac(10, 5)))
print(sorted([Frac(1, 3), Frac(1, 2), Frac(1, 7), Frac(2, 5)]))
print(Frac(1, 2) == Frac(2, 4), Frac(1, 2) < Frac(2, 3), Frac(1, 2) >= Frac(2, 3), Frac(1, 2) > 0)
print(int(Frac(7, 2)), int(Frac(-7, 2)), float(Frac(1, 8)))
print(len({Frac(1, 2), Frac(2, 4), Frac(3, 6)}))
print(sum([Frac(1, 2 ** i) for i in range(1, 11)], Frac(0)))
print(max(Frac(5, 3), Frac(7, 4)), min([Frac(5, 3), Frac(7, 4)]))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZDE:", e)
try:
    Frac(1, 2) + 0.5
except TypeError as e:
    print("TE:", e)
x = Frac(1)
for _ in range(5):
    x = x * Frac(3, 2) - Frac(1, 4)
print(x, f"{x:>12.4f}", f"{x}")
