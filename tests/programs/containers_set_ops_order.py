seed = [12345]
def rnd(n):
    seed[0] = (seed[0] * 1103515245 + 12345) % 2147483648
    return seed[0] % n
for trial in range(60):
    a = set(rnd(200) - 50 for _ in range(rnd(40)))
    b = set(rnd(100) for _ in range(rnd(40)))
    lst = [rnd(1000) for _ in range(rnd(30))]
    print(a, b)
    print(a | b, b | a, a & b, b & a, a - b, b - a, a ^ b, b ^ a)
    print(a.union(lst), a.intersection(lst), a.difference(lst), a.symmetric_difference(lst))
    c = set(a); c.update(lst); print(c)
    c = a.copy(); c.difference_update(b); print(c)
    c = a.copy(); c.intersection_update(lst); print(c)
    c = a.copy(); c.symmetric_difference_update(b); print(c)
    c = a.copy()
    while len(c) > 3:
        c.pop()
        c.add(rnd(500))
        c.discard(rnd(500))
    print(c, frozenset(c), hash(frozenset(c)))
    d = {x: 1 for x in lst}
    print(set(d), a | d.keys(), d.keys() & a, a.difference(d), a.symmetric_difference(d))
    print({x * 1.5 for x in lst}, {(x, -x) for x in lst[:5]} == set(zip(lst[:5], [-x for x in lst[:5]])))
    print(frozenset(lst) | frozenset(a), {frozenset([1]), frozenset([2, 3])})
