# The interpreter's fast paths must behave exactly like the generic protocol: membership
# tests, str indexing, instantiation, builtin class calls, generators consumed by
# natives, unpacking, keyword calls, per-statement method caches, tuple comparisons.


class Eq:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        Eq.calls += 1
        return isinstance(other, Eq) and self.v == other.v

    def __hash__(self):
        return hash(self.v)


def membership():
    t = (1, "a", Eq(3), float("nan"))
    print(1 in t, "a" in t, "b" in t, Eq(3) in t, t[3] in t, float("nan") in t)
    lst = [1, 2, Eq(5)]
    print(2 in lst, Eq(5) in lst, 7 not in lst)

    lst2 = []

    class Grow:
        def __eq__(self, other):
            if len(lst2) < 5:
                lst2.append(Grow())
            return False

    lst2.extend([Grow(), Grow()])
    print(Grow() in lst2, len(lst2))
    s = {1, 2, "x", Eq(4)}
    fs = frozenset(["a", "b"])
    print(1 in s, "x" in s, Eq(4) in s, 3 in s, "a" in fs, "c" not in fs)
    print(frozenset(["a"]) in {frozenset(["a"])}, {1} in {frozenset([1])})
    try:
        [] in s
    except TypeError as e:
        print("TypeError", e)
    try:
        {} in fs
    except TypeError as e:
        print("TypeError", e)

    class MySet(set):
        def __contains__(self, x):
            return x == "magic"

    print("magic" in MySet(), 1 in MySet([1]))
    print(Eq.calls > 0)


def str_index():
    s = "hello, world"
    print(s[0], s[-1], s[4], s[-12], repr(s[5]))
    u = "h\u00e9llo\u2603"
    print(u[1], u[-1], u[0])
    for i in (12, -13, 100):
        try:
            s[i]
        except IndexError as e:
            print("IndexError", e)

    class S(str):
        def __getitem__(self, i):
            return "sub"

    print(S("abc")[0], s[True])
    h = "hello"
    print(s[0] is h[0], "".join(s[i] for i in range(len(s))))


class Plain:
    def __init__(self, a, b=2, *, c=3):
        self.total = a + b + c


class NoInit:
    pass


class BadInit:
    def __init__(self):
        return 5


class WithNew:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.x = x * 2
        return o


class Other:
    def __new__(cls):
        return 42


class Meta(type):
    def __call__(cls, *args):
        return ("meta", args)


class UsesMeta(metaclass=Meta):
    pass


def instantiation():
    print(Plain(1).total, Plain(1, 5, c=10).total, Plain(a=1, b=1).total)
    print(type(NoInit()).__name__)
    for f in (lambda: NoInit(1), lambda: NoInit(x=1), lambda: BadInit(), lambda: Plain(), lambda: Plain(1, 2, 3)):
        try:
            f()
        except TypeError as e:
            print("TypeError", e)
    print(WithNew(4).x, Other(), UsesMeta(1, 2))
    class Abstract:
        def m(self):
            pass

    Abstract.__abstractmethods__ = frozenset({"m"})
    try:
        Abstract()
    except TypeError as e:
        print("TypeError", e)

    class Later:
        pass

    Later.__init__ = lambda self, v: setattr(self, "v", v)
    print(Later(7).v)
    del Later.__init__
    print(type(Later()).__name__)


def builtin_calls():
    print(list(range(3)), list(range(1, 10, 3)), int("12"), int(), str(5), tuple("ab"), float("1.5"))
    print(type(3).__name__, type("X", (), {"a": 1}).a, frozenset([1, 1]), bool([]), bytes(2))
    for f in (lambda: range(), lambda: int("x"), lambda: range(1, 2, 0), lambda: object(1)):
        try:
            f()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)

    class MyInt(int):
        pass

    print(MyInt(5) + 1, type(MyInt(5)).__name__)

    class MyStr(str):
        def __init__(self, *a):
            print("MyStr.__init__", len(a))

    class X:
        def __str__(self):
            return MyStr("q")

    r = str(X())
    print(type(r).__name__, r, type(int(MyInt(3))).__name__)


def gen_consumers():
    print(tuple(x * 2 for x in range(5)), sum(x for x in [1, 2, 3]), "-".join(c for c in "abc"))
    print(set(x % 3 for x in range(10)) == {0, 1, 2}, sorted(x for x in (3, 1, 2)), max(x for x in [4, 9, 2]))

    def boom():
        yield 1
        raise KeyError("inside")

    try:
        tuple(boom())
    except KeyError as e:
        print("KeyError", e)

    def stop_inside():
        yield 1
        raise StopIteration

    try:
        list(stop_inside())
    except RuntimeError as e:
        print("RuntimeError", e, type(e.__cause__).__name__)

    def gen_ret():
        yield 1
        return 5

    g = gen_ret()
    print(list(g), list(g), next(g, "done"))


def unpacking():
    a, b = (1, 2)
    c, d = [3, 4]
    (e, f), g = ((5, 6), 7)
    print(a, b, c, d, e, f, g)
    for src in ((1,), (1, 2, 3), [1], [1, 2, 3]):
        try:
            x, y = src
        except ValueError as err:
            print("ValueError", err)
    x, y = y, x = 8, 9
    print(x, y)


def kw(a, b=1, *args, c=2, **kw):
    return (a, b, args, c, sorted(kw.items()))


def keyword_calls():
    print(kw(1, c=5), kw(1, 2, 3, 4, c=6, d=7), kw(a=0), kw(1, b=2, e=3, f=4))
    for f in (lambda: kw(1, a=2), lambda: kw(b=1), lambda: kw(1, **{"c": 1, "x": 2}, y=3, z=4, w=5, v=6)):
        try:
            print(f())
        except TypeError as e:
            print("TypeError", e)


class Shape:
    def area(self):
        return 1

    def name(self):
        return "shape"


class Square(Shape):
    def area(self):
        return 4


def method_caches():
    objs = [Shape(), Square(), Shape(), Square()]
    out = []
    for o in objs:
        out.append(o.area())
    s = Shape()
    s.area = lambda: "instance"
    out.append(s.area())
    Shape.area = lambda self: 10
    for o in objs:
        out.append(o.area())
    del Shape.name
    try:
        Shape().name()
    except AttributeError as e:
        out.append(str(e))
    Square.name = lambda self: "square"
    out.append(Square().name())
    print(out)


def tuple_compare():
    keys = [(-3, "b"), (-3, "a"), (-1, "z"), (0, ""), (-3, "a", 1)]
    print(sorted(keys), (1, 2) < (1, 2, 3), (1, float("nan")) == (1, float("nan")))
    n = float("nan")
    print((1, n) == (1, n), (Eq(1),) == (Eq(1),), (1, 2) > (1,), () < (0,))
    try:
        (1, "a") < (1, 2)
    except TypeError as e:
        print("TypeError", e)


membership()
str_index()
instantiation()
builtin_calls()
gen_consumers()
unpacking()
keyword_calls()
method_caches()
tuple_compare()
