from enum import Enum, IntEnum, Flag, auto, StrEnum, unique, EnumMeta
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
for p in Planet:
    print(p.name, p.value, f"{p.gravity:.2f}")
class Color(StrEnum):
    RED = auto()
    GREEN = "grn"
print(Color.RED, repr(Color.RED), Color.RED == "red", Color.GREEN.upper(), f"{Color.GREEN}")
class Level(Enum):
    LOW = 1
    HIGH = 3
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None
print(Level("low"), Level(3))
try:
    Level(2)
except ValueError as e:
    print(e)
class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
print(Perm.RWX, list(Perm.RWX), Perm(6), ~Perm.R, Perm.R | Perm.X)
print([m.name for m in Perm], Perm.RWX.name, (Perm.R | Perm.W).name)
class Ordered(Enum):
    def __lt__(self, other):
        return self.value < other.value
    B = 2
    A = 1
print(sorted(Ordered), max(Ordered))
class Http(IntEnum):
    OK = 200
    NOT_FOUND = 404
print(Http(404).name, Http.OK == 200, Http.OK + 1, isinstance(Http.OK, int), [h for h in Http])
print(f"{Http.OK}", f"{Http.OK:>6}", str(Http.OK), format(Http.NOT_FOUND, "d"))
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
Shape = Enum("Shape", [("SQ", 4), ("TRI", 3)])
print(Shape.TRI, Shape.SQ.value)
class Mood(Enum):
    HAPPY = "h"
    SAD = "s"
    def __str__(self):
        return self.name.lower()
    def describe(self):
        return f"{self.name} is {self.value}"
print(Mood.HAPPY, Mood.SAD.describe(), Mood("s"))
try:
    Mood.HAPPY.value = "x"
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Ext(Mood):
        NEW = "n"
except TypeError as e:
    print("TypeError:", e)
print(Level.LOW in Level, type(Level), isinstance(Level, EnumMeta))
print(hash(Level.LOW) == hash(Level.LOW), {Level.LOW: 1}[Level.LOW], Level.LOW is Level["LOW"])
class Weekday(Flag):
    MON = auto(); TUE = auto(); WED = auto(); THU = auto(); FRI = auto(); SAT = auto(); SUN = auto()
    WEEKEND = SAT | SUN
print(Weekday.WEEKEND, Weekday.SAT in Weekday.WEEKEND, len(Weekday), Weekday.MON.value, Weekday.SUN.value)
print(bool(Weekday(0)), Weekday.MON | Weekday.FRI)
