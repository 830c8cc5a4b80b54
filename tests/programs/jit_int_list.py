"""Compiled loops over int-strategy lists ([0] * n): unboxed loads and stores, and the
side exits when an item outgrows the inline int range, when the list switches to values
in the middle of a loop, when a float or bool is stored, and iteration with `for x in`."""


def fill(n):
    a = [0] * n
    for i in range(n):
        a[i] = (i * 7919) % 1000 - 500
    return a


def prefix(a):
    out = [0] * len(a)
    out[0] = a[0]
    for i in range(1, len(a)):
        out[i] = out[i - 1] + a[i]
    return out


def grow(n, start):
    # Doubling passes the inline int range (2**47) part-way: the store's range guard
    # exits and the list switches to values; the loop goes on with big ints.
    a = [1] * n
    a[0] = start
    for i in range(1, n):
        a[i] = a[i - 1] * 2
    return a


def switch_mid_loop(n):
    a = [0] * n
    total = 0
    for i in range(n):
        if i == n // 2:
            a[i] = 1.5          # a float: the list becomes a value list
        else:
            a[i] = i
        total += a[i]
    return total, a[n // 2], a[n - 1]


def bool_store(n):
    a = [0] * n
    for i in range(n):
        a[i] = i % 3 == 0       # bools do not fit the int strategy
    return sum(a), a[0], a[1]


def iterate(a):
    s = 0
    m = 0
    for x in a:
        s += x
        if x > m:
            m = x
    return s, m


def iterate_changing(n):
    a = [3] * n
    s = 0
    for k, x in enumerate(a):
        s += x
        if k == n - 10:
            a.append(2 ** 60)   # appended mid-iteration, switches to values
    return s, len(a)


def histogram(n):
    counts = [0] * 2048
    x = 1
    for i in range(n):
        x = (x * 75 + 74) % 65537
        counts[x & 2047] += 1
    return max(counts), counts.index(max(counts)), sum(counts)


def negative_index(n):
    a = [5] * n
    t = 0
    for i in range(1, n):
        t += a[-i]
        a[-i] = i
    return t, a[-1], a[1]


a = fill(30000)
print(sum(a), a[:5], a[-3:])
p = prefix(a)
print(p[-1], p[12345], min(p), max(p))
g = grow(60, 3)
print(g[45], g[46], g[47], g[-1], type(g[-1]).__name__)
g = grow(3000, -1)
print(g[50], g[-1] % 1000003)
print(switch_mid_loop(5000))
print(bool_store(4000))
print(iterate(p))
print(iterate_changing(3000))
print(histogram(100000))
print(negative_index(4000))
