# Dictionary views, ordering, and mutation during iteration.
d = {"one": 1, "two": 2, "three": 3}
ks, vs, its = d.keys(), d.values(), d.items()
print(ks, vs, its, len(ks))
d["four"] = 4
print(list(ks), list(vs), list(its))
print(ks & {"one", "four", "five"} == {"one", "four"}, sorted(ks | {"z"}), sorted(ks - {"one"}), sorted(ks ^ {"one", "x"}))
print(("one", 1) in its, ("one", 2) in its, 4 in vs, "two" in ks, its == {("one", 1), ("two", 2), ("three", 3), ("four", 4)})
print(ks == {"one", "two", "three", "four"}, ks.isdisjoint({"q"}), list(reversed(ks)))
d["two"] = 22
print(d)
del d["one"]
d["one"] = 111
print(d, list(d))
try:
    for k in d:
        d[k + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
d2 = {i: i * i for i in range(6)}
for k in list(d2):
    if k % 2:
        del d2[k]
print(d2)
try:
    for k in d2:
        del d2[k]
except RuntimeError as e:
    print("RuntimeError:", e)
d3 = {}
for i in range(20):
    d3[i] = i
for i in range(0, 20, 2):
    del d3[i]
for i in range(0, 20, 4):
    d3[i] = -i
print(d3)
print(list(d3.items())[:3], next(iter(d3)), next(iter(d3.values())))
m = dict(zip("abc", range(3)))
print(m, dict(sorted(m.items(), reverse=True)), {v: k for k, v in m.items()})
it = iter(m.items())
print(next(it), next(it), list(it))
big = {}
for i in range(1000):
    big[str(i)] = i
for i in range(0, 1000, 3):
    del big[str(i)]
print(len(big), list(big)[:5], sum(big.values()))
