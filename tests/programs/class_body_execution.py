# Class bodies execute top to bottom; names, loops and conditionals inside them.
print("before class")
class Config:
    print("  executing class body")
    DEBUG = False
    LEVELS = ["low", "mid", "high"]
    LEVEL_INDEX = {}
    for i, name in enumerate(LEVELS):
        LEVEL_INDEX[name] = i
    del i, name
    if DEBUG:
        mode = "debug"
    else:
        mode = "release"
    def method(self):
        return self.mode
    alias = method
    total = sum(range(10))
    print("  class body done, mode =", mode)
print("after class")
print(Config.LEVEL_INDEX, Config.mode, Config().alias(), Config.total, hasattr(Config, "i"))
print(sorted(k for k in Config.__dict__ if not k.startswith("__")))
def make_class(n):
    class Dynamic:
        value = n
        def get(self):
            return self.value * 2
    return Dynamic
C1, C2 = make_class(1), make_class(5)
print(C1().get(), C2().get(), C1 is C2, C1.__name__, C1.__qualname__)
class Outer:
    x = 10
    class Inner:
        y = 20
        def show(self):
            return "inner show"
    def make_inner(self):
        return self.Inner()
print(Outer.Inner.y, Outer().make_inner().show(), Outer.Inner.__qualname__)
counter = 0
class CountsAtDefinition:
    global counter
    counter += 1
print(counter)
class ReturnsNothing:
    pass
print(ReturnsNothing.__name__, ReturnsNothing.__bases__[0].__name__)
class WithDocAndAnnotations:
    "doc string here"
    a: int
    b: str = "bee"
    c = 3
print(WithDocAndAnnotations.__doc__, WithDocAndAnnotations.__annotations__, WithDocAndAnnotations.b, hasattr(WithDocAndAnnotations, "a"))
def decorator(cls):
    print("  decorating", cls.__name__)
    cls.decorated = True
    return cls
@decorator
class Decorated:
    print("  body of Decorated")
print(Decorated.decorated)
class Redefined:
    def f(self):
        return 1
    def f(self):
        return 2
print(Redefined().f())
x = "module x"
class ScopeTest:
    x = "class x"
    def get_x(self):
        return x
    y = x.upper()
print(ScopeTest().get_x(), ScopeTest.y, ScopeTest.x)
