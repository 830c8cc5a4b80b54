# Trapped decimal signals carry the list of conditions, as CPython's C decimal module
# raises them; a newcomer's money parser.
from decimal import Decimal, InvalidOperation, DivisionByZero, Overflow, localcontext, getcontext, Inexact

for expr in ["Decimal('abc')", "Decimal(1) / Decimal(0)", "Decimal(0) / Decimal(0)", "Decimal('1.5').quantize(Decimal('1e-30'))",
             "Decimal(-1).sqrt()", "Decimal('1e999999999') * 10", "Decimal(1) < Decimal('nan')", "Decimal('snan') + 1",
             "Decimal(5) % 0", "Decimal('inf') - Decimal('inf')"]:
    try:
        print(expr, "->", eval(expr))
    except ArithmeticError as e:
        print(expr, "!!", type(e).__name__, e, e.args)

with localcontext() as ctx:
    ctx.traps[DivisionByZero] = False
    ctx.traps[Inexact] = True
    print(Decimal(1) / 0, Decimal(-2) / 0)
    try:
        Decimal(1) / 3
    except Inexact as e:
        print("Inexact", e)

prices = ["19.99", "5", "abc", "1e2", "", "3.50"]
total = Decimal(0)
for p in prices:
    try:
        total += Decimal(p)
    except InvalidOperation as e:
        print(f"bad price {p!r}: {e}")
print("total", total, getcontext().prec)
Decimal("12,50")
