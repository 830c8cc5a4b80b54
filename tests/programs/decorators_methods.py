# Decorating methods; decorators that use instance state; class-based decorators.
def logged(method):
    def wrapper(self, *args):
        self.log.append(f"{method.__name__}{args}")
        return method(self, *args)
    return wrapper
class Stack:
    def __init__(self):
        self.items = []
        self.log = []
    @logged
    def push(self, x):
        self.items.append(x)
    @logged
    def pop(self):
        return self.items.pop()
    @property
    def top(self):
        return self.items[-1] if self.items else None
    @staticmethod
    def describe():
        return "a LIFO stack"
    @classmethod
    def of(cls, *xs):
        s = cls()
        for x in xs:
            s.push(x)
        return s
s = Stack.of(1, 2, 3)
print(s.pop(), s.top, s.log, Stack.describe(), s.describe())
def require_positive(fn):
    def wrapper(self, amount):
        if amount <= 0:
            raise ValueError(f"{fn.__name__}: amount must be positive, got {amount}")
        return fn(self, amount)
    return wrapper
class Wallet:
    def __init__(self):
        self.balance = 0
    @require_positive
    def add(self, amount):
        self.balance += amount
        return self.balance
w = Wallet()
print(w.add(5), w.add(10))
for bad in (0, -3):
    try:
        w.add(bad)
    except ValueError as e:
        print("ValueError:", e)
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.n = 0
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        def bound(*a):
            self.n += 1
            return self.fn(obj, *a)
        return bound
class Thing:
    @CountCalls
    def ping(self, x):
        return x * 2
t = Thing()
print(t.ping(1), t.ping(2), Thing.ping.n, type(Thing.__dict__["ping"]).__name__)
def singleton(cls):
    instances = {}
    def get(*a, **k):
        if cls not in instances:
            instances[cls] = cls(*a, **k)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, name="default"):
        self.name = name
c1 = Config("first")
c2 = Config("second")
print(c1 is c2, c1.name, c2.name)
def cached_property(fn):
    attr = "_cached_" + fn.__name__
    @property
    def prop(self):
        if not hasattr(self, attr):
            setattr(self, attr, fn(self))
        return getattr(self, attr)
    return prop
class Circle:
    computed = 0
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        Circle.computed += 1
        return 3.14159 * self.r ** 2
c = Circle(2)
print(c.area, c.area, c.area, Circle.computed)
