# Dict keys of many hashable types, and custom __hash__/__eq__.
d = {}
d[1] = "int"
d[1.5] = "float"
d["1"] = "str"
d[(1, 2)] = "tuple"
d[None] = "none"
d[frozenset({1, 2})] = "frozenset"
d[b"1"] = "bytes"
d[True] = "true overrides int 1"
d[2.0] = "float 2"
print(d)
print(d[1], d[1.0], d[2], d[(1, 2)], d[frozenset([2, 1])], d[None])
for bad in [[1], {1: 2}, {1}]:
    try:
        d[bad] = 0
    except TypeError as e:
        print("TypeError:", e)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"
pts = {Point(0, 0): "origin", Point(1, 2): "a"}
print(pts[Point(1, 2)], Point(0, 0) in pts, Point(5, 5) in pts, pts)
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 42
    def __eq__(self, other):
        return self.v == other.v
    def __repr__(self):
        return f"C{self.v}"
cd = {Collide(i): i for i in range(8)}
print(cd, cd[Collide(5)], len(cd))
del cd[Collide(3)]
print(cd, Collide(3) in cd)
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash(): 1}
except TypeError as e:
    print("TypeError:", e)
class Missing(dict):
    def __missing__(self, key):
        return f"<{key}?>"
m = Missing(a=1)
print(m["a"], m["b"], m.get("b"), "b" in m)
class Counter(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counter()
for ch in "mississippi":
    c[ch] += 1
print(c, sorted(c.items()))
print({-1: "a", -2: "b"}[-2], {0.1 + 0.2: "x"}.get(0.3), {(): "empty tuple"}[()])
