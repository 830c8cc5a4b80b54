# A Matrix class with operator overloading, determinant, inverse and solving.
class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged or empty matrix")
        self.rows = [list(r) for r in rows]
        self.n, self.m = len(rows), len(rows[0])
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __setitem__(self, ij, v):
        i, j = ij
        self.rows[i][j] = v
    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows
    def __add__(self, o):
        self._same_shape(o)
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def __sub__(self, o):
        self._same_shape(o)
        return Matrix([[a - b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def __neg__(self):
        return self * -1
    def __mul__(self, k):
        if isinstance(k, Matrix):
            return self @ k
        return Matrix([[a * k for a in r] for r in self.rows])
    __rmul__ = __mul__
    def __matmul__(self, o):
        if self.m != o.n:
            raise ValueError(f"shape mismatch {self.shape} @ {o.shape}")
        cols = list(zip(*o.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __pow__(self, k):
        result = Matrix.identity(self.n)
        base = self
        while k:
            if k & 1:
                result = result @ base
            base = base @ base
            k >>= 1
        return result
    @property
    def shape(self):
        return (self.n, self.m)
    @property
    def T(self):
        return Matrix([list(c) for c in zip(*self.rows)])
    def _same_shape(self, o):
        if self.shape != o.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {o.shape}")
    def det(self):
        if self.n != self.m:
            raise ValueError("determinant of non-square matrix")
        if self.n == 1:
            return self.rows[0][0]
        if self.n == 2:
            (a, b), (c, d) = self.rows
            return a * d - b * c
        total = 0
        for j in range(self.m):
            minor = Matrix([r[:j] + r[j + 1:] for r in self.rows[1:]])
            total += (-1) ** j * self.rows[0][j] * minor.det()
        return total
    def inverse(self):
        n = self.n
        aug = [[float(x) for x in r] + [1.0 if i == j else 0.0 for j in range(n)] for i, r in enumerate(self.rows)]
        for col in range(n):
            pivot = max(range(col, n), key=lambda r: abs(aug[r][col]))
            if abs(aug[pivot][col]) < 1e-12:
                raise ZeroDivisionError("matrix is singular")
            aug[col], aug[pivot] = aug[pivot], aug[col]
            p = aug[col][col]
            aug[col] = [v / p for v in aug[col]]
            for r in range(n):
                if r != col:
                    f = aug[r][col]
                    aug[r] = [a - f * b for a, b in zip(aug[r], aug[col])]
        return Matrix([r[n:] for r in aug])
    def rounded(self, nd=6):
        return Matrix([[round(v, nd) + 0.0 for v in r] for r in self.rows])
    def __repr__(self):
        w = max(len(str(v)) for r in self.rows for v in r)
        return "\n".join("[" + " ".join(str(v).rjust(w) for v in r) + "]" for r in self.rows)
A = Matrix([[2, 1, 0], [1, 3, 1], [0, 1, 4]])
B = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 10]])
print(A + B, A - B, -A, 2 * A, sep="\n--\n")
print("A @ B =")
print(A @ B)
print("B.T =")
print(B.T)
print("det A", A.det(), "det B", B.det(), "det(A@B)", (A @ B).det(), "product", A.det() * B.det())
print("A inverse (rounded):")
print(A.inverse().rounded(4))
print("A @ A^-1 == I:", (A @ A.inverse()).rounded(9) == Matrix.identity(3).rounded(9))
F = Matrix([[1, 1], [1, 0]])
print("fib via matrix power:", [(F ** k)[0, 1] for k in range(1, 20)])
print((F ** 90)[0, 1])
for bad in [lambda: A @ Matrix([[1, 2]]), lambda: A + Matrix([[1]]), lambda: Matrix([[1, 2], [2, 4]]).inverse(), lambda: Matrix([[1, 2], [3]])]:
    try:
        bad()
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
rhs = [3, 5, 9]
x = A.inverse() @ Matrix([[v] for v in rhs])
print("solution", [round(r[0], 6) for r in x.rows])
