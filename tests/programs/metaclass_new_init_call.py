# Metaclasses: __new__, __init__, __call__, __prepare__-free patterns.
class Meta(type):
    created = []
    def __new__(mcls, name, bases, ns, **kwargs):
        print(f"  Meta.__new__({name}, bases={[b.__name__ for b in bases]}, keys={sorted(k for k in ns if not k.startswith('__'))}, kwargs={kwargs})")
        ns["added_by_meta"] = name.lower()
        cls = super().__new__(mcls, name, bases, ns)
        Meta.created.append(name)
        return cls
    def __init__(cls, name, bases, ns, **kwargs):
        print(f"  Meta.__init__({name})")
        super().__init__(name, bases, ns)
        cls.tag = kwargs.get("tag", "none")
    def __call__(cls, *args, **kwargs):
        print(f"  Meta.__call__({cls.__name__}, {args})")
        inst = super().__call__(*args, **kwargs)
        inst.via_meta = True
        return inst
class Base(metaclass=Meta):
    def __init__(self, x=0):
        self.x = x
class Child(Base, tag="child"):
    y = 1
print(Meta.created, Base.added_by_meta, Child.added_by_meta, Base.tag, Child.tag)
c = Child(5)
print(c.x, c.via_meta, type(Child).__name__, type(c).__name__, isinstance(Child, Meta), isinstance(c, Base))
class Singleton(type):
    _instances = {}
    def __call__(cls, *a, **k):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]
class Db(metaclass=Singleton):
    def __init__(self, url):
        self.url = url
print(Db("a").url, Db("b").url, Db("x") is Db("y"))
class Registry(type):
    plugins = {}
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases:
            Registry.plugins[name] = cls
class Plugin(metaclass=Registry):
    pass
class CsvPlugin(Plugin):
    pass
class JsonPlugin(Plugin):
    pass
print(sorted(Registry.plugins))
class Upper(type):
    def __new__(mcls, name, bases, ns):
        new_ns = {(k.upper() if not k.startswith("__") else k): v for k, v in ns.items()}
        return super().__new__(mcls, name, bases, new_ns)
class Shout(metaclass=Upper):
    greeting = "hi"
    def speak(self):
        return "speaking"
print(Shout.GREETING, Shout().SPEAK(), hasattr(Shout, "greeting"))
Dyn = type("Dyn", (object,), {"value": 42, "double": lambda self: self.value * 2})
print(Dyn.__name__, Dyn().double(), type(Dyn).__name__, Dyn.__bases__[0].__name__)
Sub = type("Sub", (Dyn,), {})
print(Sub().double(), [k.__name__ for k in Sub.__mro__])
M2 = Meta("Made", (), {"z": 3})
print(M2.z, M2.added_by_meta, M2.tag)
class Countable(type):
    def __len__(cls):
        return len(cls.items)
    def __iter__(cls):
        return iter(cls.items)
    def __getitem__(cls, i):
        return cls.items[i]
class Colors(metaclass=Countable):
    items = ["red", "green", "blue"]
print(len(Colors), list(Colors), Colors[1])
print(type(type), type(object), isinstance(type, object), isinstance(object, type), type.__name__)
class Validated(type):
    def __new__(mcls, name, bases, ns):
        for k, v in ns.items():
            if k.startswith("test_") and not callable(v):
                raise TypeError(f"{name}.{k} must be callable")
        return super().__new__(mcls, name, bases, ns)
try:
    class Broken(metaclass=Validated):
        test_x = 5
except TypeError as e:
    print("TypeError:", e)
