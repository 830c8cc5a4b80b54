from functools import singledispatch, cached_property, total_ordering, partialmethod
from dataclasses import dataclass, field, KW_ONLY
from enum import Enum
import itertools, operator, weakref, sys
@singledispatch
def show(x): return f"object {x!r}"
@show.register
def _(x: int): return f"int {x}"
@show.register(list)
def _(x): return "list of " + ", ".join(show(i) for i in x)
print(show(3), show("s"), show([1, "a"]), show.registry.keys() >= {object, int, list})
class Circle:
    def __init__(self, r): self.r = r
    @cached_property
    def area(self):
        print("  computing area")
        return 3.14159 * self.r ** 2
c = Circle(2); print(c.area, c.area, "area" in c.__dict__)
del c.area; print(c.area)
@dataclass(slots=True, kw_only=True)
class Opts:
    verbose: bool = False
    level: int = 1
o = Opts(level=3); print(o, hasattr(o, "__dict__"))
try:
    Opts(True)
except TypeError as e:
    print(e)
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: list = field(default_factory=lambda: [0])
print(Mixed(1, b=5), Mixed(1).c)
class Color(Enum):
    RED = "r"; GREEN = "g"
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None
    @property
    def pretty(self): return self.name.title()
print(Color("R"), Color.GREEN.pretty)
try:
    Color("x")
except ValueError as e:
    print(e)
class Cell:
    def __init__(self, v): self.v = v
    def set(self, v): self.v = v
    reset = partialmethod(set, 0)
cc = Cell(5); cc.reset(); print(cc.v)
class Node: pass
n = Node(); r = weakref.ref(n); print(r() is n)
d = weakref.WeakValueDictionary(); k = Node(); d["k"] = k; print(len(d))
class Lazy:
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
lz = Lazy(); print(lz.get_thing())
try:
    lz.other
except AttributeError as e:
    print(e)
class Tracker:
    def __getattribute__(self, name):
        if name == "secret":
            return "hidden"
        return object.__getattribute__(self, name)
t = Tracker(); t.x = 1; print(t.secret, t.x)
print(list(itertools.chain(*[[1], [2, 3]])), list(map(operator.add, [1, 2], [10, 20])), sorted([(2, "b"), (1, "c")], key=operator.itemgetter(1)))
print(sys.version_info[:2], sys.maxsize > 2**32, sys.byteorder, type(sys.argv).__name__, sys.platform.startswith("linux"))
print(list(zip(*[iter(range(7))] * 3)), list(itertools.zip_longest(*[iter(range(7))] * 3)))
class GenericBox:
    def __class_getitem__(cls, item): return f"GenericBox[{item.__name__}]"
print(GenericBox[int])
print(show.dispatch(bool).__name__, isinstance(True, int))
Opts(level=2).extra = 1
