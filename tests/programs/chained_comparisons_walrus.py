# Chained comparisons (with single evaluation) and the walrus operator.
def v(x, log):
    log.append(x)
    return x
log = []
print(v(1, log) < v(2, log) < v(3, log), log)
log = []
print(v(3, log) < v(2, log) < v(1, log), log)
log = []
print(v(1, log) == v(1, log) != v(2, log) is not None, log)
x = 5
print(1 < x < 10, 1 < x > 3, x == 5 == 5.0, 0 <= x <= 4, 10 > x >= 5, x in [5] in [[5]], "a" < "b" < "c" > "a")
print(1 < 2 > 0 < 5 != 3 == 3, not 1 < 2, (1 < 2) == True)
grades = []
for score in [95, 83, 71, 65, 40, 100, 0]:
    if 90 <= score <= 100:
        grades.append("A")
    elif 80 <= score < 90:
        grades.append("B")
    elif 70 <= score < 80:
        grades.append("C")
    elif 60 <= score < 70:
        grades.append("D")
    else:
        grades.append("F")
print(grades)
data = [3, 8, 1, 9, 4, 12, 7]
if (n := len(data)) > 5:
    print(f"list is long ({n} elements)")
filtered = [y for x in data if (y := x * 2) > 10]
print(filtered, y)
stream = iter(["a", "bb", "", "ccc"])
words = []
while (w := next(stream, None)) is not None:
    if not w:
        continue
    words.append(w)
print(words)
def compute(n):
    print(f"  compute({n})")
    return n * n
results = [r for i in range(5) if (r := compute(i)) % 2 == 0]
print(results)
total = 0
chunks = [[1, 2], [3], [], [4, 5, 6]]
i = 0
while i < len(chunks) and (c := chunks[i]) is not None:
    total += sum(c)
    i += 1
print(total, c)
print((a := 10) + (b := 20), a, b)
print([(last := j) for j in range(3)], last)
def f(val):
    if (half := val // 2) > 3:
        return half
    return None
print([f(k) for k in range(0, 12, 3)])
import sys
if (major := sys.version_info[0]) >= 3:
    print("python", major)
m = {"key": [1, 2, 3]}
if (found := m.get("key")) and len(found) > 2:
    print("found", found)
