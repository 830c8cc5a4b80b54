# All dict methods.
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(d.setdefault("a", 100), d.setdefault("e", 5), d)
d.update({"b": 20, "f": 6})
d.update([("g", 7)], h=8)
print(d)
print(d.pop("b"), d.pop("zz", "dflt"), d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
c = d.copy()
c["a"] = -1
print(d["a"], c["a"])
print(dict.fromkeys("xyz"), dict.fromkeys(range(3), 0), dict(a=1, b=2), dict([("k", "v")]), dict({"m": 1}, n=2))
del d["a"]
print(d)
d.clear()
print(d, bool(d))
for bad in [lambda: d["nope"], lambda: d.pop("nope"), lambda: d.popitem(), lambda: dict([(1, 2, 3)])]:
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    del d["ghost"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
inv = {"apple": 3, "pear": 0, "fig": 12}
for k, v in inv.items():
    print(f"{k:>6}: {'#' * v}")
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
print({1: "a"} == {1: "a"}, {1: "a", 2: "b"} == {2: "b", 1: "a"}, {1: 1} != {1: 2})
print(d | {"x": 1}, {"a": 1} | {"a": 2, "b": 3})
e = {"a": 1}
e |= {"b": 2}
e |= [("c", 3)]
print(e, list(reversed(e)), list(reversed(e.items())))
try:
    {} < {}
except TypeError as err:
    print("TypeError:", err)
