# sparse polynomials stored as {exponent: coefficient}
class Poly:
    def __init__(self, terms=None):
        self.t = {e: c for e, c in (terms or {}).items() if c != 0}
    @classmethod
    def parse(cls, s):
        terms = {}
        s = s.replace(" ", "").replace("-", "+-")
        for part in filter(None, s.split("+")):
            if "x" in part:
                coef, _, exp = part.partition("x")
                coef = {"": 1, "-": -1}.get(coef, None) or int(coef) if coef not in ("", "-") else {"": 1, "-": -1}[coef]
                exp = int(exp[1:]) if exp.startswith("^") else 1
            else:
                coef, exp = int(part), 0
            terms[exp] = terms.get(exp, 0) + coef
        return cls(terms)
    def __add__(self, o):
        r = dict(self.t)
        for e, c in o.t.items():
            r[e] = r.get(e, 0) + c
        return Poly(r)
    def __neg__(self):
        return Poly({e: -c for e, c in self.t.items()})
    def __sub__(self, o):
        return self + -o
    def __mul__(self, o):
        if isinstance(o, int):
            return Poly({e: c * o for e, c in self.t.items()})
        r = {}
        for e1, c1 in self.t.items():
            for e2, c2 in o.t.items():
                r[e1 + e2] = r.get(e1 + e2, 0) + c1 * c2
        return Poly(r)
    __rmul__ = __mul__
    def __pow__(self, n):
        r = Poly({0: 1})
        for _ in range(n):
            r = r * self
        return r
    def __call__(self, x):
        return sum(c * x ** e for e, c in self.t.items())
    def deriv(self):
        return Poly({e - 1: c * e for e, c in self.t.items() if e})
    def degree(self):
        return max(self.t, default=-1)
    def __eq__(self, o):
        return self.t == o.t
    def __str__(self):
        if not self.t:
            return "0"
        out = []
        for e in sorted(self.t, reverse=True):
            c = self.t[e]
            sign = "-" if c < 0 else "+"
            a = abs(c)
            body = (str(a) if a != 1 or e == 0 else "") + ("x" if e else "") + (f"^{e}" if e > 1 else "")
            out.append(f"{sign} {body}")
        s = " ".join(out)
        return s[2:] if s.startswith("+") else "-" + s[2:]
    def __repr__(self):
        return f"Poly({self.t})"
p = Poly.parse("3x^2 - 2x + 1")
q = Poly.parse("x - 1")
print(p, "|", q, "|", p + q, "|", p - q, "|", p * q, "|", q ** 5)
print(p(2), q(1), (p * q)(3), p.deriv(), p.deriv().deriv(), p.deriv().deriv().deriv(), (q ** 3).degree())
print(Poly.parse("-x^3 + x"), Poly.parse("5"), Poly.parse("x"), Poly.parse("-x"), Poly(), 2 * p, p * 0)
print(repr(Poly.parse("2x^2+3x^2")), (q ** 2) == Poly.parse("x^2 - 2x + 1"))
binom = Poly.parse("x + 1") ** 10
print(binom)
print([binom.t[e] for e in sorted(binom.t)], sum(binom.t.values()), binom(1), binom(-1))
def newton(poly, x0, steps=30):
    d = poly.deriv()
    x = x0
    for _ in range(steps):
        x = x - poly(x) / d(x)
    return x
r = newton(Poly.parse("x^2 - 2"), 1.0)
print(f"{r:.12f}", f"{newton(Poly.parse('x^3 - 2x - 5'), 2.0):.10f}")
