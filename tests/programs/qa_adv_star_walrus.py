# star-unpacking and walrus in unusual positions
class Grid:
    def __getitem__(self, key):
        return key
g = Grid()
t = (1, 2)
print(g[*t], g[0, *t], g[*t, *t], g[1:2, *t])
def f(*args, **kw):
    return args, kw
print(f(*[], *(), **{}), f(*"ab", *b"c"), f(**{"a": 1}, **{"b": 2}))
for a, *rest in [(1, 2, 3), (4,), "xyz"]:
    print(a, rest)
for (a, b), *c in [((1, 2), 3, 4)]:
    print(a, b, c)
def ret():
    rest = [3, 4]
    return 1, 2, *rest
print(ret())
s = {*range(3), *"ab"} - {"a"}
print(sorted(s, key=str))
print([*{"k": 1, "j": 2}], {**dict.fromkeys("ab")}, (*"x",))
x = [*[*[*[1]]]]
print(x)
def counter():
    total = 0
    data = [3, 1, 4, 1, 5, 9, 2, 6]
    running = [total := total + v for v in data]
    big = [y for v in data if (y := v * 10) > 30]
    return total, running, big, y
print(counter())
def nested():
    out = [[(last := i * j) for j in range(3)] for i in range(3)]
    return out, last
print(nested())
vals = [1, 5, 2, 8, 3]
if any((hit := v) > 4 for v in vals):
    print("first >4:", hit)
if all((miss := v) < 10 for v in vals):
    print("all <10, last checked:", miss)
print((n := 10) * 2, n)
fn = lambda v: (w := v + 1) * w
print(fn(3))
print([(i, sq) for i in range(6) if (sq := i * i) % 2 == 0])
data = {"a": [1, 2], "b": []}
while (items := data.get("a")) and len(items) < 4:
    items.append(len(items) + 1)
print(data)
def gen():
    yield (first := 1)
    yield first + 1
print(list(gen()))
a, *b = c, *d = [1, 2, 3]
print(a, b, c, d)
[p, *q], r = "hello", "w"
print(p, q, r)
*init, (u, v) = [1, 2, (3, 4)]
print(init, u, v)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    x, y = {"one": 1}
except ValueError as e:
    print("ValueError:", e)
m, n = {"one": 1, "two": 2}
print(m, n)
print(max(*[3, 9, 2]), min(*"hello"), print(*(), sep="-") is None)
print(dict(**{"a": 1}, b=2, **{"c": 3}), {**{1: "x"}, 1: "y"}, {1: "y", **{1: "x"}})
