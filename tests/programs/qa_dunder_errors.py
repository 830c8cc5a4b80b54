# misbehaving dunders and the errors CPython raises for them
class BadBool:
    def __bool__(self):
        return 1
class BadLen:
    def __len__(self):
        return -1
class BigLen:
    def __len__(self):
        return 2 ** 70
class FloatLen:
    def __len__(self):
        return 2.0
class BadRepr:
    def __repr__(self):
        return 42
class BadStr:
    def __str__(self):
        return None
class BadHash:
    def __hash__(self):
        return "x"
class BadInit:
    def __init__(self):
        return 5
class BadIter:
    def __iter__(self):
        return [1, 2]
class BadIndex:
    def __index__(self):
        return 1.5
class GoodIndex:
    def __index__(self):
        return 2
class BadInt:
    def __int__(self):
        return "3"
class BadFloat:
    def __float__(self):
        return 1
class NoLt:
    pass
class OnlyLt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"O{self.v}"
tests = [
    ("bool", lambda: bool(BadBool())),
    ("if", lambda: 1 if BadBool() else 0),
    ("len neg", lambda: len(BadLen())),
    ("len big", lambda: len(BigLen())),
    ("len float", lambda: len(FloatLen())),
    ("bool via len", lambda: bool(BadLen())),
    ("repr", lambda: repr(BadRepr())),
    ("str", lambda: str(BadStr())),
    ("print repr in list", lambda: str([BadRepr()])),
    ("hash", lambda: hash(BadHash())),
    ("init", lambda: BadInit()),
    ("iter", lambda: iter(BadIter())),
    ("for", lambda: [x for x in BadIter()]),
    ("index bad", lambda: [1, 2, 3][BadIndex()]),
    ("index good", lambda: [1, 2, 3][GoodIndex()]),
    ("bin good", lambda: bin(GoodIndex()) + hex(GoodIndex())),
    ("range good", lambda: list(range(GoodIndex()))),
    ("slice good", lambda: "abcdef"[GoodIndex():GoodIndex() * 2]),
    ("int", lambda: int(BadInt())),
    ("float", lambda: float(BadFloat())),
    ("lt", lambda: NoLt() < NoLt()),
    ("le only lt", lambda: OnlyLt(1) <= OnlyLt(2)),
    ("gt via reflected", lambda: OnlyLt(1) > OnlyLt(2)),
    ("sorted only lt", lambda: sorted([OnlyLt(3), OnlyLt(1)])),
    ("max only lt", lambda: max([OnlyLt(3), OnlyLt(1)])),
    ("mul list", lambda: [1] * GoodIndex()),
    ("mul list float", lambda: [1] * 2.0),
    ("neg", lambda: -NoLt()),
    ("call", lambda: NoLt()()),
    ("getitem", lambda: NoLt()[0]),
    ("setitem", lambda: exec("x = NoLt(); x[0] = 1", {"NoLt": NoLt})),
    ("delitem", lambda: exec("del x[0]", {"x": (1,)})),
    ("contains", lambda: 1 in NoLt()),
    ("unpack", lambda: exec("a, b = NoLt()", {"NoLt": NoLt})),
    ("len of int", lambda: len(5)),
    ("abs str", lambda: abs("x")),
    ("round str", lambda: round("x")),
    ("pow mod float", lambda: pow(2.0, 3, 5)),
    ("str + None", lambda: "a" + None),
    ("list + tuple", lambda: [1] + (2,)),
    ("dict + dict", lambda: {} + {}),
    ("set + set", lambda: {1} + {2}),
    ("int()", lambda: int([1])),
    ("float()", lambda: float([1])),
    ("iter int", lambda: iter(5)),
    ("next list", lambda: next([])),
    ("bytes neg", lambda: bytes([-1])),
    ("chr big", lambda: chr(0x110000)),
    ("zip strict", lambda: list(zip([1, 2], [1], strict=True))),
    ("sum strings", lambda: sum(["a", "b"], "")),
    ("max empty", lambda: max([])),
    ("max noarg", lambda: max()),
    ("min default", lambda: min([], default="d")),
    ("divmod str", lambda: divmod("a", 1)),
    ("isinstance bad", lambda: isinstance(1, 5)),
    ("issubclass bad", lambda: issubclass(5, int)),
    ("getattr int name", lambda: getattr(1, 2)),
    ("setattr builtin", lambda: setattr(5, "x", 1)),
    ("setattr type", lambda: setattr(int, "x", 1)),
    ("hash list", lambda: hash([1])),
    ("hash dict key", lambda: {[1]: 2}),
    ("set of sets", lambda: {{1}}),
]
for name, fn in tests:
    try:
        r = fn()
        print(f"{name:20} -> {r!r}")
    except Exception as e:
        print(f"{name:20} !! {type(e).__name__}: {e}")
