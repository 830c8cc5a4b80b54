import math
from numbers import Number
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __repr__(self): return f"Vec({self.x!r}, {self.y!r})"
    def __str__(self): return f"<{self.x}, {self.y}>"
    def __format__(self, spec):
        if spec.endswith("p"):
            r, th = abs(self), math.atan2(self.y, self.x)
            inner = spec[:-1]
            return f"<{r:{inner}}, {th:{inner}}>"
        return f"<{self.x:{spec}}, {self.y:{spec}}>"
    def __add__(self, o):
        if isinstance(o, Vec): return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, Number): return Vec(self.x * k, self.y * k)
        if isinstance(k, Vec): return self.x * k.x + self.y * k.y
        return NotImplemented
    def __rmul__(self, k): return self * k
    def __truediv__(self, k): return Vec(self.x / k, self.y / k)
    def __neg__(self): return Vec(-self.x, -self.y)
    def __pos__(self): return self
    def __abs__(self): return math.hypot(self.x, self.y)
    def __bool__(self): return bool(self.x or self.y)
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __iter__(self): yield self.x; yield self.y
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __len__(self): return 2
    def __matmul__(self, o): return self.x * o.y - self.y * o.x
    def __round__(self, n=None): return Vec(round(self.x, n), round(self.y, n))
    def __iadd__(self, o):
        self.x += o.x; self.y += o.y
        return self
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, a * b, a / 2, -a, +a, abs(b), a @ b)
print(repr(a), f"{b:.1f}", f"{b:.3p}", format(a, "04d"), bool(Vec()), bool(a))
print(sum([a, b, Vec(1, 1)], Vec()), sum([a, b]) if False else "skip")
print(list(a), tuple(b), a[1], a[-1], len(a), round(Vec(1.26, 2.71), 1), round(Vec(1.5, 2.5)))
x, y = b
print(x, y, {a, Vec(1, 2), b}, a == Vec(1, 2), a != b, a == (1, 2))
c = a
c += b
print(a, c is a)
try:
    a + 1
except TypeError as e:
    print(e)
try:
    a * "s"
except TypeError as e:
    print(e)
try:
    a < b
except TypeError as e:
    print(e)
try:
    a.z = 1
except AttributeError as e:
    print(e)
try:
    sum([a, b])
except TypeError as e:
    print(e)
print(max([Vec(3, 4), Vec(1, 1), Vec(0, 6)], key=abs), sorted([b, a], key=lambda v: v.x))
print(hasattr(a, "__dict__"), Vec.__slots__, type(a).__name__)
class Mat:
    def __init__(self, rows): self.rows = [list(r) for r in rows]
    def __matmul__(self, o):
        cols = list(zip(*o.rows))
        return Mat([[sum(x * y for x, y in zip(r, c)) for c in cols] for r in self.rows])
    def __pow__(self, n):
        r = Mat([[int(i == j) for j in range(len(self.rows))] for i in range(len(self.rows))])
        for _ in range(n): r = r @ self
        return r
    def __repr__(self): return "\n".join(" ".join(f"{v:4}" for v in r) for r in self.rows)
    def __eq__(self, o): return self.rows == o.rows
fibm = Mat([[1, 1], [1, 0]])
print(fibm ** 10)
print(fibm @ fibm == fibm ** 2, Mat([[1]]) == Mat([[2]]))
try:
    fibm ** 2 % 3
except TypeError as e:
    print(e)
