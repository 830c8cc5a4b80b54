seed = [11]
def rnd(n):
    seed[0] = (seed[0] * 1103515245 + 12345) % 2147483648
    return (seed[0] >> 8) % n
d = {}
for step in range(3000):
    op = rnd(6)
    k = rnd(40)
    if op < 3:
        d[k] = step
    elif op == 3:
        d.pop(k, None)
    elif op == 4 and d:
        d.popitem()
    else:
        d.setdefault(k, -1)
    if step % 300 == 0:
        print(d, list(reversed(d.items()))[:3], len(d))
s = set()
for step in range(3000):
    op = rnd(5)
    k = rnd(60) * (1 if rnd(2) else 17)
    if op < 2:
        s.add(k)
    elif op == 2:
        s.discard(k)
    elif op == 3 and s:
        s.pop()
    else:
        s ^= {k, k + 1}
    if step % 300 == 0:
        print(s, len(s))
