# operator overloading: vectors and matrices
class Vec:
    __slots__ = ("x", "y", "z")
    def __init__(self, x=0, y=0, z=0):
        self.x, self.y, self.z = x, y, z
    def __repr__(self):
        return f"Vec({self.x}, {self.y}, {self.z})"
    def __add__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y + self.z * k.z
        return Vec(self.x * k, self.y * k, self.z * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k, self.z / k)
    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self * self) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y, self.z) == (o.x, o.y, o.z)
    def __hash__(self):
        return hash((self.x, self.y, self.z))
    def __bool__(self):
        return bool(self.x or self.y or self.z)
    def __iter__(self):
        yield self.x
        yield self.y
        yield self.z
    def __getitem__(self, i):
        return (self.x, self.y, self.z)[i]
    def __matmul__(self, o):
        return Vec(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)
    def __iadd__(self, o):
        self.x += o.x; self.y += o.y; self.z += o.z
        return self

a = Vec(1, 2, 3)
b = Vec(4, 5, 6)
print(a + b, a - b, a * 2, 3 * a, a * b, -a, +a, a / 2)
print(abs(Vec(3, 4, 0)), a @ b, list(a), a[1], a[-1], a[0:2])
print(a == Vec(1, 2, 3), a != b, bool(Vec()), bool(a))
print({a, Vec(1, 2, 3), b}.__len__())
c = a
c += b
print(a, c is a)
x, y, z = b
print(x, y, z)
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    a.w = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    "s" - a
except TypeError as e:
    print("TypeError:", e)

class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(rows)
        self.m = len(rows[0])
    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"
    def __str__(self):
        w = max(len(str(v)) for r in self.rows for v in r)
        return "\n".join(" ".join(str(v).rjust(w) for v in r) for r in self.rows)
    def __mul__(self, o):
        if isinstance(o, (int, float)):
            return Matrix([[v * o for v in r] for r in self.rows])
        return Matrix([[sum(self.rows[i][k] * o.rows[k][j] for k in range(self.m)) for j in range(o.m)] for i in range(self.n)])
    def __pow__(self, p):
        r = Matrix([[int(i == j) for j in range(self.n)] for i in range(self.n)])
        base = self
        while p:
            if p & 1:
                r = r * base
            base = base * base
            p >>= 1
        return r
    def __eq__(self, o):
        return self.rows == o.rows
    def transpose(self):
        return Matrix(zip(*self.rows))

F = Matrix([[1, 1], [1, 0]])
print(F ** 10)
print((F ** 90).rows[0][1])
M = Matrix([[1, 2, 3], [4, 5, 6]])
print(M.transpose())
print(M * M.transpose())
print(repr(M * 0.5))
print(M == Matrix([(1, 2, 3), (4, 5, 6)]), M != M)
