# printing sets of ints (CPython order is deterministic for ints)
print({5, 1, 3}, {10, 2, 33, 4}, set(range(10, 0, -1)))
print({100, 7, 64, 8, 1000, -1, -5, 0})
s = set()
for v in [31, 15, 7, 63, 127, 255, 8, 16, 32]:
    s.add(v)
print(s)
s.discard(63); s.add(64); s.add(9)
print(s)
print({1, 2, 3} | {10, 4}, {1, 2, 3, 4} & {4, 3, 9}, {1, 2, 3, 9} - {2}, {1, 2, 3} ^ {3, 4, 5})
print(set([3, 3, 1, 1, 2]), frozenset([9, 8, 7]), set("aaa"), {True, 1, 1.0, 0, False})
big = set(range(0, 200, 7))
print(big)
print({x % 13 for x in range(100, 0, -3)})
print({-1, -2, -3, 2 ** 40, 2 ** 61 - 1, 2 ** 61, 2 ** 70})
print({1.5, 2.5, 0.5, 3.0, 1e10})
print(set(), frozenset(), {(1, 2), (0, 0)} == {(0, 0), (1, 2)})
s2 = {i * 17 % 50 for i in range(50)}
print(s2)
for i in range(0, 50, 3):
    s2.discard(i)
print(s2)
print(sorted({3, 1, 2}), list({40, 8, 16}), tuple({33, 1}), max({4, 9, 2}))
d = {}
for k in [5, 3, 9]:
    d[k] = k * k
print(d.keys() & {3, 9, 100}, d.keys() | {1}, d.keys() - {5})
print({8: 1}.keys() ^ {1, 8}, set(d) <= {3, 5, 9, 10}, {1} < {1, 2}, {1, 2}.isdisjoint({3}))
a = {1, 2, 3}
a |= {50, 20}
a &= {1, 50, 20, 2}
a -= {2}
a ^= {7, 1}
print(a)
u = {1, 2}.union([3], (4,), range(5, 7))
print(u, {1, 2, 3}.intersection([2, 3], {3}), {1, 2, 3}.difference([1]), {1}.symmetric_difference([2]))
print(frozenset({1, 2}) | {3}, {3} | frozenset({1, 2}), type(frozenset({1}) | {2}).__name__, type({2} | frozenset({1})).__name__)
print(repr(frozenset([5, 2])), str({2, 1}), f"{ {4, 3} }")
p = {1, 2, 3, 4, 5}
print(p.pop(), p.pop(), p)
