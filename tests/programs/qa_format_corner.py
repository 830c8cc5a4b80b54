# str.format / f-string / print corner cases
x = 3.14159
print("{:>{width}.{prec}f}|".format(x, width=10, prec=2), "{0!r:^{1}}|".format("s", 7))
data = {"key": "v", 1: "one"}
print("{d[key]} {d[1]}".format(d=data))
for fmt, args in [("{d['key']}", {"d": data}), ("{0[-1]}", {}), ("{0[a}", {}), ("{", {}), ("}", {}),
                  ("{0}{1}", {}), ("{name}", {}), ("{0:{1}}", {}), ("{!x}", {}), ("{0.missing}", {}),
                  ("{:%}", {}), ("{:,s}", {}), ("{0:=^+#012,.3f}", {}), ("{:c}", {})]:
    try:
        if fmt in ("{0[-1]}", "{0[a}"):
            print(repr(fmt.format([1, 2])))
        elif fmt == "{0.missing}":
            print(fmt.format(5))
        elif fmt in ("{:%}", "{0:=^+#012,.3f}"):
            print(fmt.format(1234.5))
        elif fmt == "{:,s}":
            print(fmt.format("abc"))
        elif fmt == "{:c}":
            print(fmt.format(-1))
        else:
            print(repr(fmt.format(**args)))
    except (KeyError, IndexError, ValueError, TypeError, AttributeError, OverflowError) as e:
        print(f"{fmt!r}: {type(e).__name__}: {e}")
print("{{}} {{{0}}} {{0}}".format("in"), f"{{}} {{{x:.1f}}}", "%%d %s%%" % "p")
print("{0}{0}{1}{0}".format("a", "b"), "{}{}".format(*"xy"), "{a}{b}".format(**{"a": 1, "b": 2}))
class Obj:
    def __init__(self):
        self.items = [10, 20]
        self.name = "obj"
    def __format__(self, spec):
        return f"<Obj {spec or 'nospec'}>"
    def __str__(self):
        return "Obj-str"
    def __repr__(self):
        return "Obj-repr"
o = Obj()
print(f"{o} {o!s} {o!r} {o:xyz} {o!s:>10} {o!r:<10}|", "{0.items[1]} {0.name!r}".format(o), format(o, "q"), "%s %r" % (o, o))
print(str.format("{} {}", 1, 2), "{:}".format(5), "{0:}".format("s"), format(5, ""), format("x", ""))
class Plain:
    pass
try:
    format(Plain(), "x")
except TypeError as e:
    print("TypeError:", e)
try:
    f"{Plain():>10}"
except TypeError as e:
    print("TypeError:", e)
print("a", "b", sep="")
print("a", "b", sep=None, end=None)
print("x", end="")
print()
print(*[1, 2, 3], sep=" | ", end=" <end>\n")
print("multi\nline", "arg")
try:
    print("a", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("a", end=[])
except TypeError as e:
    print("TypeError:", e)
try:
    print("a", foo=1)
except TypeError as e:
    print("TypeError:", e)
width = 12
for name, val in [("alpha", 1.5), ("beta", -22.25), ("gamma", 333.125)]:
    print(f"{name:.<{width}}{val:>+10.2f}")
print(f"{'%'}{5}%", f"{{x}}", f"{x!r:.3}", f"{'abc'!r:>8}", f"{3!r}", f"{[1,2]!s:>8}")
items = ["a", "b"]
print(f"{', '.join(items)}", f"{len(items) * 2}", f"{items[0].upper()}", f"{ {'k': 1}['k'] }")
print(f"{x:{'>'}10.2f}", f"{x:{width}}", f"{x:{width}.{2}}", f"{42:{'x'}}")
multi = (f"line one {x:.1f} "
         f"line two {width} "
         "plain")
print(multi)
print(f"""triple {x:.2f}
second {width:>4}""")
print(f"{x=:.2f}", f"{width = }", f"{ items[0] = }")
