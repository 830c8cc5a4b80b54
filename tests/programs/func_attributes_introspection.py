# Function objects: attributes, docstrings, identity, first-class use.
def area(w, h=1):
    """Compute the area of a rectangle."""
    return w * h
print(area.__name__, area.__qualname__, area.__doc__, area.__defaults__, area.__module__)
area.unit = "m2"
area.calls = 0
print(area.unit, sorted(k for k in vars(area)), callable(area), callable(5))
def outer():
    def inner():
        pass
    return inner
print(outer().__name__, outer().__qualname__, outer() is outer(), outer().__doc__)
class K:
    def method(self):
        "method doc"
    class Nested:
        def deep(self):
            pass
print(K.method.__qualname__, K.Nested.deep.__qualname__, K.method.__doc__, K.Nested.__qualname__)
ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b}
for name in sorted(ops):
    print(name, ops[name](7, 3), ops[name].__name__)
def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(5), compose(str, abs, inc)(-10))
def no_doc():
    pass
print(no_doc.__doc__, no_doc(), type(no_doc).__name__, type(lambda: 0).__name__)
bm = K().method
print(type(bm).__name__, bm.__name__, bm.__func__ is K.method, bm() is None)
print(area == area, area != outer, len({area, area, outer}))
def varargs(*a, **k):
    return a, k
print(varargs.__code__.co_argcount, varargs())
fns = [abs, len, str.upper, area]
print([f.__name__ for f in fns])
print(len.__name__, abs(-3), max.__name__, print.__name__)
