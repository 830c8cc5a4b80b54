# Number theory: gcd/lcm, extended Euclid, modular inverse, CRT, totient, factorization, perfect numbers.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def lcm(a, b):
    return a // gcd(a, b) * b
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
def modinv(a, m):
    g, x, _ = egcd(a, m)
    if g != 1:
        raise ValueError(f"{a} has no inverse mod {m}")
    return x % m
def crt(residues, moduli):
    x, m = 0, 1
    for r, mi in zip(residues, moduli):
        g, p, q = egcd(m, mi)
        if (r - x) % g:
            raise ValueError("no solution")
        x += m * ((r - x) // g * p % (mi // g))
        m = lcm(m, mi)
        x %= m
    return x, m
def factorize(n):
    out, d = {}, 2
    while d * d <= n:
        while n % d == 0:
            out[d] = out.get(d, 0) + 1
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        out[n] = out.get(n, 0) + 1
    return out
def totient(n):
    result = n
    for p in factorize(n):
        result -= result // p
    return result
def divisors(n):
    ds = [1]
    for p, e in factorize(n).items():
        ds = [d * p ** k for d in ds for k in range(e + 1)]
    return sorted(ds)
print(gcd(462, 1071), gcd(-12, 18), gcd(0, 5), lcm(4, 6), lcm(21, 6))
print(egcd(240, 46), egcd(17, 5))
print([modinv(a, 17) for a in range(1, 17)])
try:
    modinv(6, 9)
except ValueError as e:
    print("ValueError:", e)
print(crt([2, 3, 2], [3, 5, 7]), crt([1, 2, 3, 4], [5, 7, 9, 11]))
for n in [360, 97, 1001, 2 ** 10 * 3 ** 5, 600851475143, 9999991]:
    print(n, factorize(n), totient(n) if n < 10 ** 9 else "skip")
print(divisors(360), len(divisors(720720)))
print([n for n in range(2, 10000) if sum(divisors(n)) - n == n])
print([totient(n) for n in range(1, 31)])
print(sum(totient(n) for n in range(1, 101)))
def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
print([n for n in range(10 ** 12, 10 ** 12 + 200) if is_probable_prime(n)])
print(is_probable_prime(2 ** 127 - 1), is_probable_prime(2 ** 128 + 1), is_probable_prime(561))
