# Float edge cases in traced loops: nan, infinities, -0.0, int/float mixes near 2**53.

def accum(vals):
    s = 0.0
    m = 1.0
    for v in vals:
        s = s + v
        m = m * v
    return s, m

inf = float("inf")
print(accum([1.0, 2.5, -0.0, 1e308, 1e308]))
print(accum([inf, -inf, 3.0]))
print(accum([1.0, float("nan"), 2.0]))

def compare_mix(n):
    big = 2**53
    hits = 0
    for i in range(n):
        if big + i > float(big):
            hits += 1
        if big + i == float(big + i):
            hits += 10
    return hits

print(compare_mix(5))

def neg_zero(n):
    z = 0.0
    for i in range(n):
        z = -z * 1.0
    return z, str(z)

print(neg_zero(3), neg_zero(4))

def int_float_div(n):
    out = 0.0
    for i in range(1, n):
        out += i / 7
        out += (2**60 + i) / 3
    return out

print(int_float_div(50))

def nan_branch(n):
    x = float("nan")
    c = 0
    for i in range(n):
        if x:
            c += 1
        if x == x:
            c += 100
        if x != x:
            c += 10000
    return c

print(nan_branch(10))
