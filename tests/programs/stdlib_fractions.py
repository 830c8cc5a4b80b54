from fractions import Fraction
from decimal import Decimal
import math

a = Fraction(3, 4)
b = Fraction("2/3")
print(a + b, a - b, a * b, a / b, a ** 2, -a, abs(Fraction(-1, 3)))
print(Fraction(6, 8), Fraction(0.125), Fraction("1.25"), Fraction(Decimal("0.2")), Fraction(5))
print(a.numerator, a.denominator, float(a), int(Fraction(7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)))
print(a < b, a == Fraction(6, 8), a == 0.75, Fraction(1, 3) < 0.5, max(a, b), sorted([b, a, Fraction(1, 2)]))
print(Fraction(1, 10).limit_denominator(3), Fraction(math.pi).limit_denominator(1000), math.floor(Fraction(-7, 2)), math.ceil(Fraction(7, 2)))
print(sum(Fraction(1, n) for n in range(1, 11)), Fraction(1, 3) + 1, 2 * Fraction(1, 3), 1 / Fraction(2, 5))
print(repr(Fraction(1, 2)), str(Fraction(4, 2)), Fraction(3, 4).as_integer_ratio(), hash(Fraction(1, 2)) == hash(0.5))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(Fraction(2, 3) ** -2, Fraction(4, 9) ** 0.5, divmod(Fraction(7, 3), Fraction(1, 2)), Fraction(7, 3) % 1)
