# Loops whose iterations read what the previous one stored (out[i - 1] after out[i] = ...),
# which the JIT carries in a register, and range loops whose iterator position it keeps in
# registers and writes back only when a loop leaves. Every way of leaving must see the
# same lists and positions as the interpreter.


def prefix(xs):
    out = [0] * len(xs)
    out[0] = xs[0]
    for i in range(1, len(xs)):
        out[i] = out[i - 1] + xs[i]
    return out


def prefix_in_place(xs):
    for i in range(1, len(xs)):
        xs[i] = xs[i - 1] + xs[i]
    return xs


def backwards(n):
    a = [1] * n
    for i in range(n - 2, -1, -1):
        a[i] = a[i + 1] * 3 % 1000003 + i
    return a[0], a[n // 2]


def stride_two(n):
    a = list(range(n))
    for i in range(2, n, 2):
        a[i] = a[i - 1] + a[i - 2]
    return a[-1], a[-2], sum(a)


def aliased(n):
    a = [1] * n
    b = a
    for i in range(1, n):
        a[i] = a[i - 1] + 1
        if i % 7 == 0:
            b[i] = 0  # the same list through another name
    return a[-1], sum(a)


def grows_into_floats(n):
    out = [0] * n
    for i in range(1, n):
        out[i] = out[i - 1] + (0.5 if i > n // 2 else 1)
    return out[n // 2], out[-1]


def overflows(n):
    out = [1] * n
    for i in range(1, n):
        out[i] = out[i - 1] * 2
    return out[40], out[-1] % 1000000007, type(out[-1]).__name__


def stops_early(n):
    out = [0] * n
    done = 0
    for i in range(1, n):
        if out[i - 1] > 5000:
            break
        out[i] = out[i - 1] + i
        done = i
    return done, out[done]


def index_error(n):
    out = [0] * n
    try:
        for i in range(1, n + 5):
            out[i] = out[i - 1] + 2
    except IndexError as e:
        return "IndexError", str(e), out[-1], i
    return "no error"


def resumed_iterator(n):
    it = iter(range(n))
    acc = [0]
    for i in it:
        acc.append(acc[-1] + i)
        if i == n // 3:
            break
    rest = list(it)
    return len(acc), acc[-1], rest[:3], len(rest)


def nested(rows, cols):
    grid = [[0] * cols for _ in range(rows)]
    for r in range(rows):
        row = grid[r]
        row[0] = r
        for c in range(1, cols):
            row[c] = row[c - 1] + c * r
    return [grid[r][-1] for r in range(0, rows, max(1, rows // 5))]


def gen(n):
    out = [0] * n
    for i in range(1, n):
        out[i] = out[i - 1] + i
        if i % 500 == 0:
            yield out[i]


xs = [(i * 7919) % 1000 for i in range(3000)]
p = prefix(xs)
print(p[:5], p[-1], sum(p) % 1000003)
print(prefix_in_place(list(xs))[-3:])
print(backwards(2500))
print(stride_two(2501))
print(aliased(2000))
print(grows_into_floats(2000))
print(overflows(300))
print(stops_early(3000))
print(index_error(1000))
print(resumed_iterator(3000))
print(nested(40, 300))
print(list(gen(3000)))
