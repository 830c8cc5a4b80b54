# List, dict, set comprehensions and generator expressions, nested and filtered.
print([x * x for x in range(10)])
print([x for x in range(30) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(4) for y in range(x) if (x + y) % 2])
print([[x * y for y in range(1, 5)] for x in range(1, 5)])
print([c.upper() if c in "aeiou" else c for c in "comprehension"])
print({x: x ** 3 for x in range(-3, 4)})
print({w: len(w) for w in "the quick brown fox jumps".split() if len(w) > 3})
print({x % 7 for x in range(100)}, {abs(x) for x in range(-5, 5)})
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]), any(x > 8 for x in range(10)))
print(sorted({ch for ch in "mississippi"}), {k: v for k, v in zip("abc", range(3))})
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
g = (x * 2 for x in range(5))
print(next(g), next(g), list(g), list(g))
print(list(x for x in "abc"), tuple(x for x in range(3)), set(x % 2 for x in range(9)), dict((i, str(i)) for i in range(3)))
pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
words = ["apple", "Banana", "cherry", "date", "Elderberry", "fig"]
print({w[0].lower(): w for w in words}, [w for w in words if w[0].isupper()])
print([i for i, w in enumerate(words) if "e" in w], [(i, w) for i, w in enumerate(words)][::2])
flat = [y for x in [[1, [2]], [3], []] for y in x]
print(flat)
print([[j for j in range(i)] for i in range(5)])
print([x if x > 0 else -x for x in [-2, -1, 0, 1, 2]], [(lambda v: v * 10)(x) for x in range(3)])
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
print(sum(1 for _ in range(1000) if _ % 7 == 0), "".join(str(d) for d in range(10)))
