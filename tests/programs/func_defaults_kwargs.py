# Default arguments, keyword arguments, *args and **kwargs.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
def collect(a, b=2, *args, c, d=4, **kwargs):
    return f"a={a} b={b} args={args} c={c} d={d} kwargs={kwargs}"
print(collect(1, c=3))
print(collect(1, 5, 6, 7, c=8, e=9, f=10))
print(collect(*[1, 2, 3], **{"c": 0, "z": 1}))
print(collect(1, d=0, c=-1))
def total(*nums, start=0):
    s = start
    for n in nums:
        s += n
    return s
print(total(), total(1, 2, 3), total(*range(10), start=100))
def kw_only(*, x, y=10):
    return x * y
print(kw_only(x=3), kw_only(y=2, x=5))
def show(**kw):
    return sorted(kw.items())
print(show(), show(a=1, b=2), show(**{"z": 26, "y": 25}), show(**dict(q=1), r=2))
errors = [
    lambda: greet(),
    lambda: greet("a", "b", "c", "d"),
    lambda: greet("a", name="b"),
    lambda: greet("a", bogus=1),
    lambda: kw_only(3),
    lambda: kw_only(),
    lambda: collect(1),
    lambda: total(start=1, **{"start": 2}),
]
for e in errors:
    try:
        e()
    except TypeError as ex:
        print("TypeError:", ex)
print(greet.__defaults__, collect.__kwdefaults__, kw_only.__kwdefaults__, greet.__name__, greet.__code__.co_argcount if hasattr(greet, "__code__") else "?")
def default_eval_time(x=[len("abc")]):
    return x
print(default_eval_time(), default_eval_time() is default_eval_time())
def apply(f, *args, **kwargs):
    return f(*args, **kwargs)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1, 2], reverse=True), apply(greet, "Eve", greeting="Hey"))
def fmt(value, *, width=8, fill=" ", align=">"):
    return f"{value:{fill}{align}{width}}"
print("[" + fmt(42) + "]", "[" + fmt("x", width=3, fill="*", align="^") + "]")
args = (1, 2)
kwargs = {"c": 3}
print(collect(*args, *args, **kwargs, **{"extra": True}))
