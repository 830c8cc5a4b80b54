def make(rows, cols, fill=0):
    return [[fill] * cols for _ in range(rows)]
def shape(m):
    return len(m), len(m[0]) if m else 0
def mat_mul(a, b):
    (n, k), (k2, m) = shape(a), shape(b)
    if k != k2:
        raise ValueError(f"cannot multiply {n}x{k} by {k2}x{m}")
    return [[sum(a[i][t] * b[t][j] for t in range(k)) for j in range(m)] for i in range(n)]
def transpose(m):
    return [list(r) for r in zip(*m)]
def det(m):
    n = len(m)
    if n == 1:
        return m[0][0]
    if n == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** c * m[0][c] * det([row[:c] + row[c + 1:] for row in m[1:]]) for c in range(n))
def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
def show(m, w=5):
    for r in m:
        print("".join(f"{v:{w}}" for v in r))
from fractions import Fraction
def inverse(m):
    n = len(m)
    aug = [[Fraction(v) for v in row] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(m)]
    for col in range(n):
        piv = next((r for r in range(col, n) if aug[r][col] != 0), None)
        if piv is None:
            raise ZeroDivisionError("matrix is singular")
        aug[col], aug[piv] = aug[piv], aug[col]
        p = aug[col][col]
        aug[col] = [v / p for v in aug[col]]
        for r in range(n):
            if r != col and aug[r][col]:
                f = aug[r][col]
                aug[r] = [a - f * b for a, b in zip(aug[r], aug[col])]
    return [row[n:] for row in aug]
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(mat_mul(a, b))
show(transpose(a))
m = [[2, -1, 0], [1, 3, 2], [0, 1, 4]]
print(det(m), det(identity(4)), det([[1, 2], [2, 4]]))
inv = inverse(m)
show(inv, 8)
print(mat_mul(m, inv) == identity(3))
try:
    mat_mul(a, a)
except ValueError as e:
    print(e)
try:
    inverse([[1, 2], [2, 4]])
except ZeroDivisionError as e:
    print("error:", e)
grid = make(3, 4, ".")
grid[1][2] = "#"
print("\n".join("".join(r) for r in grid))
bad = [[0] * 3] * 3
bad[0][0] = 1
print(bad)
spiral, n = make(4, 4), 4
x = y = 0; dx, dy = 0, 1
for v in range(1, n * n + 1):
    spiral[x][y] = v
    nx, ny = x + dx, y + dy
    if not (0 <= nx < n and 0 <= ny < n and spiral[nx][ny] == 0):
        dx, dy = dy, -dx
    x, y = x + dx, y + dy
show(spiral, 4)
rot = [list(r) for r in zip(*spiral[::-1])]
show(rot, 4)
print(sum(spiral[i][i] for i in range(n)), max(map(max, spiral)), [sum(c) for c in zip(*spiral)])
