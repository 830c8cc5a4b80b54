from functools import lru_cache, partial, reduce, total_ordering, singledispatch, wraps, cache, cached_property, cmp_to_key
import operator

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

@lru_cache(maxsize=3)
def sq(x):
    print("computing", x)
    return x * x
for v in [1, 2, 3, 1, 4, 2, 1]:
    sq(v)
print(sq.cache_info())

@cache
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)
print(ways(30))

def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(7), cube(3), square.keywords, square.func.__name__)
print(repr(partial(power, 2))[:24])
print(reduce(operator.add, range(1, 11)), reduce(lambda a, b: a * b, [1, 2, 3, 4], 10))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(e)

@total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
m = [Money(500), Money(150), Money(999)]
print(sorted(m), Money(1) >= Money(1), Money(3) > Money(2), Money(1) <= Money(0))

@singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register
def _(x: int):
    return f"int {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}"
@describe.register(str)
def _(x):
    return f"str {x.upper()}"
for v in [1, "hi", [1, 2], 2.5, True]:
    print(describe(v))

def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        print(f"call {fn.__name__}{args}")
        return fn(*args, **kwargs)
    return wrapper
@logged
def add(a, b):
    """Add two numbers."""
    return a + b
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__.__name__)

class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print("computing area")
        return 3.14159 * self.r ** 2
c = Circle(2)
print(c.area, c.area)
def cmp_len(a, b):
    return len(a) - len(b) or (a > b) - (a < b)
print(sorted(["ccc", "a", "bb", "aa", "b"], key=cmp_to_key(cmp_len)))
print(fib.__wrapped__ is not None, callable(square))
