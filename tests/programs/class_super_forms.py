# super() in many forms: classmethods, staticmethod-free, properties, __new__.
class Base:
    registry = []
    def __new__(cls, *args):
        inst = super().__new__(cls)
        Base.registry.append(cls.__name__)
        return inst
    def __init__(self, v):
        self.v = v
    @classmethod
    def create(cls, v):
        return cls(v)
    def describe(self):
        return f"Base({self.v})"
    @property
    def label(self):
        return "base-label"
class Derived(Base):
    def __init__(self, v):
        super().__init__(v * 10)
    @classmethod
    def create(cls, v):
        inst = super().create(v + 1)
        inst.created_by = cls.__name__
        return inst
    def describe(self):
        return "Derived<" + super().describe() + ">"
    @property
    def label(self):
        return "derived+" + super().label
d = Derived.create(1)
print(d.v, d.created_by, d.describe(), d.label, Base.registry)
class Two(Derived):
    def describe(self):
        return "Two[" + super(Derived, self).describe() + "]"
t = Two(2)
print(t.describe(), super(Two, t).describe(), Base.registry)
unbound = super(Derived, Derived)
print(unbound.create(5).describe() if False else "skip", type(super(Derived, t)).__name__)
class Counter:
    def __init__(self):
        self.count = 0
    def inc(self):
        self.count += 1
        return self
class LoudCounter(Counter):
    def inc(self):
        print("  incrementing from", self.count)
        return super().inc()
lc = LoudCounter()
lc.inc().inc()
print(lc.count)
class Dictish(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
dd = Dictish()
dd["KEY"] = 1
dd["Other"] = 2
print(dd["key"], dd["OTHER"], dict(dd))
class Strish(str):
    def __new__(cls, v):
        return super().__new__(cls, v.strip().upper())
print(Strish("  hello "), len(Strish(" ab ")))
def outside_method():
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)
outside_method()
class Inner:
    def m(self):
        return [super().__repr__ is not None for _ in range(1)] if False else "ok"
print(Inner().m())
class Lambdas(Base):
    def go(self):
        f = lambda: super(Lambdas, self).describe()
        return f()
print(Lambdas(7).go())
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    __hash__ = None
class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def __eq__(self, other):
        return super().__eq__(other) and self.z == other.z
print(Point3(1, 2, 3) == Point3(1, 2, 3), Point3(1, 2, 3) == Point3(1, 2, 4))
