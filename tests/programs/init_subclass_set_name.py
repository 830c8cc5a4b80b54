# __init_subclass__ and __set_name__ hooks.
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        Plugin.registry[key] = cls
        print(f"  registered {key} -> {cls.__name__}")
class Csv(Plugin):
    pass
class Json(Plugin, name="json-v2"):
    pass
class Strict(Json):
    pass
print(sorted(Plugin.registry), Plugin.registry["json-v2"].__name__)
class Shape:
    def __init_subclass__(cls, sides=0, **kw):
        super().__init_subclass__(**kw)
        cls.sides = sides
class Triangle(Shape, sides=3):
    pass
class Square(Shape, sides=4):
    pass
print(Triangle.sides, Square.sides)
try:
    class Bad(Shape, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
class RequiresArea:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        if "area" not in cls.__dict__:
            raise TypeError(f"{cls.__name__} must define area()")
class Good(RequiresArea):
    def area(self):
        return 1
try:
    class Missing(RequiresArea):
        pass
except TypeError as e:
    print("TypeError:", e)
class Field:
    def __set_name__(self, owner, name):
        print(f"  Field named {name} on {owner.__name__}")
        self.name = name
        owner.fields = getattr(owner, "fields", []) + [name]
    def __get__(self, obj, typ=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, f"<{self.name} unset>")
    def __set__(self, obj, v):
        obj.__dict__[self.name] = v
class Model:
    id = Field()
    title = Field()
    body = Field()
m = Model()
m.title = "Hello"
print(Model.fields, m.id, m.title, m.body)
class Later:
    pass
f = Field()
Later.added = f
print(hasattr(f, "name"))
f.__set_name__(Later, "added")
print(f.name)
class Base:
    subclasses = []
    def __init_subclass__(cls):
        Base.subclasses.append(cls.__name__)
class A(Base): pass
class B(A): pass
class C(Base): pass
print(Base.subclasses)
class Order:
    log = []
    class Hook:
        def __init__(self, tag):
            self.tag = tag
        def __set_name__(self, owner, name):
            owner.log.append((self.tag, name))
    first = Hook(1)
    second = Hook(2)
    third = Hook(3)
print(Order.log)
