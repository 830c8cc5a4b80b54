# properties, classmethods, staticmethods, class-level state
class Temperature:
    _instances = []
    def __init__(self, celsius=0.0):
        self._c = None
        self.celsius = celsius
        Temperature._instances.append(self)

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError(f"below absolute zero: {v}")
        self._c = float(v)

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9

    @classmethod
    def from_f(cls, f):
        t = cls()
        t.fahrenheit = f
        return t

    @staticmethod
    def valid(v):
        return v >= -273.15

    @classmethod
    def count(cls):
        return len(cls._instances)

    def __repr__(self):
        return f"{type(self).__name__}({self._c!r})"

class Kelvin(Temperature):
    @property
    def kelvin(self):
        return self.celsius + 273.15

t = Temperature(25)
print(t.celsius, t.fahrenheit, t)
t.fahrenheit = 212
print(t, round(t.celsius, 6))
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t)
f = Temperature.from_f(-40)
print(f, Temperature.valid(-500), t.valid(0))
k = Kelvin.from_f(32)
print(k, type(k).__name__, round(k.kelvin, 2), Kelvin.count(), Temperature.count())
try:
    k.kelvin = 5
except AttributeError as e:
    print("AttributeError:", e)
print(type(Temperature.__dict__["celsius"]).__name__, type(Temperature.__dict__["from_f"]).__name__,
      type(Temperature.__dict__["valid"]).__name__)
print(Temperature.celsius.fget.__name__, Temperature.fahrenheit.fset is not None, Kelvin.kelvin.fset)

class Config:
    defaults = {"debug": False, "level": 1}
    def __init__(self, **overrides):
        self.settings = dict(self.defaults)
        self.settings.update(overrides)
    def __getattr__(self, name):
        try:
            return self.settings[name]
        except KeyError:
            raise AttributeError(f"no setting {name!r}") from None
    def __setattr__(self, name, value):
        if name == "settings":
            object.__setattr__(self, name, value)
        else:
            self.settings[name] = value
    def __delattr__(self, name):
        del self.settings[name]
c = Config(level=3)
print(c.debug, c.level)
c.color = "red"
print(c.color, sorted(c.settings))
del c.color
try:
    c.color
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(c, "debug"), hasattr(c, "nope"), getattr(c, "nope", "dflt"))
class Counter:
    total = 0
    def __init__(self):
        self.total += 1
        type(self).total += 10
a = Counter(); b = Counter()
print(a.total, b.total, Counter.total)
print(vars(a), "total" in vars(Counter))
