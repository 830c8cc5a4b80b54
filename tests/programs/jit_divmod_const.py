# Floor division and modulo by constants and variables inside hot loops (the JIT lowers
# constant divisors to multiplications and small variable ones to 32-bit divisions).
import sys


def by_constants(xs):
    acc = 0
    for x in xs:
        acc += x % 10 + x // 10
        acc ^= x % 7 + x // 7
        acc += x % 3 - x // 3
        acc += x % 1000 + x // 1000
        acc ^= x % 2147483647 + x // 2147483647
        acc += x % 1000000000000 - x // 1000000000000
        acc += x % -10 + x // -10
        acc ^= x % -7 - x // -7
        acc += x % -1 + x // -1
        acc += x % -1024 + x // -1024
        acc += x % 4294967296 + x // 4294967296
        acc += x % (1 << 40) - x // -(1 << 40)
        acc &= (1 << 62) - 1
    return acc


def by_variables(pairs):
    acc = 0
    for a, b in pairs:
        acc += a % b + a // b
        acc &= (1 << 62) - 1
    return acc


def digits(n):
    total = 0
    for i in range(-n, n):
        v = i
        while v:
            total += v % 10
            v //= 10
            if v == -1:
                break
    return total


def gcd_sum(n):
    total = 0
    for a in range(1, n):
        b = 7919 + n
        x = a
        while b:
            x, b = b, x % b
        total += x
    return total


big = 9223372036854775807
xs = [0, 1, -1, 2, -2, 9, 10, 11, -9, -10, -11, 999, 1000, 1001, -999, -1000, -1001,
      2147483646, 2147483647, 2147483648, -2147483647, -2147483648, -2147483649,
      4294967295, 4294967296, -4294967296, 10**12 - 1, 10**12, 10**12 + 1, -(10**12),
      big, big - 1, -big, -big - 1, 123456789012345, -123456789012345, 7 * 10**17, -7 * 10**17]
for _ in range(3):
    print(by_constants(xs))
    print(by_constants([x * 3 + 1 for x in range(-3000, 3000, 7)]))
vs = [(a, b) for a in xs for b in (1, 3, 10, -3, -10, 7919, 4294967295, 4294967296, 2147483648, big, -big - 1) if not (a == -big - 1 and b == -1)]
for _ in range(3):
    print(by_variables(vs))
print(digits(3000))
print(gcd_sum(3000))
# Big ints: the dividend leaves the i64 range and the loop goes on.
acc = 0
x = 1
for i in range(200):
    acc += x % 1000003 + (x // 10**15) % 97
    x = x * 3 + i
print(acc)
