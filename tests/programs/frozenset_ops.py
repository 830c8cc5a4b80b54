# frozenset: immutable, hashable sets.
f = frozenset([3, 1, 2])
g = frozenset(range(2, 6))
print(f, g, f | g, f & g, f - g, f ^ g, type(f | {9}).__name__, type({9} | f).__name__)
print(hash(f) == hash(frozenset({1, 2, 3})), f == {1, 2, 3}, frozenset() == set(), len(frozenset()))
d = {f: "first", frozenset(): "empty"}
print(d[frozenset({2, 3, 1})], d[frozenset()])
nested = {frozenset({1}), frozenset({1, 2}), frozenset({1})}
print(len(nested), sorted(sorted(x) for x in nested))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
print(f.union([7]), f.intersection({1, 5}), f.issubset(range(10)), f.copy() is f, frozenset(f) is f)
def powerset(items):
    result = [frozenset()]
    for it in items:
        result += [s | {it} for s in result]
    return result
ps = powerset([1, 2, 3, 4])
print(len(ps), sorted(sorted(s) for s in ps))
print(sorted(len(s) for s in ps), frozenset(ps) == set(ps))
groups = {}
for word in ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]:
    groups.setdefault(frozenset(word), []).append(word)
for k in sorted(groups, key=lambda k: sorted(k)):
    print("".join(sorted(k)), groups[k])
