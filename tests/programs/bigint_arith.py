# Arbitrary precision integer arithmetic.
a = 2 ** 521 - 1
b = 3 ** 300 + 7
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a // 12345678901234567890)
print(a % 12345678901234567890)
print(divmod(a, b))
print(divmod(-a, b))
print(a // -b, a % -b)
print(len(str(a * a * a)))
print(str(a)[:20], str(a)[-20:])
f = 1
for i in range(1, 101):
    f *= i
print("100! =", f)
print("digit sum", sum(int(c) for c in str(f)))
trailing = len(str(f)) - len(str(f).rstrip("0"))
print("trailing zeros", trailing)
x = 10 ** 50
print(x - 1, x + 1, -x, x // 3, x % 97)
print((x + 1) * (x - 1) == x * x - 1)
def isqrt(n):
    if n < 2:
        return n
    r = n
    y = (r + 1) // 2
    while y < r:
        r = y
        y = (r + n // r) // 2
    return r
for n in [10 ** 40, 2 ** 127 - 1, 12345678987654321 ** 2]:
    r = isqrt(n)
    print(n, r, r * r <= n < (r + 1) * (r + 1))
def gcd(p, q):
    while q:
        p, q = q, p % q
    return p
print(gcd(2 ** 200 * 3 ** 50, 2 ** 150 * 3 ** 80 * 5), gcd(a, b))
print(a == a + 0, a < b, b < a, a != b, hash(12345) == 12345)
print(-(2 ** 100) < -(2 ** 99) < 0 < 2 ** 99 < 2 ** 100)
print(float(2 ** 100), int(float(2 ** 60)), 2 ** 100 / 2 ** 98)
print((2 ** 100) ** 3 == 2 ** 300, (-3) ** 41)
print(abs(-(10 ** 30)), max(10 ** 30, 10 ** 29), min(-(10 ** 30), 5))
print(int("9" * 60) + 1)
print(0xFFFFFFFFFFFFFFFFFFFFFFFF, 0o7777777777777777777777777777)
