# containers: methods and error messages
L = [5, 3, 8, 1]
L.insert(100, 9); L.insert(-100, 0); L.insert(-1, 7)
print(L, L.index(8), L.index(7, 2), L.count(3), L[-1], L[::-1], L[1:-1:2])
L.extend(range(2)); L.remove(1); print(L, L.pop(0), L.pop(-2), L)
L.reverse(); print(L, L * 0, L * -1, [0] * 3, L + [], L.copy() == L, L.copy() is L)
for bad in [lambda: L.index(99), lambda: L.remove(99), lambda: [].pop(), lambda: L.pop(99), lambda: L[99],
            lambda: L.__setitem__(99, 0), lambda: L.index(8, 0, 1), lambda: (1, 2).index(3), lambda: L[1.0],
            lambda: L["a"], lambda: (1,)[5], lambda: "ab"[7], lambda: L.insert("a", 1), lambda: [].sort(1)]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
T = (1, 2, 3, 2)
print(T.count(2), T.index(3), T[1:], T + (4,), T * 2, (1,) * 0, tuple(reversed(T)), T < (1, 3), (1, 2) == (1, 2.0))
print(len(T), 2 in T, sum(T), max(T), hash(T) == hash((1, 2, 3, 2)), ((1, [2]),)[0][1])
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
D = {"b": 2, "a": 1}
print(D.setdefault("c", 3), D.setdefault("a", 99), D, D.get("z"), D.get("z", 0), list(D.items())[0])
D2 = D.copy(); D2["b"] = 20; print(D, D2, D == {"a": 1, "b": 2, "c": 3}, D != D2)
print(D.pop("b"), D, {**D, "d": 4}, dict(D, e=5), list(reversed(D)), len(D))
for bad in [lambda: D["missing"], lambda: D.pop("missing"), lambda: {}.popitem(), lambda: dict([1, 2]),
            lambda: dict([(1, 2, 3)]), lambda: {}[[]], lambda: D.update(1), lambda: dict(1)]:
    try:
        bad()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
D.clear(); print(D, bool(D))
S = {3, 1, 2}
S.add(4); S.update([5, 6], (7,)); S.discard(100); S.remove(1)
print(S, len(S), 3 in S, S.issubset(range(10)), S.issuperset([2, 3]), S.copy() == S)
for bad in [lambda: S.remove(100), lambda: set().pop(), lambda: S.add([]), lambda: {1} < [1], lambda: frozenset().add(1)]:
    try:
        bad()
    except (KeyError, TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
R = range(2, 20, 3)
print(R, R[2], R[-1], R[1:3], R[::-1], R[::2], len(R), 8 in R, 9 in R, R.index(11), R.count(5), list(R[10:]))
print(range(0) == range(5, 5), range(1, 4) == range(1, 4, 1), range(3) == [0, 1, 2], bool(range(0)), reversed(range(3)).__class__.__name__)
try:
    R.index(3)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    R[100]
except IndexError as e:
    print("IndexError:", e)
sl = slice(1, 10, 2)
print(sl.start, sl.stop, sl.step, [0, 1, 2, 3, 4, 5, 6][sl], "abcdefghij"[sl], sl == slice(1, 10, 2))
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
alias = [[0] * 3] * 2
alias[0][1] = 5
print(grid, alias)
L2 = list(range(10))
L2[2:5] = []
L2[:0] = ["start"]
L2[len(L2):] = ["end"]
del L2[-2]
L2[1:3] = [[1, 2]]
print(L2)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], [[1]] == [[1.0]], [1, "a"] == [1, "a"])
try:
    print([1, "a"] < [1, 2])
except TypeError as e:
    print("TypeError:", e)
nested = {"users": [{"name": "a", "roles": ["x", "y"]}, {"name": "b", "roles": []}]}
print([u["name"] for u in nested["users"] if u["roles"]], sum(len(u["roles"]) for u in nested["users"]))
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i, row in enumerate(m)], [list(c) for c in zip(*m)][::-1], [v for r in m for v in r if v % 2])
print(list(map(list, zip(*m[::-1]))), [[r[i] for r in m] for i in range(3)])
