# Extended iterable unpacking and unpacking in calls and literals.
a, *b, c = range(6)
print(a, b, c)
*init, last = "hello"
print(init, last)
first, *rest = [1]
print(first, rest)
head, *mid, tail = (1, 2)
print(head, mid, tail)
(x, *y), z = [1, 2, 3], 4
print(x, y, z)
for p, *q in [(1, 2, 3), (4,), (5, 6)]:
    print(p, q)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = "ab"
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
l1, l2 = [1, 2], (3, 4)
print([*l1, *l2], (*l1, *l2), {*l1, *l2}, [*"ab", *range(2)], [*l1] is not l1, (*l1,))
d1, d2 = {"a": 1, "b": 2}, {"b": 20, "c": 30}
print({**d1, **d2}, {**d2, **d1}, {"z": 0, **d1, "a": -1}, {**{}})
def f(*args, **kwargs):
    return args, kwargs
print(f(*l1, *l2), f(*l1, 9, *l2), f(**d1), f(**d1, **{"c": 3}), f(*"xy", **d2, e=5))
try:
    f(**d1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**[1])
except TypeError as e:
    print("TypeError:", e)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [*zip(*matrix)], max(*[3, 9, 2]))
print(*[1, 2, 3], sep=" - ")
print(*"abc")
print(*[], "empty star ok")
k, v = zip(*{"a": 1, "b": 2}.items())
print(k, v)
a = b = c = 0
a, b = b, a = 1, 2
print(a, b)
x, y = y, x = "XY"
print(x, y)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
(a, b), (c, d) = "ab", "cd"
print(a, b, c, d)
[a, [b, *c]] = [1, [2, 3, 4]]
print(a, b, c)
nums = [5, 3, 8]
mn, *_, mx = sorted(nums)
print(mn, mx, _)
