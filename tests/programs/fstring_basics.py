# f-strings: expressions, conversions, nested format specs, = specifier.
name, age, pi = "Ada", 36, 3.14159265
items = ["x", "y"]
d = {"k": "v", "n": 5}
print(f"{name} is {age} years old")
print(f"{name!r} {name!s} {name!a} {'é'!a} {items!r}")
print(f"{age + 1} {age * 2:5d} {pi:.3f} {pi:10.2f}| {pi:<10.2f}| {pi:^10.1f}|")
print(f"{d['k']} {d['n']:03} {items[0]}{items[-1]} {len(items)}")
width, prec = 12, 4
print(f"[{pi:{width}.{prec}f}] [{pi:>{width}}] [{name:{'*'}^{width}}] [{age:{'0'}{width}d}]")
print(f"{age=} {pi=:.2f} {name=!r} {age * 2 = } {items[0]=}")
print(f"{'nested ' + f'{age:x}'} {f'{1 + 1}' if False else 'inner'}")
print(f"{{literal braces}} {{{age}}} {'}'}")
print(f"{3 if age > 30 else 4} {[i * i for i in range(4)]} {(lambda v: v + 1)(5)} {','.join(items)}")
print(f"{age:#x} {age:#o} {age:#b} {age:08b} {age:,} {10**9:_} {-age:+} {age: }")
print(f"{0.000123:.2e} {123456.789:,.1f} {0.256:.1%} {1e20:g}")
for i in range(1, 6):
    print(f"{i:>3}|{i ** 2:>4}|{i ** 3:>5}|{1 / i:>8.4f}|{'#' * i:<6}|")
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
p = P()
print(f"{p} {p!r} {p!s} {p:abc} {p:{width}}")
x = 10
print(f"{x:{'>' if x > 5 else '<'}{x}}|")
print(f"""multi
{name}
line""")
print(F"upper F {age}", rf"raw \n {age}", fr"{name}\t")
print(f"{x!r:>6}|{name!r:^9}|{str(pi)[:4]}")
