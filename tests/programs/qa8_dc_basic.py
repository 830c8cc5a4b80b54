from dataclasses import dataclass, field, asdict, astuple, replace, fields
from typing import List

@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: List[str] = field(default_factory=list)

    def total(self):
        return self.price * self.qty

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"

@dataclass(frozen=True)
class Point:
    x: int
    y: int

@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    def __post_init__(self):
        if self.w < 0 or self.h < 0:
            raise ValueError(f"negative size: {self.w}x{self.h}")
        self.area = self.w * self.h

a = Item("apple", 0.5, 4)
b = Item("pear", 0.75)
b.tags.append("fruit")
print(a)
print(b)
print(a.total(), b.total())
print(asdict(b))
print(astuple(a))
print(a == Item("apple", 0.5, 4, []))
print([f.name for f in fields(Item)])

vs = [Version(1, 2, 3), Version(1, 0), Version(0, 9, 9), Version(1, 2)]
vs.sort()
print([str(v) for v in vs])
print(Version(1) < Version(1, 0, 1), max(vs))

p = Point(1, 2)
print(p, hash(p) == hash(Point(1, 2)))
try:
    p.x = 5
except Exception as e:
    print(type(e).__name__, e)
print(replace(p, y=10))
s = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(s))

r = Rect(3, 4)
print(r, r.area)
try:
    Rect(-1, 2)
except ValueError as e:
    print("error:", e)
try:
    Item()
except TypeError as e:
    print(e)
try:
    Item("x", 1, 2, [], 5)
except TypeError as e:
    print(e)

@dataclass
class Inventory:
    items: dict = field(default_factory=dict)
    def add(self, name, n=1):
        self.items[name] = self.items.get(name, 0) + n
inv1 = Inventory(); inv2 = Inventory()
inv1.add("a"); inv1.add("a", 3)
print(inv1, inv2)
print(Inventory.__eq__(inv1, inv2))
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print(e)
