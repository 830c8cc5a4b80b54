# number formatting edge cases
vals = [0, 1, -1, 0.5, -0.5, 1e-7, 123456.789, 1e21, -1e-21, float("inf"), float("-inf"), float("nan"), 2 ** 0.5]
for v in vals:
    print(f"{v!r:>24} {v:g} {v:.3} {v:10.2e} {v:+.1f} {v:%}" if isinstance(v, float) else f"{v} {v:g} {v:3} {v:10.2e} {v:+.1f} {v:%}")
print(f"{1234567.0:n} {1234567:n} {0.1:n} {1e20:n}")
print(format(0.1, ".17g"), format(1/3, ".0e"), format(5, ".2f"), format(True, "d"), format(True, ".1f"), format(False))
print("{:.3}".format("abcdef"), "{:10.3}|".format("abcdef"), "{:>10.3f}".format(3.14159), "{:^10.1e}".format(12345.678))
print("{:,d}".format(-1234567), "{:_b}".format(255), "{:#_x}".format(2 ** 32), "{:08,.1f}".format(1234.56))
print("{:c}".format(9731), "{:X}".format(3054), "{:#o}".format(0), "{:e}".format(0), "{:.0f}".format(0.5), "{:.0f}".format(-0.5))
print("{:<+6d}|{:^+6d}|{:>+6d}|{:=+6d}".format(5, 5, 5, 5), "{: d} {: d}".format(5, -5))
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, 3.5), "%.2f" % 2.675, "%.1f" % 0.25, "%.1f" % 0.35)
print("%e" % 0, "%g" % 100000, "%g" % 1000000, "%g" % 0.0001, "%g" % 0.00001, "%#g" % 1.0, "%#x" % 255, "%#o" % 8)
print("%5s|%-5s|%.1s|%5.2s|" % ("abc", "abc", "abc", "abc"), "%3d|%-3d|%03d|%+3d" % (5, 5, 5, 5))
print("%s %s %s" % (1.0, 1e16, 1e-5), "%r" % 1.1, "%i" % 3.99, "%d" % -3.99, "%x" % -255)
print(float.hex(1.0), float.hex(0.1), float.fromhex("0x1.8p1"), (3.5).hex(), float.hex(-0.0))
print(complex(1, 2), complex(1.5, -0.5), complex(0, 1), complex(-0.0, 0), 1j * 1j, (1 + 2j) / (3 - 4j), complex("1+2j"), complex(" 3j "))
print(-(0j), 0j, complex(0, -0.0), abs(-3j), (2j) ** 2, (1 + 1j) ** 0.5, 1j ** 1j if False else "skip")
print((-8) ** (1 / 3), (-1) ** 0.5, 2 ** 0.5, (-2) ** -1, 0.0 ** 0, (-0.0) ** 2)
print(f"{1+2j}", f"{1+2j:.2f}" if True else "", format(3 - 4j, "^20"), repr(complex(1e20, 1e-20)))
print(round(2.5), round(2.5, 0), round(-2.5, 0), round(1.05, 1), round(1.15, 1), round(1.25, 1), round(2.675, 2))
print(round(0.1 + 0.2, 15), round(1e300, -299), round(123.456, 10), round(5, 2), type(round(5.0)).__name__, type(round(5.0, 0)).__name__)
print(int("0b101", 0), int("0o17", 0), int("0x1F", 0), int("  -12_345  "), int("+5"), int("١٢٣"))
print(float("1e-400"), float("1e400"), float("-0"), float(".5e1"), float("5."), float("infinity"), float("NaN"))
for bad in ["", " ", "1.2.3", "1e", "0x10", "1_", "_1", "--1", "nan1"]:
    try:
        print(float(bad))
    except ValueError as e:
        print("ValueError:", e)
for bad in ["", "1.0", "0x10", "1__0", "12a", " ", "٣x"]:
    try:
        print(int(bad))
    except ValueError as e:
        print("ValueError:", e)
print(1e15, 1e16, 123456789012345678, 0.1 + 0.7, 1.1 * 1.1, 3 * 1.1, 100 * 1.1, 4.35 * 100)
print(9007199254740993, float(9007199254740993), 2 ** 53 + 1.0, int(1e23), 1e23, 10 ** 23 == 1e23)
print(1 / 7, 22 / 7, 355 / 113, 1e-320, 2.2250738585072014e-308, 5e-324 / 2, 1.7976931348623157e308 * 1.0000000000000002)
