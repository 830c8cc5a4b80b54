# Float division, modulo and conversions at the edges.
print(1 / 3 * 3, 2 / 3 * 3, 1e308 / 1e-10, 5e-324 / 2, 5e-324 * 0.5)
print(-7 / 2, -7 // 2, -7.0 // 2, -7 % 2, -7.0 % 2, 7 % -2.0)
print(0.1 * 3 - 0.3, 1 - 0.9, 1e16 + 2 - 1e16, (1e16 + 1) - 1e16)
def mean(xs):
    return sum(xs) / len(xs)
def variance(xs):
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / len(xs)
data = [2.5, 3.5, 1.0, 4.25, 5.75, 3.0, 2.0]
print(mean(data), variance(data), variance(data) ** 0.5)
def newton_sqrt(x):
    g = x / 2 if x > 1 else 1.0
    for _ in range(60):
        g = (g + x / g) / 2
    return g
for x in [2, 3, 10, 100, 0.25, 12345.678]:
    print(x, newton_sqrt(x), x ** 0.5, abs(newton_sqrt(x) - x ** 0.5) < 1e-9)
def series_pi(n):
    s = 0.0
    for k in range(n):
        s += (-1) ** k / (2 * k + 1)
    return 4 * s
print(series_pi(10), series_pi(1000))
def exp_taylor(x):
    term, total = 1.0, 1.0
    for n in range(1, 40):
        term *= x / n
        total += term
    return total
print([exp_taylor(x) for x in (0, 1, -1, 2.5)])
print(0.1 ** 2, 0.2 ** 3, 1.0000001 ** 1000000, (1 + 1e-10) ** 1e10)
print(3.0 * 1e-323, 1e-323 / 3, 2.0 ** -1074, 2.0 ** -1075)
