# __format__, __str__ and __repr__ in formatting contexts.
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] + "f") + "°F"
        if spec.endswith("K"):
            return format(self.c + 273.15, spec[:-1] + "f") + "K"
        return format(self.c, spec or ".1f") + "°C"
    def __str__(self):
        return f"Temp({self.c})"
    def __repr__(self):
        return f"Temp(c={self.c!r})"
t = Temp(21.5)
print(f"{t}", f"{t:.2F}", f"{t:.0K}", f"{t:>8.1f}", format(t), format(t, "F"), str(t), repr(t))
print("{0} {0:.3F} {0!s} {0!r}".format(t), "%s %r" % (t, t), [t], (t,), {"t": t})
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        amount = f"{self.cents / 100:,.2f}"
        if spec:
            return format("$" + amount, spec)
        return "$" + amount
for c in [5, 1999, 123456789, 0]:
    print(f"[{Money(c)}] [{Money(c):>15}] [{Money(c):*<15}]")
class Plain:
    pass
try:
    format(Plain(), "x")
except TypeError as e:
    print("TypeError:", e)
p = Plain()
print(format(p, "") == str(p) or "same-ish")
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(str(OnlyRepr()), f"{OnlyRepr()}", "%s" % OnlyRepr(), [OnlyRepr()])
class BadFormat:
    def __format__(self, spec):
        return 42
try:
    f"{BadFormat()}"
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
class Sub(str):
    def __str__(self):
        return "overridden"
s = Sub("base")
print(s, str(s), f"{s}", s + "!", len(s), s.upper(), repr(s))
class IntLike(int):
    def __format__(self, spec):
        return "I" + int.__format__(self, spec)
print(f"{IntLike(42):05d}", format(IntLike(7)), str(IntLike(7)))
