# Generator functions: laziness, state, return, StopIteration.
def countdown(n):
    print("  start countdown", n)
    while n > 0:
        yield n
        n -= 1
    print("  countdown done")
g = countdown(3)
print("created", type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
print(list(g), next(g, "exhausted"))
def gen_return():
    yield 1
    yield 2
    return "final value"
g = gen_return()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(20)])
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
print(take(5, fib()), take(3, "abcdef"), take(10, range(4)))
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def squares(it):
    for x in it:
        yield x * x
print(take(6, squares(evens(fib()))))
def interleave(*its):
    iters = [iter(i) for i in its]
    while iters:
        for it in list(iters):
            try:
                yield next(it)
            except StopIteration:
                iters.remove(it)
print(list(interleave("abc", [1, 2, 3, 4, 5], "XY")))
def gen_with_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("  finally ran")
for v in gen_with_finally():
    print(v)
g = gen_with_finally()
print(next(g))
g.close()
print("closed")
def empty():
    return
    yield
print(list(empty()), list(x for x in []))
def enum(it, start=0):
    n = start
    for x in it:
        yield n, x
        n += 1
print(list(enum("xyz", 1)), dict(enum("ab")))
gen = (c * 2 for c in "hey")
print(iter(gen) is gen, next(gen), list(gen))
def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
print(list(chunks(list(range(11)), 3)), list(chunks("abcdefg", 2)))
