# digits of pi and e with big-integer arithmetic
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out
d = pi_digits(120)
print(str(d[0]) + "." + "".join(map(str, d[1:])))
def e_digits(n):
    scale = 10 ** (n + 10)
    total = 0
    term = scale
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total)[:n]
e = e_digits(80)
print(e[0] + "." + e[1:])
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x, y = y, (y + n // y) // 2
    return x
sqrt2 = isqrt(2 * 10 ** 200)
print(str(sqrt2)[:1] + "." + str(sqrt2)[1:60])
print(isqrt(10 ** 50) == 10 ** 25, isqrt(99), isqrt(0), isqrt(1))
counts = [d.count(i) for i in range(10)]
print(counts, sum(counts))
def digit_sum(n):
    return sum(int(c) for c in str(n))
print(digit_sum(2 ** 1000), digit_sum(3 ** 500), len(str(7 ** 777)))
fib_big = [0, 1]
while len(str(fib_big[-1])) < 100:
    fib_big.append(fib_big[-1] + fib_big[-2])
print(len(fib_big) - 1, str(fib_big[-1])[:20])
def collatz_max(n):
    m = n
    while n != 1:
        n = 3 * n + 1 if n % 2 else n // 2
        m = max(m, n)
    return m
print(collatz_max(27), collatz_max(2 ** 100 + 1) > 2 ** 100)
print(f"{2 ** 100:,}", f"{-3 ** 40:_}", f"{2 ** 64:x}", f"{2 ** 64:o}", f"{10 ** 30:e}", f"{10 ** 30:.3e}")
print(2 ** 100 / 3, 2 ** 100 // 3, (2 ** 100) % 1000007, divmod(10 ** 40 + 7, 10 ** 20))
print(float(10 ** 308), 10 ** 308 * 10 > 1e308)
print(int(str(2 ** 200)[::-1]) % 97, hex(int("deadbeef" * 8, 16))[:20])
