# __index__, __int__, __float__, __complex__, __round__, __trunc__, __floor__, __ceil__, __abs__.
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
seq = list(range(10))
print(seq[Idx(3)], seq[Idx(-1)], seq[Idx(2):Idx(5)], "abcdef"[Idx(1)], hex(Idx(255)), bin(Idx(5)), oct(Idx(8)))
print(range(Idx(4)), list(range(Idx(1), Idx(9), Idx(3))), [0] * Idx(3), "ab" * Idx(2), operator_like := Idx(7).__index__())
print(int(Idx(12)) if hasattr(Idx, "__int__") else "int() uses __index__:", int(Idx(12)))
class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __complex__(self):
        return complex(self.v, 1)
    def __round__(self, n=None):
        return round(self.v, n) if n is not None else round(self.v)
    def __trunc__(self):
        return int(self.v)
    def __abs__(self):
        return Num(abs(self.v))
    def __neg__(self):
        return Num(-self.v)
    def __repr__(self):
        return f"Num({self.v})"
n = Num(-3.75)
print(int(n), float(n), complex(n), round(n), round(n, 1), abs(n), -n, -abs(n))
try:
    seq[Num(1)]
except TypeError as e:
    print("TypeError:", e)
try:
    hex(Num(1))
except TypeError as e:
    print("TypeError:", e)
class BadIndex:
    def __index__(self):
        return "no"
try:
    [1, 2][BadIndex()]
except TypeError as e:
    print("TypeError:", e)
class FloatOnly:
    def __float__(self):
        return 2.5
print(float(FloatOnly()), float("2.5") == float(FloatOnly()))
try:
    int(FloatOnly())
except TypeError as e:
    print("TypeError:", e)
class Fraction:
    def __init__(self, n, d=1):
        def gcd(a, b):
            while b:
                a, b = b, a % b
            return a
        g = gcd(abs(n), abs(d)) or 1
        sign = -1 if d < 0 else 1
        self.n, self.d = sign * n // g, sign * d // g
    def __add__(self, o):
        o = o if isinstance(o, Fraction) else Fraction(o)
        return Fraction(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = o if isinstance(o, Fraction) else Fraction(o)
        return Fraction(self.n * o.d - o.n * self.d, self.d * o.d)
    def __mul__(self, o):
        o = o if isinstance(o, Fraction) else Fraction(o)
        return Fraction(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = o if isinstance(o, Fraction) else Fraction(o)
        return Fraction(self.n * o.d, self.d * o.n)
    def __eq__(self, o):
        o = o if isinstance(o, Fraction) else Fraction(o)
        return self.n == o.n and self.d == o.d
    def __lt__(self, o):
        return self.n * o.d < o.n * self.d
    def __float__(self):
        return self.n / self.d
    def __int__(self):
        return int(self.n / self.d)
    def __bool__(self):
        return self.n != 0
    def __hash__(self):
        return hash((self.n, self.d))
    def __repr__(self):
        return f"{self.n}/{self.d}" if self.d != 1 else f"{self.n}"
h = sum(Fraction(1, k) for k in range(1, 11))
print(h, float(h), int(h), Fraction(6, -4), Fraction(1, 2) + Fraction(1, 3), Fraction(3, 4) * 4, 2 * Fraction(1, 6), Fraction(1, 2) / Fraction(3, 4))
print(Fraction(2, 4) == Fraction(1, 2), Fraction(4, 2) == 2, sorted([Fraction(1, 3), Fraction(1, 4), Fraction(1, 2)]), bool(Fraction(0, 5)), bool(Fraction(1, 5)))
egypt = Fraction(0)
for k in [2, 3, 7, 42]:
    egypt = egypt + Fraction(1, k)
print(egypt, float(egypt))
