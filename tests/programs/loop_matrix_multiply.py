# Naive matrix multiplication with nested loops and list indexing.
def make(n, seed):
    m = []
    v = seed
    for i in range(n):
        row = []
        for j in range(n):
            v = (v * 1103515245 + 12345) % 2147483648
            row.append((v % 1000) / 100.0)
        m.append(row)
    return m
def matmul(a, b):
    n, k, m = len(a), len(b), len(b[0])
    c = [[0.0] * m for _ in range(n)]
    for i in range(n):
        ai = a[i]
        ci = c[i]
        for p in range(k):
            aip = ai[p]
            bp = b[p]
            for j in range(m):
                ci[j] += aip * bp[j]
    return c
def trace(m):
    t = 0.0
    for i in range(len(m)):
        t += m[i][i]
    return t
n = 150
a = make(n, 1)
b = make(n, 2)
c = matmul(a, b)
print("trace", round(trace(c), 6))
print("corner", [round(v, 4) for v in c[0][:4]], [round(v, 4) for v in c[-1][-4:]])
total = 0.0
for row in c:
    for v in row:
        total += v
print("sum", round(total, 4))
def int_matmul(a, b):
    n = len(a)
    c = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            s = 0
            for k in range(n):
                s += a[i][k] * b[k][j]
            c[i][j] = s
    return c
m = [[(i * j + 1) % 7 for j in range(60)] for i in range(60)]
p = m
for _ in range(3):
    p = int_matmul(p, m)
print("int power checksum", sum(sum(r) for r in p) % 1000000007, p[0][:5])
