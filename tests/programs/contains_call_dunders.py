# __contains__, __call__, __getitem__/__setitem__/__delitem__, __len__, __iter__.
class Range:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __contains__(self, x):
        print(f"  __contains__({x})")
        return self.lo <= x < self.hi
r = Range(1, 5)
print(3 in r, 5 in r, 0 not in r)
class IterOnly:
    def __iter__(self):
        yield from [1, 2, 3]
print(2 in IterOnly(), 4 in IterOnly())
class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0
    def __call__(self, x, *rest, scale=1):
        self.calls += 1
        return (x * self.k + sum(rest)) * scale
m = Multiplier(3)
print(m(2), m(2, 1, 1), m(1, scale=10), m.calls, callable(m), callable(Range), callable(r))
print(list(map(m, [1, 2, 3])), sorted([3, 1, 2], key=Multiplier(-1)))
try:
    r()
except TypeError as e:
    print("TypeError:", e)
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"position {pos} out of range")
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, v):
        self[pos]
        self.cells[pos] = v
    def __delitem__(self, pos):
        del self.cells[pos]
    def __len__(self):
        return len(self.cells)
    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))
g = Grid(5, 3)
g[0, 0] = "#"
g[4, 2] = "@"
g[2, 1] = "*"
for row in g:
    print(row)
print(len(g))
del g[2, 1]
print(len(g), list(g))
try:
    g[9, 9] = "x"
except IndexError as e:
    print("IndexError:", e)
try:
    del g[1, 1]
except KeyError as e:
    print("KeyError:", e)
class Default(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __getitem__(self, k):
        if k not in self:
            self[k] = self.factory()
        return super().__getitem__(k)
dl = Default(list)
dl["a"].append(1)
dl["a"].append(2)
dl["b"].append(3)
print(dict(dl))
class Adder:
    def __call__(self, *a):
        return sum(a)
    def __getitem__(self, k):
        return k * 2
ad = Adder()
print(ad(1, 2, 3), ad[21], ad[1:3] if False else ad["ab"])
class Fn:
    def __init__(self):
        self.__call__ = lambda: "instance attr"
    def __call__(self):
        return "class method"
print(Fn()())
