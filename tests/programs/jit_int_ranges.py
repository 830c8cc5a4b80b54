# Loop-carried ints that a loop keeps in an interval (`x = (x * 75 + 74) % 65537`,
# `v //= 10` on v >= 0): the JIT guards the entry value into that interval, then drops
# overflow checks and sign handling it shows unneeded. Entry values outside the interval
# (negative, huge, big ints) must leave through the guard and still give CPython's answers.


def hist(x, n):
    counts = [0] * 8
    for i in range(n):
        x = (x * 75 + 74) % 65537
        counts[x & 7] += 1
    return x, counts


def digit_sum(v):
    t = 0
    while v:
        t += v % 10
        v //= 10
    return t


def shrink(v, steps):
    t = 0
    for _ in range(steps):
        t += v % 7
        v = v // 3 + 100
    return t, v


def square_mod(x, n):
    # x stays below 2**40, but x * x * 1000 overflows i64: the checks must stay.
    out = 0
    for _ in range(n):
        x = (x * x * 1000 + 12345) % (1 << 40)
        out ^= x
    return out


def lcg(x, n):
    total = 0
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        if x & 1024:
            total += x >> 7
        else:
            total -= i
    return x, total


for start in (1, 0, 65536, 65537, -1, -65538, 2**62, -(2**62), 2**70, -(2**70)):
    print("hist", start, hist(start, 3000))
for v in (0, 7, 123456789, 2**62 - 1, 2**63 - 1, 2**63, 10**30):
    print("digits", v, digit_sum(v))
for i in range(2000):
    if digit_sum(i) != sum(int(c) for c in str(i)):
        print("digit mismatch", i)
for v in (0, 5, -10**6, 2**62, -(2**63), 10**25, -(10**25)):
    print("shrink", v, shrink(v, 500))
for x in (1, 3, 2**39, 2**40 - 1, -5):
    print("square_mod", x, square_mod(x, 400))
for x in (12345, 0, 2**31 - 1, 2**31, -7, 2**63 - 1):
    print("lcg", x, lcg(x, 4000))
