# Tuples: packing, unpacking, methods, immutability, hashing.
t = (1, "two", 3.0, None, (5, 6))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-1], t.count(1), t.index(3.0))
print((), (1,), tuple(), tuple([1, 2]), tuple("abc"), tuple(range(3)), 1, 2)
single = 1,
print(single, type(single).__name__, (1) == 1, (1,) == 1)
a, b, c = 1, 2, 3
a, b = b, a
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
print((1, 2) + (3,), (0,) * 4, (1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 99), () < (0,))
print(hash((1, 2, 3)) == hash((1, 2, 3)), {(1, 2): "pt"}[(1, 2)], (1, [2]) == (1, [2]))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    t.index("missing")
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c, d = (1, 2)
except ValueError as e:
    print("ValueError:", e)
m = ([1], [2])
m[0].append(99)
print(m)
points = [(3, 1), (1, 2), (3, 0), (2, 2)]
print(sorted(points), max(points), min(points, key=lambda p: p[1]))
for i, (px, py) in enumerate(points):
    print(i, px, py, px * py)
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([5, 3, 9, 1])
print(lo, hi, minmax("hello"))
print(tuple.__name__, (1, 2).__len__(), (1, 2).__getitem__(0), (3, 4).__add__((5,)))
print(sum((1, 2, 3)), list(zip((1, 2), ("a", "b"))), dict([(1, "a"), (2, "b")]))
t2 = t
t2 += (7,)
print(t, t2, t is t2)
