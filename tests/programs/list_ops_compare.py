# List operators, comparisons, membership, and identity.
a = [1, 2, 3]
b = [1, 2, 4]
print(a < b, a <= a, a == [1, 2, 3], a != b, [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99])
print([1, [2, 3]] == [1, [2, 3]], [1, [2, 3]] < [1, [2, 4]], ["a", 1] == ["a", 1.0])
print(a + b, a * 2, 2 in a, 5 not in a, [1, 2] in [[1, 2], [3]], a.__eq__(a[:]))
c = a
d = a[:]
print(c is a, d is a, c == d)
c.append(4)
print(a, d)
try:
    [1, 2] < [1, "x"]
except TypeError as e:
    print("TypeError:", e)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
try:
    a * 1.5
except TypeError as e:
    print("TypeError:", e)
x = [3, 1, 2]
y = x
x += [9]
print(y, x is y)
x = x + [10]
print(y, x is y)
nested = [1, [2, [3, [4, [5]]]]]
def flatten(lst):
    out = []
    for item in lst:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out
print(flatten(nested), len(nested), nested[1][1][1][1][0])
rec = [1, 2]
rec.append(rec)
print(rec, rec[2][2][0])
print(max([[1, 2], [1, 3], [0, 9]]), min([[2], [1, 5], [1]]), sorted([[3, "a"], [1, "b"], [3, "0"]]))
print(list(map(len, [[1], [], [1, 2, 3]])), [len(x) for x in [[], [[]]]])
