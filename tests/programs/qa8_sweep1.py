exprs = r'''
10**4300 > 0
len(str(10**4299))
str(10**5000)
int("1"*5000)
(-1) ** 0.5
0 ** 0
0.0 ** -1
(-8) ** (1/3)
2 ** -1
10 % 0.0
divmod(1, 0.0)
float("1e500")
float("nan") == float("nan")
int(float("inf"))
int(float("nan"))
round(float("inf"))
round(2.5, 0)
round(1234.5678, -2)
round(-1.5)
round(0.125, 2)
round(1e300, 2)
(1.0).__round__()
1 / 3 * 3
0.1 * 3
1e16 + 1
2 ** 63
-2 ** 63
(-2) ** 63
~(2 ** 64)
(2**64) >> 65
-(2**64) >> 65
1 << -1
(2 ** 100) & -(2 ** 50)
(-7) & 0xFF
abs(-2**63)
int.bit_length(-(2**63))
hash(-1)
hash(2**61 - 1)
hash(1.5)
hash(-2**63)
hash((1, 2)) == hash((1, 2))
3 .real
(5).imag
True + True
True / 2
-True
~True
bool("False")
1 < 2 < 3 > 1
[] < [1]
(1, 2) < (1, 2, 0)
"a" < "B"
None == 0
"abc" * -1
[0] * 3 * 2
"%.3s" % "abcdef"
"%5.1f%%" % 99.55
"%+d" % 0
"%x" % -255
"%#x" % 255
"%o" % 8
"%e" % 0
"%g" % 1e-5
"%g" % 123456789
"%10.4g|" % 3.14159
"%-6d|" % 42
"%c" % 65
"%s" % None
"%r" % "é"
"%a" % "é"
"%(a)s-%(a)s" % {"a": 1}
"%*d" % (5, 3)
"%.*f" % (2, 3.14159)
f"{3.0:.0e}"
f"{1234.5:,.0f}"
f"{0.5:.0%}"
f"{-0.0}"
f"{-0.0:.1f}"
f"{1e-10:f}"
f"{123:c}"
f"{65:c}"
f"{10:n}"
f"{1.5:n}"
f"{12345678:,d}"
f"{1.23456789e-7:g}"
f"{float('nan'):f}"
f"{float('-inf'):e}"
f"{2**70:e}"
f"{2**70:.3g}"
f"{True:>5}"
f"{None}"
f"{'x':=^5}"
f"{-5:05d}"
f"{5:+05d}"
f"{3.14:010.2f}"
f"{3.14:+.2e}"
f"{255:#010x}"
f"{255:#010b}"
f"{1e5:.2g}"
f"{99999.5:.0f}"
f"{0.125:.2f}"
f"{0.375:.2f}"
f"{2.5:.0f}"
f"{1e23}"
f"{1.1e-4}"
f"{0.0001}"
f"{123456789.123456789}"
format(12.0, "")
format(12.5, "g")
format(1e-4, "")
format(100000000000000000.0, "")
format(3, "x<5")
repr(1.0e15)
repr(1.0e16)
repr(-1e-5)
repr(5e-324)
repr(1.7976931348623157e308)
str(0.1 + 0.7)
int("٣")
float("  -1_000.5  ")
float("infinity")
float("-iNF")
complex("1+2j")
complex(" 3j ")
int("+_1")
float("1__0")
'''
for line in exprs.strip().splitlines():
    try:
        r = eval(line)
        s = repr(r)
        if len(s) > 80:
            s = s[:40] + "..." + s[-20:] + f" (len {len(s)})"
        print(f"{line} -> {s}")
    except Exception as e:
        print(f"{line} !! {type(e).__name__}: {e}")
