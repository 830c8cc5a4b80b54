# weird but valid syntax
fs = {"a": lambda f: f}
@fs["a"]
def one(): return 1
print(one())
@(lambda f: (lambda *a, **k: ("wrapped", f(*a, **k))))
def two(x): return x * 2
print(two(4))
class D:
    def __init__(self, tag): self.tag = tag
    def __call__(self, f):
        f.tag = self.tag
        return f
deco_list = [D("first"), D("second")]
@deco_list[0 if True else 1]
@D("x" + "y").__call__
def three(): pass
print(three.tag)
x = 5
print(f"{f'{x:>{x}}'!r}")
print(f"{'nested ' + f'{x * 2}'}")
print(f"{x:{'0'}{'>'}{x + 1}}")
w = 10
print(f"{w!r:>{w}}|{w:#{'x'}}")
vals = [y for x in range(6) if (y := x * x) % 2 == 0]
print(vals, y)
print([last := i for i in range(4)], last)
data = [1, 2, 3, 4]
if (n := len(data)) > 3:
    print(f"long list {n}")
while (chunk := data[:2]):
    data = data[2:]
    print(chunk)
print([(a, b) for a in range(3) for b in range(a) if a != b])
print({k: v for k, v in zip("abc", range(3)) if v}, {v % 3 for v in range(10)})
a, *b, c = *range(3), *"xy"
print(a, b, c)
[p, q], r = "ab", 3
print(p, q, r)
first, = [42]
print(first)
((x1, y1), (x2, y2)) = ((1, 2), (3, 4))
print(x1 + x2, y1 * y2)
for i, (j, *k) in enumerate([(1, 2, 3), (4,)]):
    print(i, j, k)
print(*(i for i in range(3)), sep=",")
d = {**{"a": 1}, **dict(b=2)}
print(d, [*d], (*d.values(),))
fns = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fns])
fns2 = [lambda: i for i in range(3)]
print([f() for f in fns2])
class C:
    base = 10
    items = [base * 2]
    squares = [v * v for v in range(4)]
    try:
        bad = [base + v for v in range(2)]
    except NameError as e:
        err = str(e)
    pairs = {k: k * 2 for k in "ab"}
print(C.items, C.squares, C.err, C.pairs)
x = 1 if False else 2 if False else 3
print(x, (lambda: (yield))().__class__.__name__ if False else "skip")
print((1, 2) + (3,), [1] * 3 + [2], "-" * 3 + ">")
print(not 1 == 2, not (1 == 2) and 3, 0 or "" or None or "last", 1 and 2 and 3)
print(type(...).__name__, ... is Ellipsis, "e")
def ann(a: "int" = 1, *args: int, b: str = "x", **kw: float) -> list:
    return [a, args, b, kw]
print(ann(), ann.__annotations__["return"], sorted(ann.__annotations__))
xs: list = []
y2: int
print(xs, "y2" in dir())
print(1 if [] else 0, [] or [1], () == tuple(), {} == dict())
lam = lambda *a, k=3, **kw: (a, k, kw)
print(lam(1, 2, k=4, z=5), lam())
print((lambda x: lambda y: x + y)(3)(4))
n = 0
n += (m := 5)
print(n, m)
print([[j for j in range(i)] for i in range(4)])
print(sum(x for x in range(10) if x % 2 if x > 3))
matrix = [[1, 2], [3, 4]]
print([v for row in matrix for v in row], list(zip(*matrix)), [*map(list, zip(*matrix))])
print(0x10, 0o10, 0b10, 1_0, 1e1_0 == 1e10, 0.1_5)
print("a" "b" 'c' """d""", r"\n", b"x" b"y", f"{1}" "2" f"{3}")
if 1: print("one-line if"); print("second stmt")
for _ in range(2): pass
else: print("for-else")
i = 0
while i < 3: i += 1
print(i)
class E: pass
class F(E,): pass
print(F.__mro__[1].__name__)
