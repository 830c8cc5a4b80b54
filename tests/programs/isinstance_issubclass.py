# isinstance/issubclass with tuples, builtins, ABC-free duck typing.
class Animal: pass
class Dog(Animal): pass
class Cat(Animal): pass
class Robot: pass
things = [Dog(), Cat(), Robot(), 5, "s", 3.0, True, None, [1], (1,), {1: 2}, {1}, b"b", 1j, len, Dog]
for t in things:
    print(type(t).__name__.ljust(18),
          isinstance(t, Animal), isinstance(t, (Dog, Robot)), isinstance(t, int), isinstance(t, (str, bytes)),
          isinstance(t, object), isinstance(t, type))
print(issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(Dog, (Robot, Animal)), issubclass(Dog, Dog), issubclass(bool, int), issubclass(int, float))
print(issubclass(type, object), issubclass(object, type), isinstance(type, type), issubclass(KeyError, LookupError), issubclass(KeyError, (ValueError, IndexError)))
print(isinstance(Dog(), ((Robot,), (int, (Animal,)))))
try:
    isinstance(5, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(Dog(), Animal)
except TypeError as e:
    print("TypeError:", e)
class Meta(type):
    def __instancecheck__(cls, inst):
        return hasattr(inst, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=Meta):
    pass
class Mallard:
    def quack(self):
        return "quack"
print(isinstance(Mallard(), Duck), isinstance(Dog(), Duck), issubclass(Mallard, Duck), issubclass(Robot, Duck))
def describe(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    if isinstance(x, float):
        return "float"
    if isinstance(x, str):
        return "str"
    if isinstance(x, (list, tuple)):
        return f"sequence of {len(x)}"
    if isinstance(x, dict):
        return "mapping"
    return "other:" + type(x).__name__
print([describe(x) for x in [True, 1, 1.5, "s", [1, 2], (), {}, None, Dog()]])
print(type(5) is int, type(True) is int, type(True) == bool, type("") in (str, bytes))
print(type(Dog()) is Dog, type(Dog) is type, Dog.__class__.__name__, Dog().__class__.__bases__[0].__name__)
print(isinstance(Dog, type), isinstance(int, type), callable(Dog), isinstance(print, object))
