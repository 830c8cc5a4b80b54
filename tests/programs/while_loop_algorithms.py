# Classic while-loop algorithms on integers.
def isqrt(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
print([isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 10 ** 20, 2 ** 101]])
def reverse_digits(n):
    r = 0
    while n:
        n, d = divmod(n, 10)
        r = r * 10 + d
    return r
print([reverse_digits(n) for n in [0, 7, 120, 12345, 1000000007]])
def digit_sum(n):
    s = 0
    while n:
        s += n % 10
        n //= 10
    return s
print([digit_sum(n) for n in [0, 9, 99, 12345, 2 ** 100]])
def binary(n):
    if n == 0:
        return "0"
    bits = ""
    while n:
        bits = str(n & 1) + bits
        n >>= 1
    return bits
print([binary(n) for n in [0, 1, 5, 255, 1024]], all(binary(n) == bin(n)[2:] for n in range(500)))
def bsearch(a, x):
    lo, hi = 0, len(a) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid, steps
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -(lo + 1), steps
arr = list(range(0, 1000, 3))
print([bsearch(arr, x) for x in [0, 3, 500, 501, 999, -5, 1200]])
def happy(n):
    seen = set()
    while n != 1 and n not in seen:
        seen.add(n)
        n = sum(int(d) ** 2 for d in str(n))
    return n == 1
print([n for n in range(1, 60) if happy(n)])
def kaprekar(n):
    steps = 0
    while n != 6174:
        d = f"{n:04d}"
        n = int("".join(sorted(d, reverse=True))) - int("".join(sorted(d)))
        steps += 1
        if n == 0:
            return None
    return steps
print([(n, kaprekar(n)) for n in [3524, 1234, 9998, 2111, 1111]])
def fast_pow(b, e):
    result = 1
    while e > 0:
        if e % 2:
            result *= b
        b *= b
        e //= 2
    return result
print(fast_pow(3, 40), fast_pow(2, 100) == 2 ** 100, fast_pow(7, 0))
def euclid_steps(a, b):
    steps = []
    while b:
        steps.append(f"{a} = {a // b}*{b} + {a % b}")
        a, b = b, a % b
    return a, steps
g, st = euclid_steps(1071, 462)
print(g)
print("\n".join(st))
n = 600851475143
f = 2
factors = []
while f * f <= n:
    while n % f == 0:
        factors.append(f)
        n //= f
    f += 1
if n > 1:
    factors.append(n)
print(factors)
