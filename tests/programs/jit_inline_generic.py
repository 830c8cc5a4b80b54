# Inlined functions whose statements need the interpreter (calls to builtins and to
# functions that cannot be inlined, string and container operations, attribute access
# on modules), including exceptions raised there and calls nested past the depth limit.
import sys


def label(i):
    return "item" + str(i)


def collect(acc, x):
    acc.append(x * 2)
    return len(acc)


def lookup(d, k):
    return d[k] + 1


def risky(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        return -1


def uses_risky(x):
    return risky(x) + 1


def a1(x):
    return a2(x) + 1


def a2(x):
    return a3(x) + 1


def a3(x):
    return a4(x) + 1


def a4(x):
    return a5(x) + 1


def a5(x):
    return x


def maxlen(xs):
    return max(len(x) for x in xs)


def platform_len():
    return len(sys.platform) > 0


class Box:
    def __init__(self):
        self.items = []

    def put(self, v):
        self.items.append(v)
        return self


def run():
    names = []
    for i in range(600):
        names.append(label(i))
    print(names[0], names[599], len(names))

    acc = []
    n = 0
    for i in range(600):
        n = collect(acc, i)
    print(n, acc[-1], sum(acc))

    d = {i: i * i for i in range(500)}
    t = 0
    for i in range(600):
        try:
            t += lookup(d, i)
        except KeyError as e:
            t -= 1
            if i == 599:
                print("keyerror", repr(e))
    print(t)

    r = 0
    for i in range(-300, 300):
        r += uses_risky(i)
    print(r)

    deep = 0
    for i in range(600):
        deep += a1(i)
    print(deep)

    m = 0
    for i in range(300):
        m += maxlen(["a", "bb", "c" * (i % 7)])
    print(m)

    ok = 0
    for i in range(300):
        if platform_len():
            ok += 1
    print(ok)

    b = Box()
    for i in range(600):
        b.put(i).put(-i)
    print(len(b.items), b.items[-2:])


run()
