# Int arithmetic in hot loops crossing the inline (48-bit) and i64 boundaries: the JIT's
# unboxed ints must box to big ints on exit and its overflow guards must fire.

def grow_add(start, step, n):
    x = start
    out = []
    for i in range(n):
        x = x + step
        if i % 7 == 0:
            out.append(x)
    return x, out[-3:]

print(grow_add(2**47 - 50, 9, 40))
print(grow_add(-(2**47) + 50, -9, 40))
print(grow_add(2**63 - 100, 7, 40))
print(grow_add(-(2**63) + 100, -7, 40))

def grow_mul(n):
    t = 1
    seen = []
    for i in range(n):
        t = t * 3
        seen.append(t % 1000)
    return t, seen[-5:]

print(grow_mul(30))
print(grow_mul(45))
print(grow_mul(100))

def shifts(n):
    acc = 0
    for i in range(n):
        acc += (1 << i) - (i << 3) + ((-i) >> 2)
        acc ^= i << (i % 50)
    return acc

print(shifts(80))

def negate(vals):
    total = 0
    for v in vals:
        total += -v
        total -= v * v
    return total

print(negate([1, -2, 2**46, 2**47 - 1, -(2**47), 2**62, -(2**63)]))

def floordiv_mod(n):
    a = 0
    b = 0
    for i in range(1, n):
        a += (i * 7919) // (i % 13 + 1) - (-i) // 3
        b += (-i * 31) % 17 + i % -5
    return a, b

print(floordiv_mod(300))

def while_countdown(k):
    i = k
    s = 0
    while i > -k:
        s += i * i * i
        i -= 3
    return s

print(while_countdown(2000))
print(while_countdown(2**20))
