# Rich comparisons, reflection, NotImplemented fallback, and identity defaults.
class Version:
    def __init__(self, s):
        self.t = tuple(int(x) for x in s.split("."))
    def __eq__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.t == o.t
    def __lt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.t < o.t
    def __le__(self, o):
        return self == o or self < o
    def __gt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.t > o.t
    def __ge__(self, o):
        return not self < o
    def __hash__(self):
        return hash(self.t)
    def __repr__(self):
        return "v" + ".".join(map(str, self.t))
vs = [Version(s) for s in ["1.2", "1.10", "1.2.0", "0.9", "2.0", "1.2"]]
print(sorted(vs), max(vs), min(vs))
a, b = Version("1.2"), Version("1.3")
print(a < b, a <= b, a > b, a >= b, a == b, a != b, a == Version("1.2"), a != Version("1.2"))
print(a == "1.2", a != "1.2", len({Version("1.0"), Version("1.0"), Version("1.1")}))
try:
    a < "1.2"
except TypeError as e:
    print("TypeError:", e)
class Reflect:
    def __init__(self, n):
        self.n = n
    def __gt__(self, o):
        print(f"  Reflect.__gt__({self.n}, {o})")
        return self.n > o
    def __lt__(self, o):
        print(f"  Reflect.__lt__({self.n}, {o})")
        return self.n < o
print(5 < Reflect(10), 5 > Reflect(10), Reflect(3) < 4)
class Sub(Version):
    def __eq__(self, o):
        print("  Sub.__eq__ first (subclass priority)")
        return super().__eq__(o)
    __hash__ = Version.__hash__
print(Version("1.0") == Sub("1.0"))
class Always:
    def __eq__(self, o):
        return True
print(Always() == 1, 1 == Always(), Always() != 1, [Always()] == [5], Always() in [1, 2])
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, p is p, [p] == [p], p in [q], p in [q, p])
try:
    p < q
except TypeError as e:
    print("TypeError:", e)
class NeNeg:
    def __eq__(self, o):
        return "truthy-string"
print(NeNeg() == 1, NeNeg() != 1)
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2 == 2, (1 < 2) < 3, 1 == 1.0 == True)
def noisy(v):
    print("  eval", v)
    return v
print(noisy(1) < noisy(2) < noisy(0) < noisy(5))
import sys
print(sorted([(2, "b"), (1, "z"), (2, "a")]), [1, 2] < [1, 2, 3], (1, 2) == (1, 2.0))
class Total:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"T{self.v}"
ts = [Total(3), Total(1), Total(2)]
print(sorted(ts), max(ts), min(ts))
try:
    Total(1) <= Total(2)
except TypeError as e:
    print("TypeError:", e)
print(Total(1) > Total(0))
