# Unpacking lists and tuples in hot loops: the JIT loads the items straight from the
# sequence; lengths, item types and sequence types that change must give the same results.


def tuples(n):
    total = 0
    seq = (1, 2, 3)
    for i in range(n):
        a, b, c = seq
        total += a * 100 + b * 10 + c
        if i == 50:
            seq = (1.5, 2, 3)
        elif i == 100:
            seq = ("x", 2, 3)
            a, b, c = seq
            total += len(a)
            seq = (4, 5, 6)
        elif i == 150:
            seq = (2**60, -(2**59), 7)
    return total


def lists(n):
    total = 0
    data = [[i, i + 1] for i in range(20)]
    for i in range(n):
        try:
            x, y = data[i % 20]
        except ValueError as e:
            total += 1000
            if i < 100:
                print("error:", e)
            continue
        total += x - y
        if i == 70:
            data[3] = [10, 20, 30]
        if i == 200:
            data[5] = [1]
    return total


def shapes(n):
    out = []
    items = [(1, 2), [3, 4], (5, 6), "ab", (7, 8)]
    for i in range(n):
        p, q = items[i % 5]
        out.append((p, q))
    return out[:6], len(out)


def same_target(n):
    # the last assignment wins; the source may be one of the targets
    total = 0
    for i in range(n):
        pair = (i, i + 1)
        a, a = pair
        t = (i, (i, i))
        t, u = t
        total += a + t + u[1]
    return total


def many(n):
    total = 0
    seq = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    for i in range(n):
        a, b, c, d, e, f, g, h, k, m = seq
        total += a + m + e
        if i == 300:
            seq.append(11)
            try:
                a, b, c, d, e, f, g, h, k, m = seq
            except ValueError as err:
                print("error:", err)
            seq.pop()
            seq[0] = 100
    return total


def nested_and_star(n):
    total = 0
    for i in range(n):
        (a, b), c = (i, i * 2), i * 3
        first, *rest = (a, b, c)
        total += first + sum(rest)
    return total


def floats(n):
    acc = 0.0
    pts = [(0.5, 1.25), (2.0, -1.0), (3, 0.5)]
    for i in range(n):
        x, y = pts[i % 3]
        acc += x * y
    return acc


def bools_none(n):
    count = 0
    pairs = [(True, None), (False, 1), (None, 0.0)]
    for i in range(n):
        p, q = pairs[i % 3]
        if p:
            count += 1
        if q is None:
            count += 10
    return count


print(tuples(300))
print(lists(300))
print(shapes(300))
print(same_target(300))
print(many(600))
print(nested_and_star(300))
print(floats(300))
print(bools_none(300))
