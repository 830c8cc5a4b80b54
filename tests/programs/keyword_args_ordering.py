# **kwargs preserves call order; dict(**) merging; keyword argument edge cases.
def show(**kw):
    return list(kw.items())
print(show(b=1, a=2, c=3), show(**{"z": 0, "y": 1}, x=2), show(a=1, **{"c": 3, "b": 2}))
def signature(a, b=2, *args, c, d=4, **kw):
    return {"a": a, "b": b, "args": args, "c": c, "d": d, "kw": kw}
print(signature(1, c=3))
print(signature(1, 2, 3, 4, c=5, e=6, f=7))
print(signature(c=1, a=0, z=26, y=25))
opts = {"c": "C", "d": "D", "extra": True}
print(signature("A", **opts))
try:
    signature(1, 2, c=3, **{"b": 4})
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{1: "non-string key"})
except TypeError as e:
    print("TypeError:", e)
def collect(*args, sep=" ", **kwargs):
    return sep.join(map(str, args)) + (" " + str(kwargs) if kwargs else "")
print(collect(1, 2, 3), collect("a", "b", sep="-"), collect(x=1), collect(sep=",", y=2))
def merge(*dicts, **extra):
    out = {}
    for d in dicts:
        out.update(d)
    out.update(extra)
    return out
print(merge({"a": 1}, {"b": 2, "a": 3}, c=4, a=5))
print(dict(a=1, b=2), dict({"a": 1}, a=2), dict([("k", 1)], k=2, j=3))
def kw_with_defaults(*, name="anon", age=None, **rest):
    return name, age, sorted(rest)
print(kw_with_defaults(), kw_with_defaults(age=3), kw_with_defaults(zeta=1, alpha=2, name="n"))
class Widget:
    def __init__(self, **props):
        self.props = props
    def __repr__(self):
        return "Widget(" + ", ".join(f"{k}={v!r}" for k, v in self.props.items()) + ")"
print(Widget(width=10, height=5, title="t"), Widget(**{"z": 1, "a": 2}))
def forward(*args, **kwargs):
    return signature(*args, **kwargs)
print(forward(9, c=8, q=7))
print(sorted(show(**{str(i): i for i in range(5)})), show(**dict(zip("cba", range(3)))))
