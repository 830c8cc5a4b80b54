# Big integer showcase: factorial digits, Fibonacci, Catalan numbers, digits of e.
def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f500 = factorial(500)
s = str(f500)
print("500! has", len(s), "digits; first 30:", s[:30], "; last nonzero digits:", s.rstrip("0")[-10:])
print("digit sum of 500!:", sum(map(int, s)), "; trailing zeros:", len(s) - len(s.rstrip("0")))
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
f1000 = fib(1000)
print("fib(1000) =", f1000)
print("digits:", len(str(f1000)))
i, a, b = 1, 1, 1
while len(str(b)) < 100:
    a, b = b, a + b
    i += 1
print("first Fibonacci with 100 digits is F(%d)" % (i + 1))
def fast_fib(n):
    if n == 0:
        return (0, 1)
    a, b = fast_fib(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n % 2 else (c, d)
print(fast_fib(1000)[0] == f1000, len(str(fast_fib(20000)[0])))
def catalan(n):
    return factorial(2 * n) // (factorial(n + 1) * factorial(n))
print([catalan(k) for k in range(15)])
print(catalan(100))
def e_digits(n):
    scale = 10 ** (n + 10)
    total, term, k = 0, scale, 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total // 10 ** 10)
d = e_digits(200)
print(d[0] + "." + d[1:])
def pi_digits(n):
    scale = 10 ** (n + 10)
    def arctan_inv(x):
        total, term, k, sign = 0, scale // x, 1, 1
        while term:
            total += sign * (term // k)
            term //= x * x
            k += 2
            sign = -sign
        return total
    pi = 4 * (4 * arctan_inv(5) - arctan_inv(239))
    return str(pi // 10 ** 10)
p = pi_digits(200)
print(p[0] + "." + p[1:])
print(2 ** 1000 % 10 ** 20, pow(3, 10 ** 6, 10 ** 12), (2 ** 127 - 1) % 1000007)
def collatz_big(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print(collatz_big(2 ** 100 + 1), collatz_big(factorial(30) + 1))
def digital_root(n):
    while n >= 10:
        n = sum(int(c) for c in str(n))
    return n
print(digital_root(f500), digital_root(f1000), digital_root(2 ** 5000))
