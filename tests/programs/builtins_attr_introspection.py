# getattr/setattr/hasattr/delattr, vars, dir (filtered and sorted), type, callable, id identity.
class Config:
    version = 1
    def __init__(self):
        self.name = "app"
        self.debug = False
    def toggle(self):
        self.debug = not self.debug
c = Config()
print(getattr(c, "name"), getattr(c, "missing", "default"), getattr(Config, "version"), getattr(c, "toggle").__name__)
setattr(c, "name", "renamed")
setattr(c, "new_attr", [1, 2])
print(c.name, c.new_attr, hasattr(c, "new_attr"), hasattr(c, "nothing"), hasattr(Config, "toggle"))
delattr(c, "new_attr")
print(hasattr(c, "new_attr"), vars(c), sorted(vars(c)))
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(Config) if not n.startswith("__")], "__init__" in dir(Config), "toggle" in dir(c))
print(sorted(n for n in vars(Config) if not n.startswith("__")))
getattr(c, "toggle")()
print(c.debug)
for name in ["name", "debug", "version"]:
    print(name, "=", getattr(c, name))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    delattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print(type(c) is Config, type(Config), type(type), type(1), type("s"), type(None), type(print), type(c.toggle))
print(callable(c), callable(Config), callable(c.toggle), callable(len), callable("x"), callable(None))
a = [1]
b = a
cc = [1]
print(id(a) == id(b), id(a) == id(cc), a is b, a is cc, id(None) == id(None))
class Slots:
    __slots__ = ("x",)
try:
    vars(Slots())
except TypeError as e:
    print("TypeError:", e)
obj = type("Ad", (), {"a": 1, "b": lambda self: 2})()
print(getattr(obj, "a"), getattr(obj, "b")(), [n for n in dir(obj) if not n.startswith("_")])
attrs = {"width": 3, "height": 4, "color": "red"}
class Shape:
    pass
sh = Shape()
for k, v in attrs.items():
    setattr(sh, k, v)
print(vars(sh), sh.width * sh.height)
print(hasattr(5, "real"), getattr(5, "bit_length")(), getattr("abc", "upper")(), getattr([], "__len__")())
print(sorted(n for n in dir(Shape()) if not n.startswith("__")) == sorted(vars(sh).keys() - set()) or "differs")
