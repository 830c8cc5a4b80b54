import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1), Color.RED == 1)
for c in Color:
    print(c.name, c.value)


class Num(IntEnum):
    ONE = 1
    TWO = 2


print(Num.ONE + 1, Num.TWO > Num.ONE, sorted([Num.TWO, Num.ONE]), int(Num.TWO), str(Num.ONE), f"{Num.TWO}")


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), Perm(7), [p.value for p in Perm])


class Bits(IntFlag):
    A = 1
    B = 2


print(Bits.A | Bits.B, int(Bits.A | 4), Bits.B & 3)


class Auto(Enum):
    X = auto()
    Y = auto()

    def describe(self):
        return f"{self.name}={self.value}"

    @classmethod
    def first(cls):
        return list(cls)[0]


print(Auto.Y.describe(), Auto.first(), Auto.X.value)


class Status(str, Enum):
    OK = "ok"
    ERR = "err"


print(Status.OK == "ok", Status("err"), Status.OK.upper())
try:

    @unique
    class Dup(Enum):
        A = 1
        B = 1

except ValueError as e:
    print("unique:", e)
try:
    Color(9)
except ValueError as e:
    print(e)
Animal = Enum("Animal", "ANT BEE CAT")
print(Animal.BEE, Animal.CAT.value, list(Animal.__members__))


class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


print(Planet.EARTH.mass, Planet.EARTH.value)
