from dataclasses import dataclass, field, InitVar, KW_ONLY, fields, is_dataclass, make_dataclass, FrozenInstanceError
from typing import ClassVar
import dataclasses

@dataclass(slots=True)
class Pt:
    x: int
    y: int = 0
p = Pt(1)
print(p, Pt.__slots__, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)

@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int = 1
print(Opts(level=3))
try:
    Opts(True)
except TypeError as e:
    print(e)

@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3
print(Mixed(1, c=9), Mixed.__match_args__)

@dataclass
class Account:
    owner: str
    balance: float = field(default=0.0, repr=False)
    secret: str = field(default="x", compare=False)
    count: ClassVar[int] = 0
    password: InitVar[str] = None
    def __post_init__(self, password):
        Account.count += 1
        self.hashed = len(password or "")
a1 = Account("amy", 10, "s1", password="hunter2")
a2 = Account("amy", 10, "s2")
print(a1, a1 == a2, a1.hashed, Account.count, [f.name for f in fields(a1)])

@dataclass(eq=True, frozen=True, order=True)
class Card:
    rank: int
    suit: str = field(compare=False)
hand = sorted([Card(10, "h"), Card(2, "s"), Card(10, "c"), Card(5, "d")])
print(hand, Card(3, "a") == Card(3, "b"), len({Card(3, "a"), Card(3, "b")}))
try:
    hand[0].rank = 99
except FrozenInstanceError as e:
    print(type(e).__name__, e)
D = make_dataclass("D", [("a", int), ("b", str, field(default="z"))])
print(D(1), is_dataclass(D), is_dataclass(D(1)), is_dataclass(5))
@dataclass
class Tree:
    val: int
    kids: list = field(default_factory=list)
t = Tree(1, [Tree(2), Tree(3, [Tree(4)])])
print(dataclasses.asdict(t))
print(dataclasses.astuple(t))
match Card(7, "h"):
    case Card(rank=r, suit="h") if r > 5:
        print("high heart", r)
    case Card(r, s):
        print("other", r, s)
@dataclass
class Base:
    x: int = 0
@dataclass
class Child(Base):
    y: int = 1
    def total(self):
        return self.x + self.y
print(Child(5), Child(y=7).total(), Child.__dataclass_fields__.keys())
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print(e)
@dataclass(repr=False)
class NoRepr:
    v: int
print(str(NoRepr(1)).startswith("<__main__.NoRepr object"))
print(repr(dataclasses.field(default=1))[:6])
@dataclass(unsafe_hash=True)
class H:
    v: int
print(hash(H(1)) == hash(H(1)), H(2) in {H(2)})
