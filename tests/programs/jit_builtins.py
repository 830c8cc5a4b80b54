# Builtins specialized by the tracing JIT: len, abs, min, max, isinstance, int, float,
# and math.sqrt/fabs/floor/ceil/trunc. Every loop runs long enough to be compiled at the
# default threshold, and changes the types or values it sees midway.
import math


def show(*xs):
    print(" ".join(f"{type(x).__name__}:{x!r}" for x in xs))


def len_growing():
    lst = []
    total = 0
    for i in range(600):
        lst.append(i)
        total += len(lst)
        if len(lst) > 400:
            del lst[:100]
    print("len growing", total, len(lst))


def len_kinds():
    things = [[1, 2, 3], (4, 5), "héllo", {"a": 1, "b": 2}, {1, 2, 3, 4}, frozenset([1]), "", [], ()]
    total = 0
    for rep in range(300):
        for t in things:
            total += len(t)
    print("len kinds", total)
    d = {}
    acc = 0
    for i in range(500):
        d[i % 37] = i
        acc += len(d)
        if i % 50 == 0:
            d.clear()
    print("len dict", acc)

    class L(list):
        def __len__(self):
            return 42

    mixed = [[1], L([1, 2]), (1, 2, 3), "ab", range(7), b"xyz"]
    acc = 0
    for i in range(400):
        acc += len(mixed[i % 6])
    print("len mixed", acc)
    ba = bytearray()
    acc = 0
    for i in range(500):
        ba.append(i % 256)
        acc += len(ba) + len(b"abc") + len(range(i, 1000, 3)) + len(range(i, -7, -2)) + len(range(0))
    print("len bytes/range", acc, len(range(-(2**70), 5)) if False else len(range(2**40)))
    big = 0
    for i in range(300):
        r = range(2**62 * (i // 250), 2**63 + 2**62 * (i // 250) + 1) if i % 7 else range(i)
        try:
            big += len(r)
        except OverflowError:
            big -= 1
    print("len big range", big)


def abs_cases():
    total = 0
    for i in range(-300, 300):
        total += abs(i * 7 - 3)
    print("abs ints", total)
    m = -(2**40)
    out = []
    for i in range(2**23 - 300, 2**23 + 3):
        x = m * i
        out.append(abs(x))
    print("abs near i64::MIN", out[-5:], type(out[-1]).__name__)
    fl = 0.0
    vals = [-1.5, 2.25, -0.0, 0.0, float("inf"), -float("inf")]
    for i in range(600):
        fl += abs(vals[i % 4])
    print("abs floats", fl)
    res = []
    for i in range(300):
        v = vals[i % 6] if i < 290 else float("nan")
        res.append(abs(v))
    print("abs special", res[:6], res[-1])
    b = 0
    for i in range(300):
        b += abs(i % 3 == 0) + abs(-2**70 if i == 250 else -i)
    print("abs bool/big", b)


def min_max_cases():
    t = 0
    for i in range(500):
        t += min(i, 250) + max(i, 100) + min(i, 300, 200) + max(7, i, 480)
    print("minmax ints", t)
    nan = float("nan")
    pairs = [(1.0, 2.0), (2.0, 1.0), (0.0, -0.0), (-0.0, 0.0), (nan, 1.0), (1.0, nan), (3.0, 3.0)]
    seen = []
    for i in range(420):
        a, b = pairs[i % 7]
        seen.append((min(a, b), max(a, b), min(a, b, -1.0), max(a, 0.5, b)))
    for row in seen[:7]:
        show(*row)
    mixed = [(1, 1.0), (1.0, 1), (2, 1.5), (1.5, 2), (-3, -3.0), (2**60, 1.0), (1.0, 2**60), (2**53 + 1, 2.0**53)]
    out = []
    for i in range(480):
        a, b = mixed[i % 8]
        out.append((min(a, b), max(a, b), max(a, b, 0), min(0.5, a, b)))
    for row in out[:8]:
        show(*row)
    acc = 0.0
    for i in range(600):
        acc += min(i * 0.5, 100) + max(50, i * 0.25)
    show(acc)
    s = []
    for i in range(300):
        s.append(max("a" * (i % 3), "b") + min([i % 2], [1]).__repr__())
    print(s[:4])
    big = 0
    for i in range(300):
        big += max(i, 2**64 if i > 280 else 0)
    print("max big", big)


class A:
    pass


class B(A):
    pass


class C:
    pass


class Proxy:
    @property
    def __class__(self):
        return A


def isinstance_cases():
    objs = [1, 2.5, "s", True, None, A(), B(), C(), [1], (1,), Proxy()]
    counts = [0] * 8
    for rep in range(60):
        for o in objs:
            counts[0] += isinstance(o, int)
            counts[1] += isinstance(o, float)
            counts[2] += isinstance(o, A)
            counts[3] += isinstance(o, B)
            counts[4] += isinstance(o, (int, str))
            counts[5] += isinstance(o, (C, list, tuple))
            counts[6] += isinstance(o, object)
            counts[7] += isinstance(o, bool)
    print("isinstance", counts)
    x = A()
    hits = 0
    for i in range(500):
        if i == 250:
            x.__class__ = C
        if i == 400:
            x.__class__ = B
        hits += isinstance(x, A) * 1 + isinstance(x, C) * 10 + isinstance(x, B) * 100
    print("class reassigned", hits)

    class D:
        pass

    class E(D):
        pass

    class F:
        pass

    e = E()
    n = 0
    for i in range(500):
        if i == 300:
            E.__bases__ = (F,)
        n += isinstance(e, D) + 2 * isinstance(e, F)
    print("bases changed", n)


def type_and_ord():
    objs = [1, 2.5, "s", True, None, A(), B(), [1], (1,), Proxy(), 2**70, False]
    names = []
    for rep in range(50):
        for o in objs:
            t = type(o)
            if rep == 0:
                names.append(t.__name__)
            if type(o) is int and rep == 1:
                names.append("int!")
    print("type", names)
    x = A()
    n = 0
    for i in range(400):
        if i == 200:
            x.__class__ = B
        n += (type(x) is A) + 2 * (type(x) is B)
    print("type reassigned", n)
    text = "Hello, wörld! ☃ " * 40 + "z"
    acc = 0
    for ch in text:
        acc = (acc * 31 + ord(ch)) % 1000003
    print("ord", acc)
    bad = []
    for i, s in enumerate(["a", "b", "ab", "", "\U0001f600", "c"] * 50):
        try:
            bad.append(ord(s))
        except TypeError as e:
            bad.append(str(e)[:40])
    print("ord odd", bad[:6])


def conversions():
    vals = [0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 2.7, -2.7, 0.0, -0.0, 1e15 + 0.5, -3.0, 123456.999]
    rows = []
    for i in range(520):
        v = vals[i % 13]
        rows.append((int(v), math.floor(v), math.ceil(v), math.trunc(v), float(i), float(v)))
    for row in rows[:13]:
        show(*row)
    tot = 0
    for i in range(500):
        v = (i - 250) * 0.37
        tot += int(v) + math.floor(v) * 3 + math.ceil(v) * 5 + math.trunc(v) * 7 + int(i) + math.floor(i)
    print("conv total", tot)
    big = [1e20, -1e20, 2.0**51, -(2.0**51), 2.0**51 - 1, float("inf"), float("nan")]
    out = []
    for i in range(350):
        v = big[i % 7] if i >= 300 else i * 1.5
        try:
            out.append(int(v))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
        try:
            out.append(math.floor(v))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print("conv big", out[-14:])


def math_cases():
    s = 0.0
    for i in range(600):
        s += math.sqrt(i) + math.fabs(i - 300) + math.sqrt(i * 0.25) + math.fabs(-i * 0.5)
    print("sqrt/fabs", s)
    vals = [4.0, 2.0, 0.0, -0.0, float("inf"), float("nan"), 9, -1.0, -4]
    out = []
    for i in range(450):
        v = vals[i % 9]
        try:
            out.append(math.sqrt(v))
        except ValueError as e:
            out.append(str(e))
    print("sqrt special", out[:9])
    sq = math.sqrt
    res = 0.0
    for i in range(500):
        if i == 300:
            math.sqrt = math.fabs
        res += math.sqrt(-i * 1.0 if i >= 300 else i * 1.0)
    math.sqrt = sq
    print("sqrt rebound", res)
    acc = 0.0
    for i in range(1, 600):
        x = i * 0.01
        acc += math.sin(x) * math.cos(i) + math.log(x) + math.exp(-x) + math.atan2(x, i) + math.hypot(x, 3)
        acc += math.log(i, 2) + math.pow(x, 2) + math.fmod(i, 7.5) + math.copysign(1, -x) + math.tanh(x)
    print("math floats", acc)
    errs = []
    args = [(1.0, 2.0), (0.0, 1.0), (-1.0, 2.0), (1000.0, 0.0), (2.0, 0.0), (1, 0), (10**5, 3)]
    for i in range(420):
        a, b = args[i % 7]
        row = []
        for f in (math.log, math.exp, math.sqrt, math.log10):
            try:
                row.append(f(a))
            except (ValueError, OverflowError) as e:
                row.append(type(e).__name__ + ":" + str(e))
        for g in (math.pow, math.fmod, math.atan2, math.log):
            try:
                row.append(g(a, b))
            except (ValueError, OverflowError, ZeroDivisionError) as e:
                row.append(type(e).__name__ + ":" + str(e))
        errs.append(row)
    for row in errs[:7]:
        print(row)


def callee_changes(f, vals):
    t = 0
    for v in vals:
        t += f(v)
    return t


def more():
    vals = list(range(-250, 250))
    print("callee", callee_changes(abs, vals), callee_changes(float, vals), callee_changes(math.fabs, vals))
    print("callee", callee_changes(len, [[1]] * 300 + ["ab"] * 10))


def len_rebound():
    global len
    old = len
    t = 0
    for i in range(500):
        if i == 250:
            len = lambda x: 1000
        t += len([i])
    len = old
    print("len rebound", t)


len_growing()
len_kinds()
abs_cases()
min_max_cases()
isinstance_cases()
type_and_ord()
conversions()
math_cases()
more()
len_rebound()
