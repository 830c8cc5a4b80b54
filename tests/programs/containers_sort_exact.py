seed = [7]
def rnd(n):
    seed[0] = (seed[0] * 1103515245 + 12345) % 2147483648
    return (seed[0] >> 8) % n
class X:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        return rnd(2) == 0
    def __repr__(self): return str(self.v)
class Y:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        # mostly consistent, sometimes lies
        if rnd(50) == 0: return not (self.v < o.v)
        return self.v < o.v
for n in [0, 1, 2, 5, 17, 64, 65, 100, 300, 1000, 2500]:
    l = [X(i) for i in range(n)]
    l.sort()
    print(n, [x.v for x in l][:20], sum(x.v * i for i, x in enumerate(l)))
    l = [Y(rnd(100)) for i in range(n)]
    l.sort()
    print(n, [x.v for x in l][:20], sum(x.v * i for i, x in enumerate(l)))
    l = [Y(rnd(100)) for i in range(n)]
    l.sort(reverse=True, key=lambda y: y)
    print(n, [x.v for x in l][:20], sum(x.v * i for i, x in enumerate(l)))
# runs with galloping
l = [Y(i) for i in list(range(0, 2000, 2)) + list(range(1, 2000, 2))]
cnt = [0]
class Z:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        cnt[0] += 1
        return self.v < o.v
l = [Z(i) for i in list(range(0, 4000, 2)) + list(range(1, 4000, 2))]
l.sort(); print(cnt[0], [z.v for z in l[:10]])
cnt[0] = 0
l = [Z(i % 37) for i in range(3000)]
l.sort(); print(cnt[0])
cnt[0] = 0
l = [Z((i * 7919) % 10007) for i in range(5000)]
l.sort(); print(cnt[0])
cnt[0] = 0
l = [Z(i) for i in range(3000)] + [Z(i) for i in range(1500, 1600)] + [Z(-i) for i in range(400)]
l.sort(); print(cnt[0])
