import sys
n = 3000
f = [True] * n
print(len(f), f[0], f[-1], f[n-1], bool(f))
f[5] = False
f[-2] = False
print(f[5], f[-2], f.count(False), f.index(False), sum(f))
try:
    f[n] = True
except IndexError as e:
    print("IndexError", e)
try:
    print(f[n])
except IndexError as e:
    print("IndexError", e)
g = [False, True] * 600
print(len(g), g[:4], g[-3:], sum(g))
g[3] = 7
print(g[:5], sum(g))
h = [True] * 2000
h[10] = None
print(h[9:12], h.count(True))
k = [1 == 1] * 1500
k.append(False); k.insert(0, 0)
print(len(k), k[:3], k[-2:])
m = [False] * 1100
for i in range(0, 1100, 7):
    m[i] = True
print(sum(m), m.index(True, 1), repr(m[:8]), m == [x % 7 == 0 for x in range(1100)])
s = [True] * 1024
s.sort(); s.reverse()
print(s[:2], s == [True] * 1024, [True]*1024 == [True]*1024, sorted(set([True]*2000)))
z = [True] * 1024 * 2
print(len(z), type(z).__name__, z is not None, isinstance(z, list))
w = 2000 * [False]
w[1999] = True
print(w.index(True), 3 * [True, False][:1] )
q = [True] * 5000
del q[10:4990]
print(len(q), q[9], q[10])
q2 = [True] * 5000
q2 *= 2
print(len(q2))
print(sys.getsizeof([True] * 2000) == sys.getsizeof([0] * 2000))
c = [True] * 4096
cnt = 0
for i in range(2, 4096):
    if c[i]:
        cnt += 1
        for j in range(i * i, 4096, i):
            c[j] = False
print(cnt, c[4093], c[4095])


# Loops the JIT compiles over bool lists, whose strategy changes while the loop runs.
def mixed(n):
    flags = [True] * n
    out = 0
    for i in range(n):
        if i == n // 2:
            flags[3] = "x"  # the list switches to values mid-loop
        if flags[i]:
            out += 1
        flags[i] = i % 3 == 0
    return out, flags[:6], sum(1 for v in flags if v is True)


def count_true(xs):
    c = 0
    for v in xs:
        if v:
            c += 1
    return c


def store_ints(n):
    flags = [False] * n
    for i in range(n):
        flags[i] = i & 1  # ints, not bools: switches on the first store
    return flags[:4], sum(flags), type(flags[1]).__name__


def swap_lists(n):
    a = [True] * n
    b = [0] * n
    total = 0
    for r in range(4):
        xs = a if r % 2 == 0 else b
        for i in range(n):
            if xs[i]:
                total += 1
    return total


print(mixed(3000))
bl = [True, False, True] * 1000
print(count_true(bl), len(bl))
print(store_ints(2000))
print(swap_lists(2500))
