# __hash__ and __eq__ determine dict/set membership.
class Key:
    def __init__(self, name, ver):
        self.name, self.ver = name, ver
    def __eq__(self, o):
        print(f"  __eq__ {self.name}{self.ver} vs {o.name}{o.ver}")
        return (self.name, self.ver) == (o.name, o.ver)
    def __hash__(self):
        return hash(self.name)
    def __repr__(self):
        return f"Key({self.name}{self.ver})"
d = {Key("a", 1): "first"}
print(Key("a", 1) in d)
print(Key("a", 2) in d)
d[Key("a", 2)] = "second"
print(len(d), d)
class OnlyEq:
    def __eq__(self, o):
        return True
print(OnlyEq.__hash__)
try:
    {OnlyEq()}
except TypeError as e:
    print("TypeError:", e)
class Default:
    pass
x, y = Default(), Default()
print(hash(x) == hash(x), x in {x}, y in {x}, len({x, y, x}))
class Explicit(OnlyEq):
    __hash__ = object.__hash__
e = Explicit()
print(e in {e}, len({e, e}))
class HashNone:
    __hash__ = None
try:
    hash(HashNone())
except TypeError as ex:
    print("TypeError:", ex)
class Mutable:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return self.v == o.v
m = Mutable(1)
s = {m}
m.v = 2
print(m in s, Mutable(1) in s, Mutable(2) in s, len(s))
class Caseless(str):
    def __eq__(self, o):
        return self.lower() == str(o).lower()
    def __hash__(self):
        return hash(self.lower())
names = {Caseless("Alice"), Caseless("ALICE"), Caseless("bob")}
print(len(names), Caseless("BOB") in names, sorted(str(n) for n in names))
class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as ex:
    print("TypeError:", ex)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
print(hash((1, 2, (3, 4))) == hash((1, 2, (3, 4))), hash(1.0) == hash(1), hash(-1) == hash(-2))
class Cnt:
    hashes = 0
    def __hash__(self):
        Cnt.hashes += 1
        return 7
    def __eq__(self, o):
        return self is o
c = Cnt()
dd = {c: 1}
dd[c] = 2
_ = c in dd
print(Cnt.hashes, dd[c])
