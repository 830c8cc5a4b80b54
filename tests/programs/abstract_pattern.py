# Abstract-base-class-like patterns without the abc module.
class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")
    def perimeter(self):
        raise NotImplementedError
    def describe(self):
        return f"{self.name}: area={self.area():.2f} perimeter={self.perimeter():.2f}"
    def __lt__(self, other):
        return self.area() < other.area()
class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return 3.141592653589793 * self.r ** 2
    def perimeter(self):
        return 2 * 3.141592653589793 * self.r
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"
class Blob(Shape):
    pass
shapes = [Circle(1), Rect(2, 3.5), Square(2), Circle(0.5)]
for s in shapes:
    print(s.describe())
print([s.name for s in sorted(shapes)])
print("total area %.3f" % sum(s.area() for s in shapes))
try:
    Blob("blob").describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    Shape("x").perimeter()
except NotImplementedError as e:
    print("NotImplementedError:", repr(e), str(e) == "")
class Template:
    def run(self):
        steps = [self.setup(), self.execute(), self.teardown()]
        return " -> ".join(steps)
    def setup(self):
        return "default setup"
    def teardown(self):
        return "default teardown"
class Job(Template):
    def execute(self):
        return "job executes"
    def teardown(self):
        return "job teardown"
print(Job().run())
try:
    Template().run()
except AttributeError as e:
    print("AttributeError:", e)
class Interface:
    required = ("read", "write")
    @classmethod
    def check(cls, obj):
        missing = [m for m in cls.required if not callable(getattr(obj, m, None))]
        return missing
class File:
    def read(self): return "data"
    def write(self, d): pass
class ReadOnly:
    def read(self): return "data"
print(Interface.check(File()), Interface.check(ReadOnly()), Interface.check(42))
print(NotImplemented.__class__.__name__, issubclass(NotImplementedError, RuntimeError))
