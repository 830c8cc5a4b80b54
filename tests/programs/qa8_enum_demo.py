from enum import Enum, IntEnum, Flag, IntFlag, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

class Weekday(IntEnum):
    MON = auto()
    TUE = auto()
    WED = auto()

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()

class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    def label(self):
        return self.value.title()

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(list(Color))
print(Color(2), Color["BLUE"])
print(Color.RED == 1, Color.RED is Color(1))
print(Weekday.TUE + 1, Weekday.WED > Weekday.MON, int(Weekday.MON))
print(repr(Weekday.TUE), str(Weekday.TUE), f"{Weekday.TUE}")
rw = Perm.R | Perm.W
print(rw, repr(rw))
print(Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X))
print(list(Perm))
print(Status.ACTIVE.label(), Status("inactive"))
print(len(Color), [c.name for c in Color])
print(Color.__members__.keys())
try:
    Color(7)
except ValueError as e:
    print(e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError", e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)

class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS = 2
print(list(Shape), Shape.ALIAS, Shape(2))
d = {Color.RED: "stop", Color.GREEN: "go"}
print(d[Color.GREEN], d)
print(sorted([Weekday.WED, Weekday.MON]))
class P(IntFlag):
    A = 1
    B = 2
    C = 4
print(P.A | P.C, int(P.A | P.C), P(3))
print(f"{Color.GREEN!s} {Color.GREEN!r} {Color.GREEN.name:>8}|")
match Color.BLUE:
    case Color.RED:
        print("red")
    case Color.BLUE:
        print("blue!")
print(Perm(0), repr(Perm(7)))
print(isinstance(Color.RED, Color), type(Color.RED))
