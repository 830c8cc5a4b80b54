# diamond inheritance, cooperative super(), MRO errors
class Base:
    def __init__(self, **kw):
        print("Base.__init__", sorted(kw))
        self.log = ["Base"]
    def hello(self):
        return "Base"
class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left.__init__", left)
        super().__init__(**kw)
        self.log.append("Left")
    def hello(self):
        return "Left>" + super().hello()
class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right.__init__", right)
        super().__init__(**kw)
        self.log.append("Right")
    def hello(self):
        return "Right>" + super().hello()
class Bottom(Left, Right):
    def __init__(self, **kw):
        print("Bottom.__init__")
        super().__init__(**kw)
        self.log.append("Bottom")
    def hello(self):
        return "Bottom>" + super().hello()
b = Bottom(left=1, right=2, extra=3)
print(b.log, b.hello())
print([c.__name__ for c in Bottom.__mro__])
print(super(Left, b).hello(), super(Right, b).hello(), super(Bottom, b).hello())
class X: pass
class Y: pass
class A(X, Y): pass
class B(Y, X): pass
try:
    class C(A, B): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class D(X, X): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class E(int, str): pass
except TypeError as e:
    print("TypeError:", e)
class K:
    @classmethod
    def make(cls):
        return cls.__name__
    def nested_super(self):
        def inner():
            return super().__repr__
        return inner
class K2(K):
    @classmethod
    def make(cls):
        return "K2>" + super().make()
print(K2.make(), K.make())
try:
    K2().nested_super()()
except RuntimeError as e:
    print("RuntimeError:", e)
class M:
    def who(self):
        return __class__.__name__
class N(M):
    pass
print(N().who())
class Mixin:
    def describe(self):
        return f"{type(self).__name__} with {self.extra()}"
class Impl(Mixin, Base):
    def extra(self):
        return "impl-extra"
print(Impl().describe())
print(Impl.__mro__[1].__name__, issubclass(Impl, Mixin), Impl.mro() == list(Impl.__mro__))
class Grand:
    def f(self):
        return "Grand"
class Parent(Grand):
    pass
class Child(Parent):
    def f(self):
        return "Child+" + super(Parent, self).f()
print(Child().f())
try:
    super(int, "x")
except TypeError as e:
    print("TypeError:", e)
class Outer:
    class Inner:
        def m(self):
            return type(self).__qualname__
print(Outer.Inner().m(), Outer.Inner.__qualname__)
class Private:
    def __init__(self):
        self.__secret = 1
        self._semi = 2
    def get(self):
        return self.__secret
p = Private()
print(p.get(), p._Private__secret, sorted(vars(p)))
try:
    p.__secret
except AttributeError as e:
    print("AttributeError:", e)
class Sub(Private):
    def peek(self):
        return self.__secret
try:
    Sub().peek()
except AttributeError as e:
    print("AttributeError:", e)
