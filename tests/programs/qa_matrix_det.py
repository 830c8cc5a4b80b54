# matrices with exact rational arithmetic: determinant, inverse, solve
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Q:
    __slots__ = ("n", "d")
    def __init__(self, n, d=1):
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    def __add__(self, o): o = q(o); return Q(self.n * o.d + o.n * self.d, self.d * o.d)
    def __sub__(self, o): o = q(o); return Q(self.n * o.d - o.n * self.d, self.d * o.d)
    def __mul__(self, o): o = q(o); return Q(self.n * o.n, self.d * o.d)
    def __truediv__(self, o): o = q(o); return Q(self.n * o.d, self.d * o.n)
    __radd__ = __add__
    __rmul__ = __mul__
    def __rsub__(self, o): return q(o) - self
    def __neg__(self): return Q(-self.n, self.d)
    def __eq__(self, o): o = q(o); return (self.n, self.d) == (o.n, o.d)
    def __bool__(self): return self.n != 0
    def __repr__(self): return str(self.n) if self.d == 1 else f"{self.n}/{self.d}"
def q(x):
    return x if isinstance(x, Q) else Q(x)
def mat(rows):
    return [[q(v) for v in r] for r in rows]
def show(m, title):
    print(title)
    w = max(len(repr(v)) for r in m for v in r)
    for r in m:
        print("  [" + "  ".join(repr(v).rjust(w) for v in r) + "]")
def det(m):
    m = [row[:] for row in m]
    n = len(m)
    sign = 1
    result = Q(1)
    for c in range(n):
        p = next((r for r in range(c, n) if m[r][c]), None)
        if p is None:
            return Q(0)
        if p != c:
            m[c], m[p] = m[p], m[c]
            sign = -sign
        result = result * m[c][c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            m[r] = [a - f * b for a, b in zip(m[r], m[c])]
    return result * sign
def inverse(m):
    n = len(m)
    aug = [row[:] + [Q(int(i == j)) for j in range(n)] for i, row in enumerate(m)]
    for c in range(n):
        p = next((r for r in range(c, n) if aug[r][c]), None)
        if p is None:
            raise ValueError("matrix is singular")
        aug[c], aug[p] = aug[p], aug[c]
        pivot = aug[c][c]
        aug[c] = [v / pivot for v in aug[c]]
        for r in range(n):
            if r != c and aug[r][c]:
                f = aug[r][c]
                aug[r] = [a - f * b for a, b in zip(aug[r], aug[c])]
    return [row[n:] for row in aug]
def matmul(a, b):
    return [[sum((x * y for x, y in zip(row, col)), Q(0)) for col in zip(*b)] for row in a]
A = mat([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
show(A, "A =")
print("det A =", det(A))
Ai = inverse(A)
show(Ai, "A^-1 =")
show(matmul(A, Ai), "A * A^-1 =")
H = mat([[Q(1, i + j + 1) for j in range(4)] for i in range(4)])
print("det Hilbert4 =", det(H))
show(inverse(H), "Hilbert4^-1 =")
S = mat([[1, 2], [2, 4]])
print("det S =", det(S))
try:
    inverse(S)
except ValueError as e:
    print("ValueError:", e)
b = [[q(1)], [q(0)], [q(1)]]
x = matmul(Ai, b)
print("solution:", [r[0] for r in x], matmul(A, x) == b)
