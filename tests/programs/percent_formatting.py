# printf-style % formatting of str.
print("%s %s" % ("a", "b"), "%s" % "single", "%s" % (("tuple",),), "%r" % "x", "%a" % "é")
print("%d %i %u" % (42, -42, 7), "%5d|%-5d|%05d|%+d|% d" % (1, 2, 3, 4, 5))
print("%x %X %o %#x %#X %#o %08x" % (255, 255, 8, 255, 255, 8, 48879))
print("%f %.2f %10.3f %-10.1f| %+.0f %e %.3E %g %G %.10g" % (1.5, 2.345, 3.14159, 2.5, 7.5, 12345.678, 0.000123, 1e-5, 1e20, 1 / 3))
print("%c%c %c" % (72, "i", 0x263A), "%%", "100%% sure", "%s%%" % 50)
print("%(name)s is %(age)d; %(name)r again" % {"name": "Bo", "age": 7})
print("%*d|%-*d|%.*f" % (6, 42, 6, 42, 2, 3.14159))
print("%s" % [1, 2], "%s" % {"a": 1}, "%s %s" % (None, True), "%d" % True, "%.3s" % "abcdef", "%5.2s|" % "xyz")
print("%d" % 3.99, "%x" % -255, "%o" % -8, "%e" % 0, "%g" % 100000, "%g" % 1000000, "%s" % 1e16)
class Obj:
    def __str__(self):
        return "STR"
    def __repr__(self):
        return "REPR"
print("%s %r" % (Obj(), Obj()))
for fmt, args in [("%d", ("x",)), ("%s %s", ("one",)), ("%s", ("a", "b")), ("%z", (1,)), ("%(k)s", ("notdict",)), ("%c", (1234567,))]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
rows = [("widget", 4, 3.5), ("gadget", 12, 10.0), ("doohickey", 1, 99.99)]
print("%-10s %5s %8s" % ("item", "qty", "price"))
for name, qty, price in rows:
    print("%-10s %5d %8.2f" % (name, qty, price))
print("%-10s %5d %8.2f" % ("total", sum(r[1] for r in rows), sum(r[1] * r[2] for r in rows)))
print("%s" % 10 ** 30, "%d" % 10 ** 30, "%x" % 2 ** 100, "%.2f" % 10 ** 20)
