def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
# sort edge cases
l = [3, 1, 2]
def bad(x):
    if x == 2: raise ValueError("boom")
    return x
t(lambda: l.sort(key=bad)); print(l)
def mod_during(l):
    def k(x):
        l.append(x)
        return x
    l.sort(key=k)
l = [3,1,2]; t(lambda: mod_during(l)); print(l)
l = [3,1,2]
def seen(x):
    print("len during sort", len(l))
    return x
l.sort(key=seen); print(l)
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
    def __repr__(self): return "C(%d)" % self.v
l = [C(i) for i in [5, 3, 8, 1, 9, 2]]
l.sort(); print(l)
print(sorted([C(2), C(1)], reverse=True))
nan = float('nan')
print(sorted([3, nan, 1, 2, nan, 0]))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
print(sorted("hello world"))
print(sorted([1, 2.5, -3, 10**20, True]))
class BadLt:
    def __lt__(self, o): raise TypeError("nope")
t(lambda: sorted([BadLt(), BadLt()]))
seed = [5]
def rnd(a, b):
    seed[0] = (seed[0] * 1103515245 + 12345) % 2147483648
    return a + seed[0] % (b - a + 1)
xs = [rnd(0, 100) for _ in range(1000)]
ys = sorted(xs)
print(ys[:10], ys[-10:], ys == sorted(xs, key=lambda v: v))
pairs = [(rnd(0, 5), i) for i in range(300)]
print(sorted(pairs, key=lambda p: p[0])[:12])
print(sorted(pairs, key=lambda p: p[0], reverse=True)[:12])
# recursion in repr
l = [1]; l.append(l); print(l, repr(l))
d = {}; d['self'] = d; print(d)
s = [[]]; s[0].append(s); print(s)
t1 = ([],); t1[0].append(t1); print(t1)
# mutation while iterating list
l = [1, 2, 3]
for x in l:
    if x == 1: l.append(4)
    print(x, end=' ')
print()
# dict order and mutation
d = dict.fromkeys('abc', 0)
d['b'] = 5; del d['a']; d['a'] = 1
print(d, list(d), list(reversed(d)), d.popitem(), d)
d = {i: i*i for i in range(10)}
for k in list(d):
    if k % 2: del d[k]
print(d, len(d))
def changing():
    d = {1: 1}
    for k in d:
        d.pop(1)
t(changing)
# set operations ordering
a = set(range(0, 30, 3)); b = set(range(0, 30, 2))
print(a | b, a & b, a - b, a ^ b, b - a)
print(a.union(b, [100, 200]), a.intersection(b, range(10)), a.difference(b, {3}))
c = set(range(50)); c.difference_update(range(0, 50, 2)); print(c)
c.intersection_update(range(10, 30)); print(c)
c.symmetric_difference_update([1, 11, 13, 99]); print(c)
print(frozenset({1, 2}) | {3}, {3} | frozenset({1, 2}))
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} >= {1, 2}, {1} == frozenset({1}))
s = set('abcdef') if False else set([5, 6, 7])
print(s.pop(), s.pop(), s)
print(set([1, 2, 3]).isdisjoint([4, 5]), set([1, 2]).issubset(range(5)), set([1, 9]).issuperset([9]))
# views
d = {'x': 1, 'y': 2, 'z': 3}
print(d.keys() & {'x', 'q'}, d.keys() - {'x'}, sorted(d.keys() | {'w'}), d.items() & {('x', 1)})
print('x' in d.keys(), ('x', 1) in d.items(), 1 in d.values(), len(d.values()))
print(d.keys() == {'x', 'y', 'z'}, d.keys() <= {'x', 'y', 'z', 'w'})
# ranges
r = range(1, 20, 3)
print(r[2], r[-1], r[1:4], r[::-1], r[::2], len(r), 7 in r, 8 in r, r.index(10), r.count(4))
print(list(reversed(range(5))), range(5) == range(0, 5), range(0) == range(2, 2), range(1, 2) == range(1, 3, 5))
print(range(10**20)[5], range(-5, 5)[3:], range(10)[::-3], list(range(10, 0, -3)))
# slices
print(slice(1, 2), slice(None), slice(1, 2, 3).indices(10), slice(-1, None, -1).indices(5))
l = list(range(10))
l[2:5] = 'ab'; print(l)
l[::3] = [0, 0, 0]; print(l)
del l[::2]; print(l)
l[len(l):] = [99]; print(l)
l[-100:1] = []; print(l)
l *= 2; print(l)
l2 = l * 0; print(l2)
print([1, 2] * 3, 3 * [0], (1,) * 3, [[]] * 2)
# enumerate/zip/map
print(list(enumerate([5, 6], start=-1)), list(zip()), list(zip('ab', range(5))))
print(list(map(pow, [2, 3], [3, 2])))
it = iter([1, 2, 3]); next(it); print(list(it), list(it))
print(list(iter([1, 2, 3, 4].__iter__().__next__, 3)))
