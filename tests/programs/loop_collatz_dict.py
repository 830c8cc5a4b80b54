# Collatz lengths with a memo dict, and histogram building in loops.
cache = {1: 1}
def collatz_len(n):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = cache[n]
    for m in reversed(path):
        length += 1
        cache[m] = length
    return length
best = (0, 0)
hist = {}
for i in range(1, 300000):
    L = collatz_len(i)
    if L > best[0]:
        best = (L, i)
    bucket = L // 25
    hist[bucket] = hist.get(bucket, 0) + 1
print("longest chain below 300000:", best)
for b in sorted(hist):
    print(f"{b * 25:4}-{b * 25 + 24:<4} {hist[b]:7}")
print("cache size:", len(cache))
