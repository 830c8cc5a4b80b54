# Descriptors: __get__/__set__/__delete__, data vs non-data precedence, __set_name__.
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
        self.storage = "_" + name
        print(f"  __set_name__ {owner.__name__}.{name}")
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.storage, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        setattr(obj, self.storage, value)
    def __delete__(self, obj):
        print(f"  deleting {self.name}")
        delattr(obj, self.storage)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ann", 30)
print(p.name, p.age, sorted(vars(p)), type(Person.name).__name__)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
del p.age
print(p.age)
p.__dict__["name"] = "shadow attempt"
print(p.name)
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr)
h.__dict__["attr"] = "from instance dict"
print(h.attr, Holder.attr)
class ReadOnly:
    def __get__(self, obj, objtype=None):
        return 42
    def __set__(self, obj, value):
        raise AttributeError("read-only attribute")
class R:
    answer = ReadOnly()
r = R()
try:
    r.answer = 1
except AttributeError as e:
    print("AttributeError:", e)
print(r.answer)
class Counted:
    def __init__(self):
        self.reads = 0
    def __get__(self, obj, objtype=None):
        self.reads += 1
        return self.reads
class UseCounted:
    c = Counted()
u = UseCounted()
print(u.c, u.c, UseCounted.c, UseCounted.__dict__["c"].reads)
class Method:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a: self.fn(obj, *a)
class UsesMethod:
    def __init__(self, n):
        self.n = n
    @Method
    def times(self, k):
        return self.n * k
print(UsesMethod(6).times(7), type(UsesMethod.times).__name__)
def plain(self):
    return "plain function bound to " + type(self).__name__
bound = plain.__get__(h, Holder)
print(bound(), plain.__get__(None, Holder) is plain)
class Lazy:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value
class Data:
    @Lazy
    def expensive(self):
        print("  computing expensive")
        return sum(range(100))
dt = Data()
print(dt.expensive, dt.expensive, "expensive" in vars(dt))
