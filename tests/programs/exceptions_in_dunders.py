# Exceptions raised inside special methods propagate through the operations that call them.
class Boom(Exception):
    pass
class Bad:
    def __eq__(self, o):
        raise Boom("__eq__")
    def __hash__(self):
        return 1
    def __lt__(self, o):
        raise Boom("__lt__")
    def __len__(self):
        raise Boom("__len__")
    def __iter__(self):
        raise Boom("__iter__")
    def __getitem__(self, k):
        raise Boom(f"__getitem__({k!r})")
    def __add__(self, o):
        raise Boom("__add__")
    def __str__(self):
        raise Boom("__str__")
    def __bool__(self):
        raise Boom("__bool__")
    def __contains__(self, x):
        raise Boom("__contains__")
    def __call__(self):
        raise Boom("__call__")
    def __enter__(self):
        raise Boom("__enter__")
    def __exit__(self, *a):
        return False
b = Bad()
class Good:
    def __hash__(self):
        return 1
    def __eq__(self, o):
        return NotImplemented
actions = {
    "in list": lambda: b in [1, b] if False else [Good(), 2].index(b),
    "== compare": lambda: b == 1,
    "sorted": lambda: sorted([b, b]),
    "len": lambda: len(b),
    "for loop": lambda: [x for x in b],
    "subscript": lambda: b["key"],
    "add": lambda: b + 1,
    "str()": lambda: str(b),
    "f-string": lambda: f"{b}",
    "if": lambda: 1 if b else 0,
    "in operator": lambda: 3 in b,
    "call": lambda: b(),
    "dict lookup": lambda: {Good(): 1}[b],
    "set add": lambda: {Good(), b},
    "max": lambda: max(b, b),
    "list.count": lambda: [Good(), Good()].count(b) if False else [1].count(b),
    "with": lambda: exec("with b: pass", {"b": b}),
    "unpack": lambda: exec("x, y = b", {"b": b}),
    "print": lambda: print(b),
    "not": lambda: not b,
}
for name, fn in actions.items():
    try:
        result = fn()
        print(f"{name:12} -> no error, result {result!r}")
    except Boom as e:
        print(f"{name:12} -> Boom from {e}")
    except Exception as e:
        print(f"{name:12} -> {type(e).__name__}: {e}")
class BadInit:
    def __init__(self, v):
        if v < 0:
            raise ValueError(f"negative value {v}")
        self.v = v
made = []
for v in [1, -1, 2]:
    try:
        made.append(BadInit(v).v)
    except ValueError as e:
        print("constructor failed:", e)
print(made)
class BadRepr:
    def __repr__(self):
        raise Boom("__repr__")
try:
    print([BadRepr()])
except Boom as e:
    print("repr inside list printing:", e)
class BadGetattr:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    hasattr(BadGetattr(), "x")
except KeyError as e:
    print("hasattr propagates non-AttributeError:", repr(e))
print(getattr(type("T", (), {"__getattr__": lambda s, n: (_ for _ in ()).throw(AttributeError(n))})(), "q", "default used"))
