# property with getter, setter, deleter; computed and validated attributes.
class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError(f"temperature {v} below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("  resetting temperature")
        self._c = 0.0
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t.celsius)
class ReadOnly:
    @property
    def value(self):
        return 7
r = ReadOnly()
try:
    r.value = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del r.value
except AttributeError as e:
    print("AttributeError:", e)
class Old:
    def get_x(self):
        return self._x
    def set_x(self, v):
        self._x = v * 2
    def del_x(self):
        del self._x
    x = property(get_x, set_x, del_x, "the x property")
o = Old()
o.x = 5
print(o.x, Old.x.__doc__, type(Old.x).__name__, Old.x.fget.__name__)
del o.x
print(hasattr(o, "_x"))
try:
    o.x
except AttributeError as e:
    print("AttributeError:", e)
class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h
    area = property(lambda self: self.w * self.h)
    @property
    def shape(self):
        return "square" if self.w == self.h else "rectangle"
for w, h in [(2, 3), (4, 4)]:
    rc = Rect(w, h)
    print(rc.area, rc.shape)
class Base:
    @property
    def name(self):
        return "base"
class Derived(Base):
    @Base.name.getter
    def name(self):
        return "derived"
print(Base().name, Derived().name)
class Lazy:
    def __init__(self):
        self._cache = None
        self.computations = 0
    @property
    def data(self):
        if self._cache is None:
            self.computations += 1
            self._cache = [i * i for i in range(5)]
        return self._cache
z = Lazy()
print(z.data, z.data, z.computations)
p = property()
try:
    p.__get__(object())
except AttributeError as e:
    print("AttributeError:", e)
