from decimal import Decimal as D, InvalidOperation, localcontext
from fractions import Fraction as F
import math, datetime as dt, collections, statistics
exprs = r'''
D("1.5") + 1
D("1.5") + 1.5
D("1.5") == 1.5
D("0.1") == 0.1
D("1.5") < 2.5
F(1, 2) + D("0.5")
F(1, 2) == 0.5
F(1, 3) < 0.34
sorted([F(1, 2), 0.3, D("0.4"), 1, True])
int(D("-3.9"))
round(D("2.5"))
round(D("3.5"))
round(D("2.567"), 2)
math.floor(F(-7, 2))
math.ceil(D("2.1"))
float(F(1, 3))
D(F(1, 2).numerator) / D(F(1, 2).denominator)
D("1e-30") * D("1e-30")
D("123.456").as_tuple()
D(-0.0)
D("-0") == 0
D("inf") > 10**100
D("nan") == D("nan")
D("nan") < 1
D(10) ** -2
D(2) ** D("0.5")
D("7") // D("2")
D("-7") % D("2")
divmod(D("-7"), D("2"))
D("1.000").quantize(D("0.1"))
D("12345.678").quantize(D("1e2"))
str(D("1E+2"))
D("1E+2") + 0
D("0.00001")
D("0.0000001")
D(1) / D(0)
D(0) / D(0)
D("abc")
D("1.23").adjusted()
D(3).sqrt()
D("2").ln()
D("100").log10()
D(1).exp()
max(D("1"), D("1.0"))
hash(D("1.0")) == hash(1)
hash(F(1, 2)) == hash(0.5)
F("3/4") * 4
F(3, 4) ** -2
F(-1, 2) ** 0.5
F(2) ** F(1, 2)
F(5, 10).as_integer_ratio()
F(1, 3).limit_denominator(1)
F(1.1)
F("1.1")
F(" -7/3 ")
F("1/0")
F(1, 2) % F(1, 3)
divmod(F(7, 2), 1)
abs(F(-3, 4))
F(7, 2).__floor__()
F(3, 1) == 3
F(3, 1)
str(F(3, 1))
dt.timedelta(seconds=1.5) * F(2, 3)
dt.date(2024, 1, 1) - dt.timedelta(days=366)
dt.datetime(2024, 1, 1) - dt.date(2023, 1, 1)
dt.timedelta(days=1) / 0
dt.timedelta(hours=1) * 1.5
dt.timedelta(999999999, 86399, 999999) + dt.timedelta(microseconds=1)
dt.date(9999, 12, 31) + dt.timedelta(days=1)
dt.datetime(2020, 2, 29).replace(year=2021)
dt.time(25)
dt.date(2020, 1, 1) < dt.datetime(2020, 1, 1)
dt.date(2020, 1, 1) == dt.datetime(2020, 1, 1)
collections.Counter(a=1) < collections.Counter(a=2)
collections.deque([1]) + [2]
collections.deque([1]) * 2
collections.namedtuple("P", "x y")(1, 2) + (3,)
collections.namedtuple("P", "x x")
collections.namedtuple("P", "def x")
collections.namedtuple("P", "x y", rename=True)._fields
collections.OrderedDict(a=1) == collections.OrderedDict(a=1)
collections.OrderedDict(a=1, b=2) == collections.OrderedDict(b=2, a=1)
collections.OrderedDict(a=1, b=2) == dict(b=2, a=1)
statistics.mean([F(1, 2), F(1, 3)])
statistics.mean([D("1.5"), D("2.5")])
statistics.median([1, 3, 2, 4])
statistics.mode([])
statistics.stdev([1])
math.isqrt(-1)
math.factorial(-1)
math.factorial(2.0)
math.comb(3, 5)
math.gcd(0, 0)
math.log(-1)
math.pow(0, -1)
math.exp(1000)
math.atan2(0, -0.0)
math.degrees(math.pi)
math.nextafter(1, 2)
math.ulp(1.0)
math.remainder(7, 2)
math.trunc(D("-2.5"))
sum([D("0.1")] * 3)
sum([F(1, 3)] * 3)
sum([0.1] * 3, D(0))
'''
for line in exprs.strip().splitlines():
    try:
        r = eval(line)
        print(f"{line} -> {r!r}")
    except Exception as e:
        print(f"{line} !! {type(e).__name__}: {e}")
