# Guards of inlined calls failing mid-loop: a method replaced on the class, a global
# function rebound, an argument changing type, int overflow inside the callee, defaults
# reassigned, an instance attribute shadowing the method.


def add_one(x):
    return x + 1


def add_two(x):
    return x + 2


def mul(a, b):
    return a * b


def with_default(x, d=10):
    return x + d


class Counter:
    def __init__(self):
        self.n = 0

    def step(self, k):
        self.n = self.n + k
        return self.n


def step_twice(self, k):
    self.n = self.n + 2 * k
    return -self.n


def run():
    global add_one
    total = 0
    for i in range(1000):
        if i == 600:
            add_one = add_two
        total += add_one(i)
    print("rebound", total)

    c = Counter()
    s = 0
    for i in range(1000):
        if i == 700:
            Counter.step = step_twice
        s += c.step(i)
    print("replaced", s, c.n)

    vals = []
    for i in range(1000):
        x = i if i < 500 else i * 0.5
        if i >= 800:
            x = str(i)
        vals.append(mul(x, 2))
    print("types", vals[10], vals[600], vals[900])

    big = 0
    for i in range(1000):
        big = mul(big + 1, 3) if i < 60 else big
    print("overflow", big)
    b = 1
    for i in range(200):
        b = mul(b, 1 << 20)
    print("overflow2", b % 1000003, b.bit_length())

    w = 0
    for i in range(1000):
        if i == 400:
            with_default.__defaults__ = (1000,)
        w += with_default(i)
    print("defaults", w)

    c2 = Counter()
    r = 0
    for i in range(1000):
        if i == 300:
            c2.step = lambda k: 1
        r += c2.step(i)
    print("shadowed", r, c2.n)


run()
