# less common dunder protocols
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __eq__(self, o):
        if isinstance(o, Money):
            return self.cents == o.cents
        return NotImplemented
    def __divmod__(self, n):
        q, r = divmod(self.cents, n)
        return Money(q), Money(r)
    def __rdivmod__(self, n):
        return "rdivmod", n
    def __pow__(self, e, mod=None):
        return ("pow", e, mod)
    def __rpow__(self, b):
        return ("rpow", b)
    def __round__(self, nd=None):
        return Money(round(self.cents, nd if nd is not None else -2))
    def __invert__(self):
        return Money(-self.cents)
    def __complex__(self):
        return complex(self.cents, 0)
    def __bytes__(self):
        return str(self.cents).encode()
    def __index__(self):
        return self.cents
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return Money(self.cents + (o.cents if isinstance(o, Money) else o))
    def __contains__(self, x):
        return x  # non-bool
    def __length_hint__(self):
        return 3
    def __reversed__(self):
        return iter("rev")
    def __class_getitem__(cls, item):
        return f"Money[{item}]"
m = Money(1234)
print(divmod(m, 100), divmod(7, m), m ** 2, pow(m, 2, 5), 2 ** m, round(m), round(m, -1), ~m)
print(complex(m), bytes(m), [0, 1, 2][Money(1)], bin(Money(5)), hex(m), "abcdef"[Money(1):Money(3)])
m2 = m
m2 += 6
print(m2, m2 is m, m, 5 in m, 0 in m, list(reversed(m)), Money[int])
print(m == Money(1234), m != Money(1), m == 5, m != 5, Money(1) == None)
class Base:
    def __eq__(self, o):
        return "base-eq"
class Derived(Base):
    def __eq__(self, o):
        return "derived-eq"
print(Base() == Derived(), Derived() == Base(), Base() == Base())
class Num(int):
    def __radd__(self, o):
        return f"Num.radd({o})"
    def __add__(self, o):
        return f"Num.add({o})"
print(1 + Num(2), Num(2) + 1, 1.5 + Num(2))
class NoHash:
    def __eq__(self, o):
        return True
class ChildHash(NoHash):
    def __hash__(self):
        return 42
print(NoHash.__hash__ is None, hash(ChildHash()), ChildHash() in {ChildHash()})
class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
    def __subclasscheck__(cls, sub):
        return sub in (int, bool)
    def __len__(cls):
        return 99
    def __getitem__(cls, k):
        return f"meta[{k}]"
    def __iter__(cls):
        return iter([1, 2])
    def __bool__(cls):
        return False
class Even(metaclass=Meta):
    pass
print(isinstance(4, Even), isinstance(3, Even), issubclass(bool, Even), issubclass(str, Even), len(Even), Even["x"], list(Even), bool(Even))
class Weird:
    def __getattribute__(self, name):
        if name.startswith("magic"):
            return f"got {name}"
        return super().__getattribute__(name)
    def __dir__(self):
        return ["b", "a", "magic_x"]
    def real(self):
        return "real method"
w = Weird()
print(w.magic_1, w.real(), dir(w), getattr(w, "magic_q"))
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
obj = A()
obj.__class__ = B
print(obj.who(), type(obj).__name__, isinstance(obj, A))
class Cm:
    _val = 7
    @classmethod
    def get(cls):
        return cls._val
    @staticmethod
    def helper(x):
        return x * 2
print(Cm.get(), Cm().get(), Cm.helper(4), Cm.__dict__["helper"](5), Cm.__dict__["get"].__func__(Cm))
Dyn = type("Dyn", (Cm,), {"extra": lambda self: self.get() + 1})
print(Dyn().extra(), Dyn.__mro__[1].__name__)
o = A()
o.__dict__["x"] = 5
print(o.x, vars(o))
o.__dict__.clear()
print(hasattr(o, "x"))
class Slots:
    __slots__ = ("a", "__dict__")
s = Slots()
s.a = 1
s.b = 2
print(s.a, s.b, vars(s))
