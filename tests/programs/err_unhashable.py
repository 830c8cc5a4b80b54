# Ends with TypeError: unhashable type used as a dict key.
seen = {}
points = [(0, 0), (1, 2), (0, 0), [3, 4]]
for p in points:
    seen[p] = seen.get(p, 0) + 1
    print(p, "seen", seen[p], "times")
