# Loops that read the attributes of one object and store those of another: the JIT keeps
# the first object's attributes in registers behind a guard that the objects differ
# ("alias"), and must leave the trace when they turn out to be the same object.


class P:
    def __init__(self, x):
        self.x = x
        self.v = 0.0
        self.n = 0


def pairs(ps, steps):
    # `b` is `a` once per pass of the inner loop: the guard fails there.
    for k in range(steps):
        a = ps[k % len(ps)]
        for b in ps:
            a.v += b.x * 0.25
            b.v -= a.x * 0.5
            b.n += 1
            a.n += 2


def distinct(ps, steps):
    # `b` is never `a`: the loop runs in machine code throughout.
    n = len(ps)
    for _ in range(steps):
        for i in range(n):
            a = ps[i]
            for j in range(i + 1, n):
                b = ps[j]
                d = a.x - b.x
                a.v -= d * 0.125
                b.v += d * 0.125


def swap_late(ps, steps):
    # The same object is reached through two names only after many iterations.
    a = ps[0]
    for k in range(steps):
        b = ps[1] if k < steps - 5 else a
        a.v = a.v + 1.0
        b.v = b.v * 0.5
        b.x = a.v


ps = [P(float(i) * 1.5) for i in range(12)]
pairs(ps, 400)
print([round(p.v, 6) for p in ps])
print([p.n for p in ps])
distinct(ps, 60)
print([round(p.v, 6) for p in ps])
swap_late(ps, 3000)
print(ps[0].v, ps[0].x, ps[1].v, ps[1].x)
