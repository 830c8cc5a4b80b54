# range and slice objects.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2], r[1:4], r[::-1], list(r[::-1]), r[::2])
print(5 in r, 6 in r, r.index(11), r.count(8), r.count(9), r.start, r.stop, r.step)
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 3)), list(range(-5, 5, 4)), list(range(10, -10, -7)))
print(range(0) == range(5, 5), range(0, 3) == range(3), range(1, 10, 2) == range(1, 11, 2), range(3) != range(4))
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20), range(0, 10 ** 20, 7)[10 ** 18])
print(reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 4))), sum(range(101)), max(range(7)), min(range(3, 9)))
for bad in [lambda: range(1, 2, 0), lambda: r[100], lambda: r.index(4), lambda: range(1.5)]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1), slice(1, 2) == slice(1, 2))
print(s.indices(5), s.indices(20), slice(None, None, -1).indices(6), slice(-3, None).indices(10), slice(-100, 100, 3).indices(7))
data = list(range(20))
print(data[s], data[slice(-5, None)], data[slice(None, None, 5)])
class Seq:
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        if isinstance(key, tuple):
            return ("tuple", key)
        return ("index", key)
q = Seq()
print(q[3], q[1:2], q[::3], q[:], q[1:2, 3], q[...], q[-1:])
print(range(5)[True], hash(range(3)) == hash(range(0, 3)), bool(range(0)), bool(range(1)))
