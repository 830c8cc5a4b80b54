from abc import ABC, abstractmethod
import math
class Shape(ABC):
    def __init__(self, name):
        self.name = name
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self):
        return f"{self.name}: area={self.area():.2f} perimeter={self.perimeter():.2f}"
    def __lt__(self, other):
        return self.area() < other.area()
class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
    def perimeter(self):
        return 2 * math.pi * self.r
class Rect(Shape):
    def __init__(self, w, h, name="rect"):
        super().__init__(name)
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s, "square")
class Half(Shape):
    def area(self):
        return 0
shapes = [Circle(1), Rect(2, 3), Square(2)]
for s in sorted(shapes):
    print(s.describe())
try:
    Shape("x")
except TypeError as e:
    print(e)
try:
    Half("h")
except TypeError as e:
    print(e)
print(Square.__mro__)
print(isinstance(Square(1), Shape), issubclass(Circle, ABC))
class Sized2(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if any("__len__" in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented
print(isinstance([], Sized2), isinstance(5, Sized2))
class Plugin(ABC):
    @property
    @abstractmethod
    def name(self): ...
    @staticmethod
    @abstractmethod
    def version(): ...
class P1(Plugin):
    @property
    def name(self):
        return "p1"
    @staticmethod
    def version():
        return 1
print(P1().name, P1.version(), sorted(Plugin.__abstractmethods__))
class Base(ABC):
    pass
Base.register(int)
print(isinstance(3, Base), issubclass(bool, Base))
from collections.abc import Iterable, Mapping, Sequence, Callable, Hashable
print(isinstance([], Sequence), isinstance({}, Mapping), isinstance("s", Iterable), isinstance(len, Callable), isinstance([], Hashable))
class MyMap(Mapping):
    def __init__(self, d):
        self._d = d
    def __getitem__(self, k):
        return self._d[k]
    def __len__(self):
        return len(self._d)
    def __iter__(self):
        return iter(self._d)
m = MyMap({"a": 1, "b": 2})
print(m.get("a"), m.get("z", 0), "b" in m, list(m.items()), m == {"a": 1, "b": 2}, dict(m))
class Incomplete(Mapping):
    def __getitem__(self, k):
        return 1
try:
    Incomplete()
except TypeError as e:
    print(e)
