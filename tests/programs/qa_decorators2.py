# decorators without functools
call_log = []

def logged(func):
    def wrapper(*args, **kwargs):
        call_log.append((func.__name__, args, tuple(sorted(kwargs.items()))))
        result = func(*args, **kwargs)
        return result
    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    wrapper.__wrapped__ = func
    return wrapper

def repeat(n):
    def deco(func):
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(n)]
        wrapper.__name__ = func.__name__
        return wrapper
    return deco

def memo(func):
    cache = {}
    def wrapper(*args):
        if args in cache:
            wrapper.hits += 1
            return cache[args]
        r = cache[args] = func(*args)
        return r
    wrapper.hits = 0
    wrapper.cache = cache
    return wrapper

def counted(cls):
    orig_init = cls.__init__
    cls.instances = 0
    def __init__(self, *a, **k):
        cls.instances += 1
        orig_init(self, *a, **k)
    cls.__init__ = __init__
    return cls

@logged
def add(a, b=2, *, scale=1):
    """add things"""
    return (a + b) * scale

@repeat(3)
def hello(name):
    return f"hi {name}"

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

@counted
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

print(add(1), add(1, 5), add(2, b=3, scale=10))
print(add.__name__, add.__doc__, add.__wrapped__(1, 1))
print(call_log)
print(hello("bob"))
print(fib(80), fib.hits, len(fib.cache))
Point(1, 2); Point(3, 4)
print(Point.instances)

def stack(*decos):
    def apply(f):
        for d in reversed(decos):
            f = d(f)
        return f
    return apply

def tag(t):
    def d(f):
        def w(*a):
            return f"<{t}>{f(*a)}</{t}>"
        return w
    return d

@stack(tag("b"), tag("i"))
def text(s):
    return s.upper()
print(text("hey"))

@tag("p")
@tag("span")
def para(x, y):
    return x + y
print(para("a", "b"))

class Timer:
    def __init__(self, f):
        self.f = f
        self.calls = 0
    def __call__(self, *args, **kw):
        self.calls += 1
        return self.f(*args, **kw)

@Timer
def sq(x):
    return x * x
print(sq(4), sq(5), sq.calls)
decos = [tag("x"), tag("y")]
@decos[1]
def z():
    return "z"
print(z())
@(lambda f: lambda *a: f(*a) * 2)
def dbl(x):
    return x + 1
print(dbl(10))
