import math, statistics
from fractions import Fraction
from decimal import Decimal, getcontext, ROUND_HALF_UP, ROUND_DOWN
print(divmod(7, -2), divmod(-7, 2), divmod(-7, -2), -7 // 2, -7 % 2, 7 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2), 7.5 // -2, math.fmod(-7, 2), -7.0 % 2)
print(int("0x1f", 16), int("1f", 16), int("0b101", 0), int("0o17", 0), int("  42  "), int("1_000"))
print(int("z", 36), int(-3.9), int(3.9), int("-0"), hex(255), oct(8), bin(-5))
for bad in ["3.5", "", "0x", "12a"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
print(2 ** 100, 2 ** 100 // 3 ** 20, (2 ** 100) % 1000007, -(2 ** 70) // 7)
print(math.factorial(30), math.comb(50, 25), math.perm(10, 3), math.gcd(12, 18, 24), math.lcm(4, 6, 10))
print(math.isqrt(10 ** 20 + 1), math.sqrt(2), math.hypot(3, 4), math.dist((0, 0), (1, 1)))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), round(-2.5), round(2.5), round(1.25, 1))
print(math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(1), math.pi, math.tau, math.e)
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, math.inf > 10 ** 300, math.nan == math.nan)
print(math.copysign(3, -0.0), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, -16 >> 2, (255).bit_length(), (-1).bit_count() if hasattr(int, "bit_count") else 1)
print((1024).to_bytes(4, "big"), int.from_bytes(b"\x01\x00", "little"), (-1).to_bytes(2, "big", signed=True))
print(float("1e308") * 10, -float("inf"), float("-0.0"), 1 / 3, 2 / 3, 10 / 4, 1e-320)
print((0.1).as_integer_ratio(), (2.5).is_integer(), float.fromhex("0x1.8p1"), (3.0).hex())
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2, 5]), statistics.mode([1, 2, 2, 3]))
print(statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(statistics.variance([1, 2, 3, 4]), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]))
print(statistics.multimode("aabbc"), statistics.harmonic_mean([1, 2, 4]), statistics.fmean([1, 2, 3.5]))
print(statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4))
f = Fraction(3, 4) + Fraction(1, 6)
print(f, f.numerator, f.denominator, float(f), Fraction("0.125"), Fraction(0.5), Fraction(1, 3) ** 2)
print(Fraction(7, 3).limit_denominator(2), Fraction(-7, 3) // 1, round(Fraction(5, 2)), Fraction(22, 7) > 3)
print(repr(Fraction(6, -4)), Fraction(1, 3) + 1, Fraction(1, 3) * 0.5, sum(Fraction(1, n) for n in range(1, 6)))
print(Decimal("0.1") + Decimal("0.2"), Decimal(0.1), Decimal("1.10") * 3, Decimal("10") / Decimal("3"))
getcontext().prec = 6
print(Decimal(1) / Decimal(7), Decimal("2").sqrt())
getcontext().prec = 28
print(Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal("2.675").quantize(Decimal("0.01")))
print(Decimal("-3.7").quantize(Decimal("1"), rounding=ROUND_DOWN), Decimal("1.2300").normalize(), Decimal("1e3").to_integral())
print(repr(Decimal("3.14")), Decimal("5") % Decimal("-3"), Decimal("-5") // Decimal("3"), Decimal("NaN").is_nan())
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print(e)
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print(e)
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(e)
print(pow(3, 100, 7), pow(2, -1, 7), pow(2, 0.5), pow(-8, 1/3), (-8) ** 2, complex(1, 2) * 1j)
print(abs(-3 + 4j), (1 + 2j).conjugate(), 10 ** -2, 7 .__floordiv__(2), int(1e20), 2 ** 0.5 == math.sqrt(2))
print(sum(range(10**6)), max(3, 7.5, -1), min([], default="empty"), round(123456, -3), round(-0.5))
