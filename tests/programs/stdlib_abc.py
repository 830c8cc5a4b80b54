from abc import ABC, ABCMeta, abstractmethod, abstractproperty
import abc


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @property
    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name}: {self.area():.2f}"


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s**2

    @property
    def name(self):
        return "square"


try:
    Shape()
except TypeError as e:
    print(e)


class Half(Shape):
    def area(self):
        return 1


try:
    Half()
except TypeError as e:
    print(e)
print(Sq(3).describe(), isinstance(Sq(1), Shape), sorted(Shape.__abstractmethods__))


class Duck(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if any("quack" in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented


class Mallard:
    def quack(self):
        pass


print(issubclass(Mallard, Duck), isinstance(Mallard(), Duck), issubclass(int, Duck))


class Base(ABC):
    pass


Base.register(int)
print(isinstance(3, Base), issubclass(bool, Base), issubclass(str, Base), type(Base) is ABCMeta)
print(abc.get_cache_token() is not None)
