# The format-spec mini-language across types, via format().
ints = [0, 7, -7, 255, 1234567, -1234567890]
specs = ["d", "5d", "<6d", "^7d", ">8d", "=+8d", "+d", "-d", " d", "08d", ",d", "_d", "_b", "_x", "#x", "#X", "#o", "#b", "x", "o", "b", "c", "e", ".2f", "%", "n", "10,d", "*>+10,d", "#010x", ""]
for n in ints:
    out = []
    for s in specs:
        if s == "c" and (n < 0 or n > 0x10FFFF):
            out.append("-")
            continue
        out.append(format(n, s))
    print(n, "|".join(out))
floats = [0.0, -0.0, 1.0, 3.14159, -2.5, 1234567.891, 0.000012345, 1e100]
fspecs = ["", "f", ".1f", "e", ".2E", "g", ".3g", "G", "%", ".0%", "+.2f", " .2f", "10.2f", "<10.2f", "^10.2f", "=10.2f", "010.2f", ",.2f", "_.3f", "#.0f", "#g", ".0e", "n", "*^12.3g"]
for v in floats:
    print(v, "|".join(format(v, s) for s in fspecs))
strs = ["", "a", "hello", "wide text"]
sspecs = ["", "s", "5", "<5", ">5", "^5", "*^7", ".2", "8.3", "->9.1"]
for s in strs:
    print(repr(s), "|".join(format(s, sp) for sp in sspecs))
for bad in [(1, "s"), ("x", "d"), (1.5, "d"), (1, ".2d"), ("s", "+"), (-1, "c"), ("x", "=5")]:
    try:
        print(format(*bad))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print(format(True, "d"), format(True, ""), format(True, ">6"), format(None, ""), format([1, 2]), format((1,)))
print(format(1 + 2j, ""), format(1.5 + 2j, ".2f"), format(3j, ">10"), format(10 ** 25, ","), format(2 ** 64, "_x"))
