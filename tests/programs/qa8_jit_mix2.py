import math
def collatz_len(n):
    c = 0
    while n != 1:
        n = 3 * n + 1 if n & 1 else n >> 1
        c += 1
    return c
best = max(range(1, 3000), key=collatz_len)
print(best, collatz_len(best))
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
    return [i for i, v in enumerate(is_p) if v]
pr = sieve(5000)
print(len(pr), pr[-5:], sum(pr))
def mandel(w, h, it=30):
    rows = []
    for y in range(h):
        row = ""
        for x in range(w):
            c = complex(-2 + 3 * x / w, -1 + 2 * y / h)
            z = 0
            n = 0
            while abs(z) <= 2 and n < it:
                z = z * z + c
                n += 1
            row += " .:-=+*#%@"[n % 10]
        rows.append(row)
    return rows
print("\n".join(mandel(40, 12)))
def nbody(steps):
    pos = [[0.0, 0.0], [1.0, 0.0], [0.0, 1.5]]
    vel = [[0.0, 0.0], [0.0, 1.0], [-0.8, 0.0]]
    mass = [10.0, 1.0, 0.5]
    dt = 0.01
    for _ in range(steps):
        for i in range(3):
            ax = ay = 0.0
            for j in range(3):
                if i == j:
                    continue
                dx = pos[j][0] - pos[i][0]
                dy = pos[j][1] - pos[i][1]
                d = math.sqrt(dx * dx + dy * dy) + 0.01
                ax += mass[j] * dx / d ** 3
                ay += mass[j] * dy / d ** 3
            vel[i][0] += ax * dt
            vel[i][1] += ay * dt
        for i in range(3):
            pos[i][0] += vel[i][0] * dt
            pos[i][1] += vel[i][1] * dt
    return [[round(c, 6) for c in p] for p in pos]
print(nbody(500))
def lcs(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            dp[i][j] = dp[i - 1][j - 1] + 1 if a[i - 1] == b[j - 1] else max(dp[i - 1][j], dp[i][j - 1])
    return dp[-1][-1]
print(lcs("AGGTABQWERTYUIOP" * 3, "GXTXAYBQWERTPOIU" * 3))
def knap(items, cap):
    best = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            if best[c - w] + v > best[c]:
                best[c] = best[c - w] + v
    return best[cap]
print(knap([(12, 4), (2, 2), (1, 1), (1, 2), (4, 10)] * 4, 30))
h = 0
for ch in "the quick brown fox" * 50:
    h = (h * 31 + ord(ch)) & 0xFFFFFFFF
print(h)
fib = [0, 1]
for i in range(200):
    fib.append(fib[-1] + fib[-2])
print(fib[-1] % 10**9, len(str(fib[-1])))
acc = 0
for i in range(10000):
    acc ^= (i * 2654435761) & 0xFFFFFFFF
print(acc)
