# Inheritance, method resolution order (C3), and super().
class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
def mro(cls):
    return [k.__name__ for k in cls.__mro__]
print(mro(D), D().who(), D().chain())
print(mro(B), mro(A), mro(object), [k.__name__ for k in D.__bases__], D.__base__.__name__)
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print(mro(M))
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print(mro(Aa))
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
print(issubclass(D, A), issubclass(D, (int, C)), issubclass(A, D), isinstance(D(), C), issubclass(bool, object))
class Base:
    def __init__(self, x):
        self.x = x
        print("  Base.__init__", x)
    def area(self):
        raise NotImplementedError("subclass must implement area")
class Square(Base):
    def __init__(self, side):
        super().__init__(side)
        self.side = side
    def area(self):
        return self.side ** 2
class Cube(Square):
    def __init__(self, side):
        super(Cube, self).__init__(side)
    def area(self):
        return 6 * super().area()
print(Square(3).area(), Cube(2).area(), Cube(2).x)
try:
    Base(1).area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
class Mixin:
    def greet(self):
        return "hello from " + type(self).__name__ + " via " + super().greet()
class Root:
    def greet(self):
        return "Root"
class Leaf(Mixin, Root):
    pass
print(Leaf().greet(), mro(Leaf))
class Parent:
    def __init__(self):
        self.log = ["Parent"]
class Left(Parent):
    def __init__(self):
        super().__init__()
        self.log.append("Left")
class Right(Parent):
    def __init__(self):
        super().__init__()
        self.log.append("Right")
class Child(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Child")
print(Child().log, mro(Child))
print(super(B, D()).who(), super(C, D()).who(), super(D, D()).chain())
class IntList(list):
    def append(self, v):
        super().append(int(v))
il = IntList()
il.append("5"); il.append(3.9)
print(il, type(il).__name__, isinstance(il, list), len(il))
print(object.__subclasses__ is not None, [c.__name__ for c in A.__subclasses__()])
