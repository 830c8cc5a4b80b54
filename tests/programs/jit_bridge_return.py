# Bridges that reach a `return` of their function: a hot exit from a loop whose path
# returns (first match found, early exit with a computed value, return from inside a
# nested loop). The bridge ends with an exit at the return; results must not change.


def find_first(items, pred_mod):
    for i, x in enumerate(items):
        if x % pred_mod == 0:
            return i, x * 2 + 1
    return -1, None


def scan(rows, limit):
    total = 0
    for row in rows:
        for v in row:
            total += v
            if total > limit:
                return total, v, "over"
    return total, None, "done"


def early_float(xs, cap):
    acc = 0.0
    for x in xs:
        acc = acc * 0.5 + x
        if acc > cap:
            return acc
    return -acc


results = []
for k in range(300):
    data = list(range(k % 17 + 1, k % 17 + 40))
    results.append(find_first(data, 7 + k % 5))
    rows = [[j + k % 3 for j in range(5)] for _ in range(6)]
    results.append(scan(rows, 40 + k % 50))
    results.append(early_float([1.5, 2.25, 3.0, float(k % 9)], 4.0 + k % 3))
print(len(results))
print(results[:9])
print(results[-9:])
print(sum(r[0] for r in results if isinstance(r, tuple) and isinstance(r[0], int)))
print(sum(r for r in results if isinstance(r, float)))
