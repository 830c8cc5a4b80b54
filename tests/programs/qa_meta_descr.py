# metaclasses, __init_subclass__, descriptors, __set_name__
registry = {}
class Registered(type):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            registry[name.lower()] = cls
        return cls
    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        inst.created_by = "meta"
        return inst
    def __repr__(cls):
        return f"<class {cls.__name__}>"

class Plugin(metaclass=Registered):
    def __init__(self, x=0):
        self.x = x
class Alpha(Plugin): pass
class Beta(Plugin):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
print(sorted(registry), registry["beta"], type(Alpha).__name__)
b = Beta(1, 2)
print(b.x, b.y, b.created_by, isinstance(Beta, Registered), type(Plugin))

class Base:
    subclasses = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.subclasses.append(cls.__name__)
class A(Base, tag="a"): pass
class B(A): pass
print(Base.subclasses, A.tag, B.tag)

class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.public = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, val):
        if not isinstance(val, self.kind):
            raise TypeError(f"{self.public} must be {self.kind.__name__}, got {type(val).__name__}")
        setattr(obj, self.name, val)

class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("ann", 30)
print(p.name, p.age, Person.name.public, sorted(vars(p)))
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)

class Lazy:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, cls):
        if obj is None:
            return self
        v = self.f(obj)
        obj.__dict__[self.f.__name__] = v
        return v
class Circle:
    def __init__(self, r):
        self.r = r
    @Lazy
    def area(self):
        print("  computing area")
        return 3 * self.r ** 2
c = Circle(2)
print(c.area, c.area, type(Circle.area).__name__)

class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class Conf(metaclass=Singleton):
    def __init__(self, v):
        self.v = v
print(Conf(1).v, Conf(2).v, Conf(1) is Conf(3))
Dyn = type("Dyn", (object,), {"x": 5, "hello": lambda self: f"hi {self.x}"})
print(Dyn().hello(), Dyn.__name__, Dyn.__bases__)
class Meta2(type):
    def __prepare__(name, bases):
        return {"injected": 42}
class WithPrep(metaclass=Meta2):
    pass
print(WithPrep.injected)
class Slotted:
    __slots__ = ("a",)
    b = Typed(int)
print(type(Slotted.__dict__["a"]).__name__)
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
print(Cmp.__hash__, Cmp(1) == Cmp(1), Cmp(1) != Cmp(2))
try:
    {Cmp(1)}
except TypeError as e:
    print("TypeError:", e)
