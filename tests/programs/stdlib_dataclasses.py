from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from typing import List


@dataclass
class Point:
    x: int
    y: int = 0

    def norm2(self):
        return self.x * self.x + self.y * self.y


p = Point(3, 4)
print(p, p.norm2(), p == Point(3, 4), p == Point(4, 3), Point(1))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    tags: List[str] = field(default_factory=list, compare=False)


vs = sorted([Version(3, 11), Version(2, 7), Version(3, 2, ["x"])])
print(vs, Version(1) < Version(1, 1))


@dataclass(frozen=True)
class Frozen:
    name: str
    n: int = field(default=1, repr=False)


f = Frozen("a")
try:
    f.name = "b"
except FrozenInstanceError as e:
    print("frozen:", e)
print(f, hash(f) == hash(Frozen("a")), {f, Frozen("a")} == {f})
print(asdict(Version(1, 2, ["t"])), astuple(p), replace(p, y=10))
import dataclasses
print([(fl.name, fl.type, fl.default is dataclasses.MISSING) for fl in fields(Point)])


@dataclass
class Inv:
    items: list = field(default_factory=list)
    total: float = field(init=False, default=0.0)

    def __post_init__(self):
        self.total = sum(self.items)


print(Inv([1.5, 2.5]), Inv())


@dataclass
class Child(Point):
    z: int = 5


print(Child(1, 2, 3), Child(1))
