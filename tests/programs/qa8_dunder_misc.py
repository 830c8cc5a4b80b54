class Temperature:
    def __init__(self, c):
        self.celsius = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if not isinstance(v, (int, float)):
            raise TypeError(f"temperature must be a number, not {type(v).__name__}")
        if v < -273.15:
            raise ValueError(f"{v} is below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    def __repr__(self):
        return f"Temperature({self._c})"
t = Temperature(25)
print(t, t.fahrenheit)
for bad in ["hot", -300]:
    try:
        t.celsius = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print(e)
del t.celsius
print(hasattr(t, "_c"))
class Registry:
    plugins = {}
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Registry.plugins[key or cls.__name__.lower()] = cls
class Csv(Registry, key="csv"): pass
class Json(Registry): pass
print(sorted(Registry.plugins), Registry.plugins["csv"].__name__)
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: f"got {name[4:]}"
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
lz = Lazy()
print(lz.real, lz.get_thing(), getattr(lz, "zzz", "default"))
try:
    lz.missing
except AttributeError as e:
    print(e)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq(), [x for x in Seq()])
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), list(zip(Countdown(2), "ab")))
class Idx:
    def __index__(self): return 2
print([1, 2, 3, 4][Idx()], "abcd"[Idx():], bin(Idx()), range(10)[Idx()])
class Bag:
    def __init__(self, *items): self.items = list(items)
    def __contains__(self, x):
        print("contains?", x)
        return x in self.items
    def __len__(self): return len(self.items)
    def __call__(self, x): return self.items.count(x)
    def __setitem__(self, k, v): print("set", k, v)
    def __delitem__(self, k): print("del", k)
    def __getitem__(self, k): return ("get", k)
b = Bag(1, 2, 2)
print(2 in b, 5 not in b, len(b), b(2), bool(Bag()), b[1:3], b[1, 2], b[...])
b[0] = 5; del b[1:]; b["k"] = [1]
class Meta(type):
    def __repr__(cls): return f"<class {cls.__name__} via Meta>"
    def __call__(cls, *a):
        print("creating", cls.__name__, a)
        return super().__call__(*a)
class W(metaclass=Meta):
    def __init__(self, v): self.v = v
print(W, W(5).v, type(W).__name__)
class Str2:
    def __str__(self): return "S"
    def __repr__(self): return "R"
print(Str2(), [Str2()], f"{Str2()}", f"{Str2()!r}", str([Str2()]), "%s %r" % (Str2(), Str2()))
class NoStr:
    def __repr__(self): return "only repr"
print(NoStr(), str(NoStr()), format(NoStr()), f"{NoStr():>10}|" if False else "")
try:
    f"{NoStr():>10}"
except TypeError as e:
    print(e)
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
print(Cmp(1) == Cmp(1), Cmp(1) != Cmp(2))
try:
    {Cmp(1)}
except TypeError as e:
    print(e)
