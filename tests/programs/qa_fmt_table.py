# string formatting: tables with alignment
rows = [
    ("apple", 3, 0.5, True),
    ("banana", 12, 0.25, False),
    ("cherry", 100, 12.125, True),
    ("kiwi", 7, 1.0 / 3, False),
    ("watermelon", 1, 3.5, True),
]
header = ("name", "qty", "price", "fresh")
w = max(len(r[0]) for r in rows)
print(f"{header[0]:<{w}} | {header[1]:>5} | {header[2]:>8} | {header[3]:^7}")
print("-" * (w + 30))
for name, qty, price, fresh in rows:
    print(f"{name:<{w}} | {qty:>5d} | {price:>8.3f} | {str(fresh):^7}")
print("=" * (w + 30))
total = sum(q * p for _, q, p, _ in rows)
print(f"{'TOTAL':>{w}} | {sum(r[1] for r in rows):5} | {total:8.2f} |")

print("%-10s|%5d|%8.2f|%s" % ("x", 42, 3.14159, None))
print("%05d %+d %x %X %o %e %g %G %%" % (42, 42, 255, 255, 8, 12345.678, 0.00001234, 1e20))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%r %s %a" % ("q'uote", "é", "é"))
print("%c%c" % (65, "B"))
print("%10.4s|" % "abcdefg")
print("%-*d|%*d" % (6, 7, 4, 9))

print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{name:>10} {val:08.3f}".format(name="pi", val=3.14159))
print("{:,} {:_} {:,.2f}".format(1234567, 1234567, 1234567.891))
print("{:b} {:o} {:x} {:#x} {:#b} {:#o}".format(10, 10, 255, 255, 5, 8))
print("{:*^20}".format("mid"))
print("{:=+10d}".format(42))
print("{:.2%}".format(0.12345))
print("{0[0]} {0[1]} {1[k]}".format([9, 8], {"k": "v"}))
class P:
    x = 5
print("{0.x} {0.__class__.__name__}".format(P()))
print("{!r:>10}".format("s"))
print(f"{3.0:g} {1e-7:g} {123456789.0:g} {0.1 + 0.2!r} {1/3:.15}")
print(f"{-0.0} {-0.0:.1f} {1e16} {1e15} {1.5e-5} {123.456e5}")
for v in [0, 1, -1, 255, -255, 2**40]:
    print(f"{v:>14,} {v:#010x} {v:+} {v: }")
print(f"{'left':<8}|{'right':>8}|{'center':^9}|")
print(f"{'x'!r} {'y'!s} {'z'!a}")
name = "world"
print(f"{name=} {len(name)=} {3*4=:>5}")
print(f"{{literal}} {name.upper()} {[1,2][1]} {'a' if name else 'b'}")
print(str(12.0), str(1e100), repr(1e-300), str(2.5e-5), 1e22, 1e21)
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5), round(1234.5678, -2))
print(format(1234.5, "10.1f"), format(42, "b"), format("s", "^5"), format(3.0))
