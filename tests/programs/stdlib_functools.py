import functools
from functools import lru_cache, partial, reduce, wraps, cmp_to_key, total_ordering, cached_property, singledispatch


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@lru_cache(maxsize=2)
def sq(x):
    return x * x


for v in [1, 2, 1, 3, 2]:
    sq(v)
print(sq.cache_info())
sq.cache_clear()
print(sq.cache_info())

p = partial(int, base=2)
print(p("1011"), p.func is int, p.keywords)
add3 = partial(lambda a, b, c: a + b + c, 1, 2)
print(add3(10), add3.args)
print(reduce(lambda a, b: a * b, range(1, 10)), reduce(lambda a, b: a + b, [], 0))


def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k) + 1

    return inner


@deco
def g(x):
    "doc of g"
    return x


print(g(1), g.__name__, g.__doc__, g.__wrapped__(1))


def cmp(a, b):
    return (a > b) - (a < b)


print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: cmp(b, a))))


@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))


class C:
    def __init__(self):
        self.n = 0

    @cached_property
    def big(self):
        self.n += 1
        return 42


c = C()
print(c.big, c.big, c.n)


@singledispatch
def show(x):
    return "obj"


@show.register
def _(x: int):
    return "int"


@show.register(list)
def _(x):
    return "list"


print(show(1), show([]), show("s"), show(True))
print(functools.partialmethod, functools.WRAPPER_ASSIGNMENTS)
