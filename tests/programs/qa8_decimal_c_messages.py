# Decimal's messages and Context repr as the C module gives them.
import decimal
from decimal import Decimal as D, getcontext, localcontext, Context
exprs = r'''
D(1) / D(3)
getcontext()
Context(prec=5, traps=[decimal.Inexact, decimal.Clamped, decimal.DivisionByZero])
D(None)
D(object)
D({})
D(1j)
getcontext()
int(D("nan"))
int(D("inf"))
int(D("-inf"))
float(D("snan"))
round(D("nan"))
round(D("inf"))
D("1.5").__round__(1)
D(1.5) + D("0.1")
D("1") / 3
D(1) < "2"
D("1.0") == D("1")
D("0.1") + 0.2
D((0, (1, 4), -1))
D(None)
D("1e999999999")
D("12.345").to_integral_value()
D(10).sqrt()
D(-1).sqrt()
D(0) ** 0
D(2) ** 1000
D("1e-1000000")
D("1.23e5").to_eng_string()
D(123).as_integer_ratio()
D("-0.00").is_signed()
D(5).max(D(3))
D("1.30").normalize()
D(7) % 0
D(7) // 0
D(0) / 0
D("abc")
D(" 12 ")
D("1_000")
D("٣")
repr(D("Infinity"))
str(D("-NaN123"))
Context(prec=2).add(D("1.234"), D("5"))
D(1).fma(2, 3)
sum(D(i) / 10 for i in range(10))
D.from_float(0.1)
format(D("1234567.891"), ",.2f")
format(D("0.000012"), ".2e")
format(D("12"), "%")
hash(D("0.5")) == hash(0.5)
'''
for line in exprs.strip().splitlines():
    try:
        r = eval(line)
        print(f"{line} -> {r!r}")
    except Exception as e:
        print(f"{line} !! {type(e).__name__}: {e}")
ctx = Context(prec=3)
ctx.divide(D(1), D(3))
ctx.traps[decimal.Inexact] = True
ctx.traps[decimal.Underflow] = True
ctx.traps[decimal.Subnormal] = True
print(ctx)
with localcontext() as lc:
    lc.prec = 4
    print(D(2).sqrt(), lc)
