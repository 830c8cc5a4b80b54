# exceptions raised from inside dunder methods propagate through builtins
class Boom(Exception):
    pass
class BadEq:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        if self.v == 3:
            raise Boom("eq exploded")
        return isinstance(o, BadEq) and o.v == self.v
    def __hash__(self):
        if self.v == 4:
            raise Boom("hash exploded")
        return hash(self.v)
    def __lt__(self, o):
        if 5 in (self.v, o.v):
            raise Boom("lt exploded")
        return self.v < o.v
    def __repr__(self): return f"B{self.v}"
class BadIter:
    def __iter__(self):
        yield 1
        yield 2
        raise Boom("iter exploded")
class BadLen:
    def __len__(self):
        raise Boom("len exploded")
class BadBool:
    def __bool__(self):
        raise Boom("bool exploded")
class BadRepr:
    def __repr__(self):
        raise Boom("repr exploded")
class BadStr:
    def __str__(self):
        raise Boom("str exploded")
class BadFormat:
    def __format__(self, spec):
        raise Boom(f"format exploded with {spec!r}")
class BadIndex:
    def __index__(self):
        raise Boom("index exploded")
class BadGetitem:
    def __getitem__(self, i):
        if i == 2:
            raise Boom("getitem exploded")
        return i
class BadNext:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i == 3:
            raise Boom("next exploded")
        return self.i
class BadInit:
    created = 0
    def __init__(self):
        BadInit.created += 1
        raise Boom("init exploded")
cases = [
    ("list.index", lambda: [BadEq(1), BadEq(3), BadEq(2)].index(BadEq(2))),
    ("in list", lambda: BadEq(9) in [BadEq(1), BadEq(3)]),
    ("list.count", lambda: [BadEq(3)].count(BadEq(3))),
    ("list.remove", lambda: [BadEq(1), BadEq(3)].remove(BadEq(7))),
    ("set add", lambda: {BadEq(1), BadEq(4)}),
    ("dict key", lambda: {BadEq(4): 1}),
    ("dict lookup eq", lambda: {BadEq(3): 1}[BadEq(3)]),
    ("sorted", lambda: sorted([BadEq(2), BadEq(5), BadEq(1)])),
    ("max", lambda: max([BadEq(2), BadEq(5)])),
    ("list()", lambda: list(BadIter())),
    ("sum", lambda: sum(BadIter())),
    ("for", lambda: [x for x in BadIter()]),
    ("tuple unpack", lambda: (lambda a, b, c: 0)(*BadIter())),
    ("len", lambda: len(BadLen())),
    ("bool via len", lambda: bool(BadLen())),
    ("if", lambda: "yes" if BadBool() else "no"),
    ("not", lambda: not BadBool()),
    ("and", lambda: BadBool() and 1),
    ("or short", lambda: 1 or BadBool()),
    ("while", lambda: exec("while b: pass", {"b": BadBool()})),
    ("repr list", lambda: repr([1, BadRepr()])),
    ("print", lambda: print(BadStr())),
    ("str list uses repr", lambda: str([BadStr()]) != "" and "ok"),
    ("fstring", lambda: f"{BadFormat():>5}"),
    ("format()", lambda: format(BadFormat(), "x")),
    ("slice", lambda: [1, 2, 3][BadIndex():]),
    ("range", lambda: range(BadIndex())),
    ("old iter protocol", lambda: list(BadGetitem())),
    ("zip", lambda: list(zip(BadNext(), "abcdef"))),
    ("enumerate", lambda: list(enumerate(BadNext()))),
    ("dict from pairs", lambda: dict((k, k) for k in BadNext())),
    ("init", lambda: BadInit()),
    ("sorted key raising", lambda: sorted([3, 1, 2], key=lambda v: 1 / (v - 2))),
    ("map lazy", lambda: list(map(lambda v: 10 // v, [5, 1, 0, 3]))),
    ("filter lazy", lambda: list(filter(lambda v: 1 / v, [1, 0]))),
]
for name, fn in cases:
    try:
        r = fn()
        print(f"{name:20} ok {r!r}")
    except Boom as e:
        print(f"{name:20} Boom: {e}")
    except Exception as e:
        print(f"{name:20} {type(e).__name__}: {e}")
print("BadInit created", BadInit.created)
lst = [BadEq(4), BadEq(2), BadEq(5), BadEq(1), BadEq(3)]
try:
    lst.sort()
except Boom as e:
    print("sort failed:", e, "list still has", len(lst), "items:", sorted(b.v for b in lst))
