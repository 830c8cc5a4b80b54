# __slots__: restricted attributes, no __dict__, inheritance.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"P({self.x}, {self.y})"
p = P(1, 2)
p.x = 10
print(p, hasattr(p, "__dict__"), P.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
print(p)
class P3(P):
    __slots__ = ("z",)
q = P3(1, 2)
q.z = 3
print(q.x, q.y, q.z, hasattr(q, "__dict__"))
class Loose(P):
    pass
l = Loose(1, 2)
l.anything = "ok"
print(l.anything, l.__dict__)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)
class Single:
    __slots__ = "only"
s = Single()
s.only = 1
print(s.only, Single.__slots__)
print(type(P.__dict__["x"]).__name__)
class Defaulted:
    __slots__ = ("v",)
    def get(self):
        return getattr(self, "v", "unset")
d = Defaulted()
print(d.get())
d.v = 9
print(d.get())
try:
    class Conflict:
        __slots__ = ("x",)
        x = 5
except ValueError as e:
    print("ValueError:", e)
class Vec:
    __slots__ = ("data",)
    def __init__(self, *xs):
        self.data = list(xs)
    def __len__(self):
        return len(self.data)
    def __add__(self, o):
        return Vec(*[a + b for a, b in zip(self.data, o.data)])
v = Vec(1, 2, 3) + Vec(4, 5, 6)
print(v.data, len(v))
