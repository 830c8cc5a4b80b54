# Iterator-producing builtins: enumerate, zip, map, filter, reversed, iter.
names = ["ann", "bob", "cy"]
ages = [31, 25, 47, 99]
print(list(enumerate(names)), list(enumerate(names, 10)), list(enumerate("")))
print(list(zip(names, ages)), list(zip(names, ages, "XYZW")), list(zip()), list(zip([1])))
try:
    list(zip(names, ages, strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])))
print(list(map(str.upper, names)), list(map(pow, [2, 3, 4], [5, 2, 1])), list(map(lambda a, b: a * b, "abc", range(1, 10))))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda n: n > 30, ages)))
print(list(reversed(names)), list(reversed(range(4))), list(reversed((1, 2))), "".join(reversed("stressed")))
e = enumerate("ab")
print(next(e), next(e), next(e, None), type(e).__name__)
z = zip(range(3), range(3, 6))
print(next(z), list(z), list(z))
m = map(int, "123")
print(next(m), list(m))
f = filter(str.isdigit, "a1b2c3")
print("".join(f))
d = {"x": 1, "y": 2}
print(list(zip(d, d.values())), dict(zip(d.values(), d)), list(enumerate(d.items())))
keys, vals = zip(*d.items())
print(keys, vals)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(map(list, zip(*matrix))), [sum(col) for col in zip(*matrix)])
print(sum(map(len, names)), max(map(len, names)), min(zip(ages, names)), sorted(zip(ages, names), reverse=True))
print(any(map(str.isupper, names)), all(map(str.islower, names)), list(map(abs, filter(lambda n: n < 0, [3, -1, -7, 2]))))
words = "one two three four five six".split()
for i, (w, n) in enumerate(zip(words, map(len, words)), start=1):
    print(i, w, n, "*" * n)
it = iter([1, 2, 3, 4, 5, 6])
print(list(zip(it, it)))
print(list(map(lambda t: t[0] + t[1], zip([1, 2], [10, 20]))))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
print(list(enumerate(zip("ab", "cd"))), list(zip(enumerate("ab"), "xy")))
