# All list methods.
a = [3, 1, 4, 1, 5]
a.append(9); print(a)
a.extend([2, 6]); print(a)
a.extend(range(3)); print(a)
a.insert(0, 100); a.insert(-1, 200); a.insert(99, 300); a.insert(-99, -1); print(a)
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove(1); print(a)
print(a.index(5), a.index(1), a.count(1), a.count(42), a.index(2, 3))
a.reverse(); print(a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
b = a.copy(); b.clear(); print(a, b)
for bad in [lambda: a.remove(42), lambda: a.index(42), lambda: [].pop(), lambda: a.pop(50)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
nested = [[1, 2], [3, 4]]
shallow = nested.copy()
shallow[0].append(99)
shallow[1] = "replaced"
print(nested, shallow)
stack = []
for ch in "([]{()})":
    if ch in "([{":
        stack.append(ch)
    else:
        top = stack.pop()
        print("match", top, ch)
print("balanced", not stack)
q = [1, 2, 3]
q += [4]
q *= 2
print(q, len(q), q * 0, [0] * 5, [[0] * 2] * 2)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
alias = [[0] * 3] * 3
alias[1][1] = 5
print(alias)
print(list("abc"), list(range(5)), list((1, 2)), list({"x": 1, "y": 2}), list())
print([1, 2, 3].__len__(), [1, 2].__contains__(2), [5, 6][-1], list.__name__)
print(sum([[1], [2, 3], []], []), [x for x in [3, 1, 2] if x > 1])
