# How deep recursion goes before RecursionError (and its message) when each level runs
# through a class call, __init__, a property, __call__, a map() or a decorator: CPython
# counts a level for a call through a class's tp_call, none for list()/map().
import sys

N = [0]


def run(name, f):
    N[0] = 0
    try:
        f()
        print(name, "no error")
    except RecursionError as e:
        print(f"{name:10} {N[0]:5} {e}")


class Init:
    def __init__(self):
        N[0] += 1
        Init()


class Call:
    def __call__(self):
        N[0] += 1
        return self()


class Prop:
    @property
    def x(self):
        N[0] += 1
        return self.x


class Meth:
    def m(self):
        N[0] += 1
        return self.m()


class IntCls:
    def __int__(self):
        N[0] += 1
        return int(self)


def plain():
    N[0] += 1
    plain()


def via_map():
    N[0] += 1
    return list(map(lambda _: via_map(), [1]))


def via_listcomp():
    N[0] += 1
    return [via_listcomp() for _ in [1]]


def deco(fn):
    def w(*a, **k):
        return fn(*a, **k)

    return w


@deco
def via_deco():
    N[0] += 1
    return via_deco()


def via_kw(a=1, *, b=2):
    N[0] += 1
    return via_kw(a=a, b=b)


def via_dict_default():
    N[0] += 1
    d = {}
    return d.setdefault(1, via_dict_default())


tests = [
    ("plain", plain),
    ("init", lambda: Init()),
    ("call", lambda: Call()()),
    ("prop", lambda: Prop().x),
    ("meth", lambda: Meth().m()),
    ("int", lambda: int(IntCls())),
    ("map", via_map),
    ("listcomp", via_listcomp),
    ("deco", via_deco),
    ("kw", via_kw),
    ("setdefault", via_dict_default),
]
for limit in (1000, 200):
    sys.setrecursionlimit(limit)
    print("limit", limit)
    for name, f in tests:
        run(name, f)
