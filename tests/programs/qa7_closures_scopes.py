def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get(): return count
    return inc, get
inc, get = make_counter(10)
inc(); inc(5)
print(get(), inc.__closure__ is not None, inc.__code__.co_freevars)
adders = [lambda x, i=i: x + i for i in range(3)]
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in adders], [f(10) for f in late])
x = "global"
def outer():
    x = "enclosing"
    def inner():
        global x
        x = "changed global"
        return x
    inner()
    return x
print(outer(), x)
def memoize(fn):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.cache = cache
    wrapper.__name__ = fn.__name__
    return wrapper
@memoize
def slow_square(n):
    print(f"  computing {n}")
    return n * n
print(slow_square(4), slow_square(4), slow_square(5), sorted(slow_square.cache), slow_square.__name__)
import functools
def logged(prefix):
    def deco(fn):
        @functools.wraps(fn)
        def w(*a, **k):
            r = fn(*a, **k)
            print(f"{prefix}{fn.__name__}{a}{k} = {r}")
            return r
        return w
    return deco
@logged(">> ")
def add(a, b=0):
    """Adds."""
    return a + b
add(1, b=2); add(3)
print(add.__name__, add.__doc__, add.__wrapped__(5, 5))
def gen_counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset": n = 0
        else: n += 1
g = gen_counter(); next(g)
print([g.send(None), g.send(None), g.send("reset"), g.send(None)])
def scope_error():
    print(y_local)
    y_local = 1
try:
    scope_error()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def f(a, /, b, *, c=3, **kw): return (a, b, c, kw)
print(f(1, 2), f(1, b=2, c=4, d=5))
try:
    f(a=1, b=2)
except TypeError as e:
    print(e)
print((lambda *a, **k: (a, k))(1, 2, z=3))
def undefined_name():
    return missing_variable * 2
undefined_name()
