# Classes: instance vs class attributes, __dict__, __class__, methods.
class Dog:
    species = "canis familiaris"
    count = 0
    tricks = []
    def __init__(self, name, age):
        self.name = name
        self.age = age
        Dog.count += 1
    def describe(self):
        return f"{self.name} is {self.age}"
    def birthday(self):
        self.age += 1
        return self
    def add_trick_shared(self, t):
        self.tricks.append(t)
    def add_trick_own(self, t):
        if "tricks" not in self.__dict__:
            self.tricks = []
        self.tricks.append(t)
a = Dog("Rex", 3)
b = Dog("Fido", 5)
print(a.describe(), b.describe(), Dog.count, a.count, a.species is Dog.species)
a.birthday().birthday()
print(a.age, a.__dict__, sorted(vars(b)))
a.add_trick_shared("sit")
print(b.tricks, Dog.tricks)
b.add_trick_own("roll")
print(b.tricks, Dog.tricks, a.tricks)
a.species = "wolf"
print(a.species, b.species, Dog.species, "species" in a.__dict__)
del a.species
print(a.species)
Dog.species = "dog"
print(a.species, b.species)
print(type(a).__name__, a.__class__ is Dog, Dog.__name__, Dog.__qualname__, isinstance(a, Dog), type(Dog).__name__)
print(Dog.describe(a), Dog.__dict__["describe"](b), "describe" in Dog.__dict__, "name" in Dog.__dict__)
m = a.describe
a.name = "Max"
print(m(), m.__self__ is a)
a.extra = [1, 2]
print(a.extra, hasattr(a, "extra"), hasattr(b, "extra"), getattr(b, "extra", "none"))
setattr(b, "color", "brown")
print(b.color, vars(b))
delattr(b, "color")
print(hasattr(b, "color"))
try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    del a.nothing
except AttributeError as e:
    print("AttributeError:", e)
class Empty:
    pass
e = Empty()
e.x = 1
Empty.y = 2
print(e.x, e.y, vars(e), Empty().y)
class WithDoc:
    """Documented class."""
    value: int = 5
print(WithDoc.__doc__, WithDoc.value, WithDoc.__annotations__, WithDoc.__module__)
def external(self):
    return "external " + self.name
Dog.ext = external
print(a.ext(), b.ext())
