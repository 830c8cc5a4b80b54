# Recursive functions called from hot loops (never inlined without bound), recursion
# depth limits through inlined frames, and loops inside generators calling functions.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def down(n):
    if n == 0:
        return 0
    return 1 + down(n - 1)


def ping(n):
    return pong(n - 1) if n > 0 else 0


def pong(n):
    return ping(n - 1) + 1 if n > 0 else 1


def sq(x):
    return x * x


def gen(n):
    for i in range(n):
        yield sq(i) + 1


def gen_inner(n):
    # the hot loop is inside the generator, between yields
    for j in range(n):
        t = 0
        for i in range(200):
            t += sq(i + j)
            if t > 2000000 and j == 3:
                t = sq(0.5)
        yield t


def nest(depth, x):
    # a loop that calls an inlined function at increasing recursion depth
    if depth > 0:
        return nest(depth - 1, x)
    t = 0
    for i in range(300):
        t += sq(i + x)
    return t


def run():
    s = 0
    for i in range(300):
        s += fib(i % 12)
    print("fib", s)

    d = 0
    for i in range(300):
        d += down(i % 50)
    print("down", d)

    p = 0
    for i in range(300):
        p += ping(i % 20)
    print("pingpong", p)

    print("gen", sum(gen(1000)))
    g = 0
    for v in gen(500):
        g += v
    print("gen loop", g)

    print("gen inner", list(gen_inner(6)))

    sys.setrecursionlimit(120)
    results = []
    for depth in range(90, 125, 5):
        try:
            results.append(nest(depth, 1))
        except RecursionError:
            results.append("RecursionError")
    print("limit", results)
    sys.setrecursionlimit(1000)


run()
