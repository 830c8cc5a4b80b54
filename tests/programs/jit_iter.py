# `for x in list` / `for x in tuple` stepped inside traces: mutation during iteration,
# empty sequences, mixed item types, exhausted and reused iterators, subclasses.


def squares(values):
    s = 0
    for v in values:
        s += v * v
    return s


def fsquares(values):
    s = 0.0
    for v in values:
        s += v * v
    return s


print("ints", squares(list(range(1000))), squares(tuple(range(1000))))
print("floats", fsquares([i * 0.5 for i in range(1000)]), fsquares(tuple(i * 0.25 for i in range(1000))))
print("empty", squares([]), squares(()), fsquares([]))
for n in range(5):
    print("small", n, squares(list(range(n))), squares(tuple(range(n))))


def grow():
    lst = [1, 2, 3]
    seen = 0
    for x in lst:
        seen += 1
        if len(lst) < 700:
            lst.append(x + 1)
    print("grow", seen, len(lst), lst[-1])


def shrink():
    lst = list(range(900))
    out = []
    for x in lst:
        out.append(x)
        if x % 3 == 0 and lst:
            lst.pop()
    print("shrink", len(out), out[-3:], len(lst))


def clear_midway():
    lst = list(range(600))
    n = 0
    for x in lst:
        n += x
        if x == 400:
            lst.clear()
    print("clear", n)


def replace_items():
    lst = list(range(500))
    total = 0
    for i, x in enumerate(lst):
        if i + 1 < len(lst):
            lst[i + 1] = (x * 3 + 1) % 1000
        total += x
    print("replace", total)


def rebind_name():
    lst = list(range(500))
    total = 0
    for x in lst:
        total += x
        lst = [0]
    print("rebind", total, lst)


def mixed_types():
    items = []
    for i in range(900):
        k = i % 9
        items.append(i if k < 3 else i * 0.5 if k < 6 else str(i) if k < 8 else None)
    ints = floats = strs = nones = 0
    for x in items:
        if x is None:
            nones += 1
        elif isinstance(x, str):
            strs += len(x)
        elif isinstance(x, float):
            floats += x
        else:
            ints += x
    print("mixed", ints, floats, strs, nones)
    t = tuple(items)
    c = 0
    for x in t:
        c += 1
    print("mixed tuple", c)


def type_switch():
    data = list(range(300)) + [0.5] * 300 + [2**80] * 10 + list(range(300))
    s = 0
    for x in data:
        s += x
    print("type switch", s)


def reuse_iterator():
    lst = list(range(700))
    it = iter(lst)
    a = 0
    for x in it:
        a += x
        if x == 350:
            break
    b = 0
    for x in it:
        b += x
    c = 0
    for x in it:
        c += 1
    print("reuse", a, b, c)
    tup = tuple(range(700))
    it = iter(tup)
    for x in it:
        if x == 500:
            break
    print("tuple rest", sum(1 for _ in it))


class MyList(list):
    pass


class Rev(list):
    def __iter__(self):
        return reversed(list.__iter__(self)) if False else iter(list(reversed(self)))


def subclasses():
    s = 0
    for x in MyList(range(500)):
        s += x
    r = []
    for x in Rev(range(400)):
        r.append(x)
    print("subclasses", s, r[:3])


def nested():
    rows = [list(range(i, i + 30)) for i in range(40)]
    total = 0
    for row in rows:
        for x in row:
            total += x
    cols = tuple(tuple(range(j, j + 25)) for j in range(30))
    for col in cols:
        for x in col:
            total -= x
    print("nested", total)


def raising():
    lst = [1, 2, 3, 0, 5] * 100
    out = 0
    errors = 0
    for x in lst:
        try:
            out += 60 // x
        except ZeroDivisionError:
            errors += 1
    print("raising", out, errors)
    try:
        for x in list(range(600)):
            if x == 450:
                raise ValueError(x)
    except ValueError as e:
        print("escaped", e)


def objects():
    class P:
        def __init__(self, v):
            self.v = v

    ps = [P(i) for i in range(500)]
    t = 0
    for p in ps:
        t += p.v
    print("objects", t)


class Sink:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(-x)


class Log(list):
    def append(self, x):
        list.append(self, x * 10)


def appends():
    a, b, c = [], Sink(), Log()
    for i in range(600):
        target = a if i < 300 or i % 3 else (b if i % 2 else c)
        r = target.append(i if i % 5 else i * 0.5)
        if r is not None:
            print("append returned", r)
    print("appends", len(a), sum(a), len(b.items), sum(b.items), len(c), sum(c))
    fl = []
    for i in range(500):
        fl.append(i * 0.25)
        fl.append(2**50 + i if i > 480 else i)
    print("appends typed", len(fl), fl[-4:], sum(fl))


grow()
appends()
shrink()
clear_midway()
replace_items()
rebind_name()
mixed_types()
type_switch()
reuse_iterator()
subclasses()
nested()
raising()
objects()
