# pow with two and three arguments, negative exponents, modular inverse.
print(pow(2, 10), pow(2, 100), pow(3, 0), pow(0, 0), pow(-2, 3), pow(-2, 4))
print(pow(2, 10, 1000), pow(3, 200, 13), pow(7, 123456, 1000000007))
print(pow(2, -1), pow(4, -2), pow(-8, -1))
print(pow(3, -1, 7), pow(10, -1, 17), pow(38, -1, 97))
for base in range(1, 10):
    print(base, [pow(base, e, 11) for e in range(11)])
print(pow(-3, 5, 7), pow(3, 5, -7), pow(-3, 5, -7))
print(2 ** 0.5, 9 ** 0.5, 8 ** (1 / 3))
print((-8) ** 2, (-1) ** 101, 1 ** 10 ** 10)
print(10 ** 30, 10 ** 30 // 7, 7 ** 77)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
# Fermat little theorem check
primes = [p for p in range(2, 60) if all(p % d for d in range(2, p))]
print(primes)
print(all(pow(a, p - 1, p) == 1 for p in primes for a in range(1, p)))
def modexp(b, e, m):
    r = 1
    b %= m
    while e:
        if e & 1:
            r = r * b % m
        b = b * b % m
        e >>= 1
    return r
for b, e, m in [(5, 117, 19), (123456789, 987654321, 1000003), (2, 1000, 10**9 + 9)]:
    print(b, e, m, modexp(b, e, m), pow(b, e, m), modexp(b, e, m) == pow(b, e, m))
