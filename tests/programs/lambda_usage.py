# Lambdas: closures, defaults, immediate calls, higher-order use.
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
print(list(map(lambda x: x * 3, range(5))), list(filter(lambda s: s.startswith("a"), ["ab", "ba", "ac"])))
adders = [lambda x, n=n: x + n for n in range(4)]
print([f(100) for f in adders])
late = [lambda x: x + n for n in range(4)]
print([f(100) for f in late])
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: len(p[1])))
compose = lambda f, g: lambda x: f(g(x))
h = compose(lambda x: x + 1, lambda x: x * 2)
print(h(5), compose(str, sq)(12), (lambda f: f(f))(lambda f: 42))
Y = lambda f: (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))
fact = Y(lambda self: lambda n: 1 if n == 0 else n * self(n - 1))
print(fact(10), [fact(i) for i in range(6)])
cond = lambda x: "neg" if x < 0 else "zero" if x == 0 else "pos"
print([cond(v) for v in (-2, 0, 3)])
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
expr = [(8, "+", 2), (8, "-", 2), (8, "*", 2), (8, "/", 2)]
print([ops[op](a, b) for a, op, b in expr])
f = lambda: (yield 1)
print(type(f()).__name__, list(f()))
print((lambda x, /, y, *, z: (x, y, z))(1, y=2, z=3))
print(sq.__name__, (lambda: 0).__qualname__)
counter = 0
def bump():
    global counter
    counter += 1
    return counter
run = lambda: [bump() for _ in range(3)]
print(run(), counter)
