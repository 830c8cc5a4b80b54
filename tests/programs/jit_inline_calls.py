# Calls to small Python functions and methods inlined into traces of hot loops.


def square_plus_one(x):
    return x * x + 1


def scale(x, k=3, bias=0.5):
    return x * k + bias


def hyp2(a, b):
    return a * a + b * b


def outer(x):
    # nested inlining: outer -> middle -> inner
    return middle(x) + 1


def middle(x):
    return inner(x) * 2


def inner(x):
    return x - 7


def pick(flag, a, b):
    if flag:
        return a
    return b


def no_return(x):
    x + 1


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def get_x(self):
        return self.x

    def set_x(self, v):
        self.x = v

    def move(self, dx, dy):
        self.x = self.x + dx
        self.y = self.y + dy

    def norm2(self):
        return hyp2(self.x, self.y)


class Point3(Point):
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z


def run():
    total = 0
    for i in range(1000):
        total += square_plus_one(i)
    print("ints", total)

    acc = 0.0
    for i in range(1000):
        acc += scale(i * 0.25)
    print("floats", acc)

    acc2 = 0.0
    for i in range(1000):
        acc2 += scale(i, 2) + scale(1.5, bias=1.0) + scale(i, 0.5, 0.25)
    print("defaults", acc2)

    kw = 0.0
    for i in range(1000):
        kw += scale(x=i, k=2) + scale(i, bias=-1) + scale(bias=0.0, k=i, x=1)
    print("keywords", kw)

    errs = 0
    for i in range(1000):
        try:
            kw += scale(i, 1, 2, 3) if i % 250 == 0 else scale(i, kk=1) if i % 333 == 0 else scale(i)
        except TypeError as e:
            errs += 1
            last = str(e)
    print("bad calls", errs, last, kw)

    n = 0
    for i in range(1000):
        n += outer(i)
    print("nested", n)

    m = 0
    for i in range(1000):
        m += pick(i % 3 == 0, i, -1)
    print("branchy", m)

    nones = 0
    for i in range(1000):
        if no_return(i) is None:
            nones += 1
    print("none", nones)

    p = Point(0, 0)
    s = 0
    for i in range(1000):
        p.move(1, dy=2)
        p.set_x(p.get_x() + 1)
        s += p.norm2()
    print("methods", p.x, p.y, s)

    q = Point3(0.5, 1.5, 2.0)
    f = 0.0
    for i in range(1000):
        q.move(0.25, -0.5)
        f += q.get_x() * q.z
    print("inherited", q.x, q.y, f)

    # the same method on instances of two classes (class guard fails, other path)
    pts = [Point(1, 2), Point3(3, 4, 5)]
    t = 0
    for i in range(1000):
        t += pts[i % 2].get_x()
    print("poly", t)


run()
