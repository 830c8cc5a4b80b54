import math
vals = [0, 1, -1, 3.14159, -2.5, 1e10, 1.5e-7, float("inf"), float("nan"), 12345678901234567890, True, 2**63]
for v in vals:
    print(f"{v!r:>24} | {v!s:<22} | {str(v):^10.6}")
for v in [3.14159, -2.5, 1e10, 1.5e-7, 0.0, -0.0, 100.0, 123456.789]:
    print(f"{v:e} {v:.3e} {v:g} {v:.3g} {v:f} {v:.0f} {v:%} {v:+.2f} {v: .1f} {v:010.3f} {v:,.1f}")
for n in [0, 7, -42, 255, 65535, 10**12]:
    print(f"{n:d} {n:5d} {n:<5d}| {n:^7d} {n:+d} {n:x} {n:X} {n:#x} {n:o} {n:b} {n:,} {n:_x} {n:08.2f} {n:e} {n:c}" if 0 <= n < 0x110000 else f"{n:d} {n:,} {n:_} {n:#b}")
print("%s %r %d %5.2f %-6s| %x %o %e %g %c %%" % ("s", "r", 42, 3.14159, "ab", 255, 8, 12345.678, 0.0001, 65))
print("%(name)s is %(age)03d" % {"name": "Al", "age": 7}, "%*d|%-*d|" % (5, 1, 4, 2), "%.3s" % "abcdef")
print("{:*^30}".format(" title "), "{:=+10d}".format(42), "{:0=10.2f}".format(-3.5))
print("{0[1]} {0[0]} {1.real} {2[key]}".format(["a", "b"], 3 + 4j, {"key": "v"}))
print(format(1234.5, ","), format(0.5, ".0%"), format(2.675, ".2f"), format(1e100, ".3g"), format(123, "08b"))
print(round(2.5), round(3.5), round(-0.5), round(1.2345, 2), round(1234, -2), round(2.675, 2), round(0.125, 2))
print(1/3, 2/3, 0.1 * 3, 1e16, 1e15 + 0.3, 2**0.5, math.pi * 1e20, 1e-5, 123456789.123456789, float(2**53 + 1))
print(repr(1.0), repr(1e22), repr(1e21), str(1e-4), 5e-324, 1.7976931348623157e308, -1e-310)
print(complex(1, 2), complex(0, -1), complex(1.5, 0), 1j * 1j, abs(3 + 4j), (1 + 2j).conjugate(), f"{1+2j:.2f}", complex("3-4j"))
print(int("0x1f", 16), int("1_000"), int(" 42 "), int("-0b101", 0), float("  1e3 "), float("-inf"), int(3.99), int(-3.99))
print(divmod(-7, 2), -7 // 2, -7 % 2, 7 % -2, divmod(7.5, 2), 2 ** -1, (-8) ** (1/3) if False else pow(-8, 1/3))
print(10 / 4, 10 // 4, 10.0 // 4, -10 // 4, 0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3), 7 .bit_length(), (255).to_bytes(2, "big"))
print(f"{'left':<{10}}|{'right':>{8}}|{3.14159:.{3}f}|{'x'!r}|{'α'!a}")
w = 7
print(f"{w=}", f"{w * 2 = }", f"{'q'=!s}", f"{3.5=:.2f}")
print("a{}b{}c".format(*"XY"), "{!r:^9}".format("hi"), "{:>{w}}".format("z", w=4))
print(str(10**30), 10**30 / 3, 10**30 // 7, -(10**20) % 7, int("9" * 40) + 1)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
print(math.gcd(12, 18), math.lcm(4, 6), math.isqrt(99), math.comb(10, 3), math.perm(5, 2), math.factorial(20), math.log(8, 2), math.log10(1000), math.hypot(3, 4), math.degrees(math.pi))
print(f"{12345:,d}".replace(",", "."), "{:,}".format(-1234567.891), "{:_b}".format(1000))
print("%5s|%-5s|%05d|%+d|%x" % ("ab", "cd", 42, 5, -255))
"{:d}".format(3.5)
