# Subclassing builtins: list, dict, str, int, tuple, set, Exception.
class History(list):
    def __init__(self, *args, limit=5):
        super().__init__(*args)
        self.limit = limit
    def append(self, x):
        super().append(x)
        while len(self) > self.limit:
            del self[0]
h = History(limit=3)
for i in range(6):
    h.append(i)
print(h, len(h), type(h).__name__, isinstance(h, list), h + [9], type(h + [9]).__name__, h[1:], type(h[1:]).__name__)
class LowerDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def __contains__(self, k):
        return super().__contains__(k.lower())
ld = LowerDict()
ld["Key"] = 1
ld["OTHER"] = 2
print(ld, ld["KEY"], "key" in ld, "KeY" in ld, len(ld), ld.get("key"), ld.get("KEY"))
ld2 = LowerDict(MiXeD=3)
print(ld2, "mixed" in ld2)
class Title(str):
    def __new__(cls, s):
        return super().__new__(cls, s.title())
    def shout(self):
        return self.upper() + "!"
t = Title("hello world")
print(t, t.shout(), len(t), t + "?", type(t + "?").__name__, t.lower(), type(t.lower()).__name__, t == "Hello World")
class Meters(float):
    def __repr__(self):
        return f"{float(self)}m"
    def __add__(self, o):
        return Meters(float(self) + float(o))
d = Meters(1.5) + Meters(2)
print(d, repr(d), [d], d * 2, type(d * 2).__name__, d > 3)
class Flags(int):
    names = ["READ", "WRITE", "EXEC"]
    def __str__(self):
        return "|".join(n for i, n in enumerate(self.names) if self & (1 << i)) or "NONE"
    def __or__(self, o):
        return Flags(int(self) | int(o))
print(Flags(5), Flags(0), Flags(1) | Flags(2), repr(Flags(3)), Flags(7) + 1)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    x = property(lambda self: self[0])
    y = property(lambda self: self[1])
    def __add__(self, o):
        return Point(self.x + o[0], self.y + o[1])
p = Point(1, 2) + Point(3, 4)
print(p, p.x, p.y, type(p).__name__, p == (4, 6), {p: "hashable"}[(4, 6)])
class Tags(set):
    def add(self, item):
        super().add(item.strip().lower())
tg = Tags()
for w in [" Python", "python ", "RUST", "rust", "go"]:
    tg.add(w)
print(sorted(tg), len(tg), type(tg | {"x"}).__name__)
class HTTPError(Exception):
    def __init__(self, status, reason):
        super().__init__(status, reason)
        self.status = status
    def __str__(self):
        return f"HTTP {self.args[0]}: {self.args[1]}"
try:
    raise HTTPError(404, "Not Found")
except HTTPError as e:
    print(e, e.status, e.args, repr(e))
class DefaultList(list):
    def __getitem__(self, i):
        try:
            return super().__getitem__(i)
        except IndexError:
            return None
dl = DefaultList([1, 2])
print(dl[0], dl[5], dl[-1], dl[0:1])
