# *args / **kwargs forwarding
def show(*args, **kwargs):
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return "show(" + ", ".join(parts) + ")"

def forward(*args, **kwargs):
    return show(*args, **kwargs)

def f(a, b=2, *rest, c, d=4, **extra):
    return (a, b, rest, c, d, extra)

print(forward(1, 2, x=3))
print(forward(*"ab", *[1], **{"k": 1}, z=0))
print(f(1, c=3))
print(f(1, 2, 3, 4, 5, c=6, e=7, d=8))
print(f(*range(4), **{"c": 0, "q": 1}))
args = (10,)
kw = {"c": "C"}
print(f(*args, **kw), f(a=1, c=2))

def pos_only(a, b, /, c, *, d):
    return a, b, c, d
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
for call in [lambda: pos_only(1, b=2, c=3, d=4), lambda: pos_only(1, 2, 3, 4),
             lambda: f(), lambda: f(1, 2), lambda: f(1, c=1, a=2), lambda: show(**{1: 2}),
             lambda: pos_only(1, 2, 3, d=4, e=5), lambda: (lambda x: x)(),
             lambda: (lambda: 0)(1), lambda: f(1, c=2, **{"c": 3})]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)

def kwonly(*, key="k", reverse=False):
    return key, reverse
print(kwonly(), kwonly(reverse=True))

def collect(first, *others):
    return first, others
print(collect(1), collect(1, 2, 3), collect(*[[1]]))

class Base:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs
class Child(Base):
    def __init__(self, name, *args, **kwargs):
        self.name = name
        super().__init__(*args, **kwargs)
ch = Child("c", 1, 2, flag=True)
print(ch.name, ch.args, ch.kwargs)

first, *middle, last = range(10)
print(first, middle, last)
*init, tail = "hello"
print(init, tail)
(a, b), *c = [(1, 2), 3, 4]
print(a, b, c)
print(*[1, 2], *(3,), sep="-")
print([*range(3), *"ab"], (*[1], 2), {*"aab"} == {"a", "b"}, {**{"a": 1}, "b": 2, **{"a": 3}})
def defaults(x, y=[], z={}):
    y.append(x)
    z[x] = len(y)
    return y, z
print(defaults(1), defaults(2), defaults(3, []))
print(defaults.__defaults__[0])
def varkw(**kw):
    kw["added"] = True
    return kw
d = {"a": 1}
print(varkw(**d), d)
print(max(*[3, 1, 2]), min(4, *[5, 0]), sum([*range(5)]))
