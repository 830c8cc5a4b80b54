# Sets of small ints: operators, methods, comprehension.
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [10]), a.intersection(b, {5}), a.difference([1], {2}), a.symmetric_difference(range(3, 8)))
print(a <= a, {1, 2} < a, a > {1}, a >= b, {1}.issubset(a), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
print(len(a), 3 in a, 9 not in a, set(), set([3, 1, 2, 3]), set("aaa"), set(range(5)))
s = set()
s.add(3); s.add(1); s.add(3)
print(s)
s.update([5, 6], {7})
print(s)
s.discard(100); s.discard(5)
s.remove(6)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
x = s.pop()
print(x, s, s.copy() == s, s.copy() is s)
s.clear()
print(s, bool(s))
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
c = {1, 2, 3}
c |= {4}; print(c)
c &= {1, 2, 4, 8}; print(c)
c -= {1}; print(c)
c ^= {2, 9}; print(c)
d = {10, 20, 30}
d.intersection_update([10, 30, 50]); print(d)
d.difference_update({10}); print(d)
d.symmetric_difference_update({30, 40}); print(d)
print({x % 5 for x in range(20)}, {x * x for x in range(-3, 4)})
print(sorted({"pear", "apple", "fig"}), sorted({"b", "a"} | {"c"}), sorted(set("hello world")))
print({1, 2} == {2, 1}, {1, 2} == frozenset({1, 2}), {1} != {1.0}, {0} == {False})
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    a + b
except TypeError as e:
    print("TypeError:", e)
primes = set(range(2, 50))
for n in range(2, 8):
    primes -= set(range(n * n, 50, n))
print(sorted(primes), len(primes), max(primes), min(primes), sum(primes))
seen = set()
dups = []
for v in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
    if v in seen:
        dups.append(v)
    seen.add(v)
print(dups, sorted(seen))
