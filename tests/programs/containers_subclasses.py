import sys
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
class L(list):
    def __repr__(self): return "L" + super().__repr__()
l = L([3, 1, 2]); l.sort(); print(l, type(l[:]), len(l), isinstance(l, list))
l.append(5); l += [6]; print(l, type(l))
class D(dict):
    def __setitem__(self, k, v):
        print("set", k, v); super().__setitem__(k, v)
d = D(a=1); d['b'] = 2; d.update(c=3); print(d, dict(d), type(d.copy()))
class Cnt(dict):
    def __missing__(self, k):
        self[k] = 0; return 0
c = Cnt(); c['x'] += 1; c['x'] += 1; c['y']; print(c, c.get('z'), 'z' in c)
class S(set):
    pass
s = S([1, 2, 3]); print(s, s | {4}, type(s | {4}), s.copy(), type(s.copy()))
class F(frozenset): pass
f = F([1]); print(f, hash(f) == hash(frozenset([1])), f == frozenset([1]))
# dict with tuple keys & float/int equivalence
d = {1: 'a', 1.0: 'b', True: 'c'}; print(d)
d = {(1, 2): 3}; print(d[(1, 2)], d.get((1, 2.0)))
t(lambda: {}[(1, 2)])
t(lambda: {[1]: 2})
t(lambda: {1: 2}[[1]])
t(lambda: set([[1]]))
t(lambda: dict([(1, 2), (3,)]))
t(lambda: dict.fromkeys(range(3), []))
# equality across types
print([1, 2] == [1, 2.0], (1, 2) == (1, 2), [1] == (1,), {1: 2} == {1: 2.0}, {1} == {1.0})
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (2,) > (1, 5), [[1]] < [[2]])
t(lambda: [1] < ['a'])
t(lambda: (1, 'a') < (1, 2))
# nested containers repr
print([(1, 'a'), {'k': [1, {2}]}, frozenset(), set(), (), ((),), [None, True, 1.5]])
# list methods corner cases
l = [1, 2, 3, 2, 1]
print(l.index(2), l.index(2, 2), l.index(1, -1), l.count(2), l.count(5))
l.remove(2); print(l); l.insert(-1, 9); print(l); l.insert(100, 7); print(l); l.insert(-100, 0); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.reverse(); print(l); l.clear(); print(l)
l = [5, 3]; l.extend(range(2)); l.extend((9,)); l.extend({7: 0}); l.extend('ab'); print(l)
# tuple
tt = (1, 2, 3, 2)
print(tt.count(2), tt.index(3), tt + (4,), tt * 2, tt[1:3], tt[::-2], len(tt), 2 in tt, 5 not in tt)
print(tuple('abc'), tuple(range(3)), tuple([1]), tuple(), (1,), tuple((1, 2)))
# sets of mixed
print({1, 2.0, 3}, {None, 1} - {None}, {'a'} ^ {'b'} == {'a', 'b'})
s = {1, 2, 3}; s |= {4}; s &= {1, 2, 4, 5}; s -= {1}; s ^= {9, 2}; print(s)
s = set(); s.add(1); s.update([2, 3], (4,)); s.discard(10); print(s, s.copy() == s)
t(lambda: s.remove(100))
t(lambda: set().pop())
fz = frozenset([3, 4]); print(fz.union([5]), fz.intersection([4]), fz.copy() is fz, hash(fz) == hash(frozenset([4, 3])))
print(sorted({3: 1, 1: 2}.items()), max({1: 0, 5: 0}), min([4, 2, 8]), sum((1, 2, 3)))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed(range(3))), list(reversed('abc')))
e = enumerate('ab'); print(next(e), next(e)); t(lambda: next(e))
z = zip([1, 2, 3], 'ab'); print(list(z), list(z))
m = map(lambda x: x * 2, range(3)); print(next(m), list(m))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, ())))
it = iter(range(3)); print(it.__length_hint__(), next(it), it.__length_hint__())
print(range(3).__reversed__().__length_hint__())
print(sys.maxsize in range(sys.maxsize + 2), range(sys.maxsize + 10)[-1])
t(lambda: len(range(sys.maxsize * 4)))
print(range(0, 10, 2).start, range(5).stop, range(1, 2).step, bool(range(0)), bool(range(1)))
print(hash(range(3)) == hash(range(0, 3, 1)), range(0, 3, 2) == range(0, 4, 2), range(3) != range(4))
print(list(range(5))[True], [10, 20][False])
class P(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    def __repr__(self): return f"P(x={self[0]}, y={self[1]})"
p = P(1, 2)
print(p, p.x, p + (3,), p == (1, 2), hash(p) == hash((1, 2)), isinstance(p, tuple), len(p))
a, b = p
print(a, b, p[::-1], sorted([P(2, 1), P(1, 5)]))
class S(set):
    def __init__(self, x):
        super().__init__(x)
        self.tag = 'hi'
s = S([3, 4]); print(s, s.tag, s | {1})
class D(dict):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.extra = 1
d = D([(1, 2)], z=3); print(d, d.extra, list(d.items()))
class L(list):
    def append(self, x):
        super().append(x * 10)
l = L(); l.append(1); l.extend([2]); print(l)
class Q(list):
    def __iter__(self):
        return iter([9, 9])
print(list(Q([1, 2, 3])), sorted(Q([1])), [*Q([1])], tuple(Q([5])), set(Q([1])), dict.fromkeys(Q([7])))
class DD(dict):
    def keys(self): return ['a']
    def __getitem__(self, k): return 42
print(dict(DD(a=1, b=2)))
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), set(It()), tuple(It()), dict.fromkeys(It()), sorted(It(), reverse=True))
print(list(enumerate(It(), 1)), list(zip(It(), It())))
