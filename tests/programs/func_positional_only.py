# Positional-only and keyword-only parameters.
def f(a, b, /, c, d=4, *, e, f=6):
    return (a, b, c, d, e, f)
print(f(1, 2, 3, e=5), f(1, 2, c=3, e=5), f(1, 2, 3, 4, e=5, f=0))
for call in [lambda: f(a=1, b=2, c=3, e=5), lambda: f(1, 2, 3, 4, 5), lambda: f(1, 2, 3)]:
    try:
        call()
    except TypeError as ex:
        print("TypeError:", ex)
def g(x, /, **kwargs):
    return x, kwargs
print(g(1, x=2), g("pos", y=3))
def pow_like(base, exp, /, mod=None):
    return pow(base, exp, mod)
print(pow_like(2, 10), pow_like(2, 10, 1000), pow_like(2, 10, mod=7))
def only_pos(a, /):
    return a * 2
print(only_pos(21))
try:
    only_pos(a=1)
except TypeError as ex:
    print("TypeError:", ex)
def defaults_pos(a, b=2, /, c=3):
    return a + b + c
print(defaults_pos(1), defaults_pos(1, 10), defaults_pos(1, 10, 100), defaults_pos(1, c=0))
def star_only(*, key):
    return key
print(star_only(key="k"))
try:
    star_only("k")
except TypeError as ex:
    print("TypeError:", ex)
print(f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__code__.co_argcount)
print(f.__name__, f.__qualname__)
class C:
    def m(self, x, /, y):
        return x - y
    @staticmethod
    def s(a, /, *rest):
        return a, rest
print(C().m(10, y=3), C().m(10, 4), C.s(1, 2, 3), C.s(0))
