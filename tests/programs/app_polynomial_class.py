# A polynomial class with arithmetic, evaluation, derivative, division and root finding.
class Poly:
    def __init__(self, coeffs):
        c = list(coeffs)
        while len(c) > 1 and c[-1] == 0:
            c.pop()
        self.c = c or [0]
    @property
    def degree(self):
        return len(self.c) - 1 if self.c != [0] else -1
    def __call__(self, x):
        r = 0
        for a in reversed(self.c):
            r = r * x + a
        return r
    def __add__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        n = max(len(self.c), len(o.c))
        return Poly([(self.c[i] if i < len(self.c) else 0) + (o.c[i] if i < len(o.c) else 0) for i in range(n)])
    __radd__ = __add__
    def __neg__(self):
        return Poly([-a for a in self.c])
    def __sub__(self, o):
        return self + (-o if isinstance(o, Poly) else Poly([-o]))
    def __rsub__(self, o):
        return -self + o
    def __mul__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        r = [0] * (len(self.c) + len(o.c) - 1)
        for i, a in enumerate(self.c):
            for j, b in enumerate(o.c):
                r[i + j] += a * b
        return Poly(r)
    __rmul__ = __mul__
    def __pow__(self, n):
        r = Poly([1])
        for _ in range(n):
            r = r * self
        return r
    def __eq__(self, o):
        return isinstance(o, Poly) and self.c == o.c
    def __divmod__(self, d):
        num = self.c[:]
        q = [0] * max(1, len(num) - len(d.c) + 1)
        while len(num) >= len(d.c) and num != [0]:
            shift = len(num) - len(d.c)
            factor = num[-1] / d.c[-1]
            if factor == int(factor):
                factor = int(factor)
            q[shift] = factor
            for i, b in enumerate(d.c):
                num[i + shift] -= factor * b
            while len(num) > 1 and num[-1] == 0:
                num.pop()
            if len(num) == 1 and num[0] == 0:
                break
        return Poly(q), Poly(num)
    def derivative(self):
        return Poly([i * a for i, a in enumerate(self.c)][1:] or [0])
    def newton(self, x, steps=50):
        d = self.derivative()
        for _ in range(steps):
            dx = d(x)
            if dx == 0:
                break
            x = x - self(x) / dx
        return x
    def __repr__(self):
        terms = []
        for i in range(len(self.c) - 1, -1, -1):
            a = self.c[i]
            if a == 0 and len(self.c) > 1:
                continue
            sign = "-" if a < 0 else "+"
            a = abs(a)
            coef = "" if a == 1 and i else str(a)
            var = "" if i == 0 else "x" if i == 1 else f"x^{i}"
            terms.append((sign, coef + var))
        s = " ".join(f"{sg} {t}" for sg, t in terms)
        return s[2:] if s.startswith("+ ") else "-" + s[2:]
x = Poly([0, 1])
p = x ** 3 - 6 * x ** 2 + 11 * x - 6
q = x - 1
print("p =", p, "| degree", p.degree)
print("q =", q, "| p + q =", p + q, "| p * q =", p * q)
print("values:", [p(v) for v in range(6)])
print("p' =", p.derivative(), "| p'' =", p.derivative().derivative())
quot, rem = divmod(p, q)
print("p / q =", quot, "remainder", rem)
quot2, rem2 = divmod(x ** 4 + 1, x ** 2 + x + 1)
print("(x^4+1)/(x^2+x+1) =", quot2, "remainder", rem2, "check", quot2 * (x ** 2 + x + 1) + rem2 == x ** 4 + 1)
print("roots via newton:", sorted(round(p.newton(g), 9) for g in (0.0, 1.6, 10.0)))
print("(x+1)^6 =", (x + 1) ** 6)
print("binomial row:", ((x + 1) ** 10).c)
cheb = [Poly([1]), x]
for n in range(2, 8):
    cheb.append(2 * x * cheb[-1] - cheb[-2])
for n, t in enumerate(cheb):
    print(f"T{n} = {t}")
print(Poly([0]), Poly([0, 0, 0]).degree, Poly([5]), -x, Poly([1, -1]) == 1 - x)
