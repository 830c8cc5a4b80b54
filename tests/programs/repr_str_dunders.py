# __repr__, __str__, and how containers and print use them.
class Both:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Both(v={self.v!r})"
    def __str__(self):
        return f"<{self.v}>"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "str-only"
b = Both("x")
print(b, str(b), repr(b), [b], (b,), {b: b}, {"k": b}, f"{b} {b!r}")
print(ReprOnly(), str(ReprOnly()), [ReprOnly()])
print(StrOnly(), str(StrOnly()), "%s" % StrOnly(), repr(StrOnly()).startswith("<__main__.StrOnly object at "))
class Tree:
    def __init__(self, val, *kids):
        self.val, self.kids = val, list(kids)
    def __repr__(self):
        if not self.kids:
            return f"Tree({self.val!r})"
        return f"Tree({self.val!r}, {', '.join(map(repr, self.kids))})"
    def __str__(self, depth=0):
        lines = ["  " * depth + str(self.val)]
        for k in self.kids:
            lines.append(k.__str__(depth + 1))
        return "\n".join(lines)
t = Tree("root", Tree("a", Tree("a1"), Tree("a2")), Tree("b"))
print(repr(t))
print(t)
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\\"), repr("\n\t\r"), repr("\x07\x1b"))
print(repr([1, "two", 3.0, None, True, (4,), {5: [6]}]), repr({1, 2}), repr(frozenset()), repr(set()))
print(repr(b"bytes\x00"), repr(bytearray(b"ba")), repr(range(3)), repr(slice(1, 2)), repr(...), repr(NotImplemented))
print(repr(int), repr(str), repr(Both), repr(type(None)), repr(KeyError), repr(KeyError("k")), repr(ValueError("a", 1)))
print(str(KeyError("k")), str(ValueError("a", 1)), str(ValueError()), str(ValueError("only")), repr(Exception()))
class RecursiveList(list):
    pass
rl = RecursiveList([1])
rl.append(rl)
print(rl)
d = {"self": None}
d["self"] = d
print(d)
class Inherit(Both):
    pass
print(Inherit(3), repr(Inherit(3)))
class Wrapper:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"{type(self).__name__}({self.x!r})"
class Special(Wrapper):
    pass
print(Wrapper([1, 2]), Special("s"), [Special(Wrapper(1))])
print(str(1.0), repr(1.0), str("s"), repr("s"), str(None), repr(True), str(-0.0), repr(1e-7), str(10 ** 21 * 1.0))
