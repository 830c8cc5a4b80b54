import decimal
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN

print(Decimal("0.1") + Decimal("0.2"), Decimal(1) / Decimal(7), Decimal("1.30") * 2)
print(Decimal(0.1), Decimal("3.14159").quantize(Decimal("0.01")), Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
getcontext().prec = 50
print(Decimal(2).sqrt(), Decimal(1).exp())
getcontext().prec = 28
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(3))
print(Decimal(1) / Decimal(3))
print(Decimal("-7.5").to_integral_value(rounding=ROUND_DOWN), Decimal("12.500").normalize(), Decimal("1e3"), Decimal("1E+3").to_eng_string())
print(Decimal("10") // Decimal("3"), Decimal("-10") % Decimal("3"), divmod(Decimal(17), Decimal(5)), Decimal(2) ** 10)
print(sorted([Decimal("1.1"), Decimal("0.9"), Decimal("1.05")]), Decimal("1.0") == 1, Decimal("0.5") < 1, hash(Decimal(5)) == hash(5))
print(Decimal("NaN").is_nan(), Decimal("-Infinity"), Decimal("1.23E-7"), float(Decimal("2.5")), int(Decimal("-3.9")))
print(repr(Decimal("1.50")), str(Decimal("100").scaleb(-2)), Decimal("123.456").as_tuple(), round(Decimal("2.567"), 2))
try:
    Decimal(1) / Decimal(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero", type(e).__name__)
print(f"{Decimal('1234.5678'):,.2f}", f"{Decimal('0.000123'):e}", Decimal("5").ln())
print(sum(Decimal("0.01") for _ in range(100)), Decimal(10).log10(), Decimal("-0"), abs(Decimal("-2")))
