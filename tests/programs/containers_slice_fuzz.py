seed = [3]
def rnd(n):
    seed[0] = (seed[0] * 1103515245 + 12345) % 2147483648
    return (seed[0] >> 8) % n
def sl():
    vals = [None, None, 0, 1, 2, 3, -1, -2, -5, 7, 100, -100]
    st = [None, 1, 1, 2, 3, -1, -2, -3]
    return slice(vals[rnd(len(vals))], vals[rnd(len(vals))], st[rnd(len(st))])
for trial in range(400):
    n = rnd(9)
    l = list(range(n))
    s = sl()
    out = [s, l[s], tuple(l)[s], range(n)[s], list(range(n)[s]), s.indices(n)]
    l2 = list(l)
    try:
        del l2[s]
        out.append(l2)
    except Exception as e:
        out.append(repr(e))
    l3 = list(l)
    k = rnd(6)
    try:
        l3[s] = ['x'] * k
        out.append(l3)
    except Exception as e:
        out.append(repr(e))
    print(out)
