# Error messages name C types as CPython does: 'datetime.date', 'decimal.Decimal',
# 'collections.deque', 'types.SimpleNamespace' ...
import collections, itertools, datetime, decimal, io, types

def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r) if not isinstance(r, (types.SimpleNamespace,)) else r)
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

def del_item(o, k=0):
    del o[k]

objs = {
    "deque": collections.deque([1]),
    "odict": collections.OrderedDict(a=1),
    "count": itertools.count(),
    "date": datetime.date(2024, 5, 17),
    "datetime": datetime.datetime(2024, 5, 17, 8, 30),
    "delta": datetime.timedelta(hours=2),
    "time": datetime.time(9),
    "tz": datetime.timezone.utc,
    "decimal": decimal.Decimal("2.50"),
    "stringio": io.StringIO("x"),
    "ns": types.SimpleNamespace(a=1),
    "counter": collections.Counter("ab"),
}
for name, o in objs.items():
    attempt(f"{name} + 1", lambda: o + 1)
    attempt(f"{name} + 'x'", lambda: o + "x")
    attempt(f"int({name})", lambda: int(o))
    attempt(f"float({name})", lambda: float(o))
    attempt(f"hash({name})", lambda: type(hash(o)).__name__)
    attempt(f"[1][{name}]", lambda: [1][o])
    attempt(f"'%d' % {name}", lambda: "%d" % o)
    attempt(f"format({name}, 'Q')", lambda: format(o, "Q") if name != "decimal" else None)
    attempt(f"del {name}[0]", lambda: del_item(o))
    attempt(f"del {name}['k']", lambda: del_item(o, "k"))
    attempt(f"{name}[0] = 1", lambda: o.__class__.__setitem__(o, 0, 1) if hasattr(o, "__setitem__") else exec("o[0] = 1", {"o": o}))
    attempt(f"len({name})", lambda: len(o))
    attempt(f"{name} < {name}", lambda: o < o)
    attempt(f"-{name}", lambda: -o)
    attempt(f"{name}()", lambda: o())
    attempt(f"iter({name})", lambda: type(iter(o)).__name__ if name != "odict" else None)
d = datetime.date(2024, 1, 31)
for attr in ["year", "month", "day"]:
    attempt(f"date.{attr} = 1", lambda: setattr(d, attr, 1))
dt = datetime.datetime(2024, 1, 31, 12)
attempt("datetime.hour = 1", lambda: setattr(dt, "hour", 1))
attempt("del datetime.year", lambda: delattr(dt, "year"))
attempt("deque.maxlen = 1", lambda: setattr(collections.deque(), "maxlen", 1))
ns = types.SimpleNamespace(name="loop", n=1)
ns.me = ns
print(ns)
print(types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1), types.SimpleNamespace(a=1) != types.SimpleNamespace(a=2))
attempt("ns <= ns", lambda: types.SimpleNamespace(a=1) <= types.SimpleNamespace(a=1))
print(types.SimpleNamespace.__doc__)
print(types.SimpleNamespace.__hash__)
class A:
    pass
attempt("del A()['k']", lambda: del_item(A(), "k"))
attempt("del A()[0]", lambda: del_item(A()))
attempt("del (1,)[0]", lambda: del_item((1,)))
attempt("del (1,)['a']", lambda: del_item((1,), "a"))
attempt("del 'str'[0]", lambda: del_item("str"))
attempt("del 5[0]", lambda: del_item(5))
attempt("del frozenset()[0]", lambda: del_item(frozenset()))
