text = """the quick brown fox jumps over the lazy dog while the cat sleeps on the warm mat
and the dog dreams of chasing the fox across the green field near the old barn"""
words = text.split()
uniq = set(words)
print(uniq)
print(len(uniq), sorted(uniq)[:5])
a = set("hello world")
b = set("python rocks")
print(a & b, a | b, a - b, b - a, a ^ b)
s = set(range(20)) | {"x", "y", 2.5, (1, 2), None.__class__.__name__}
print(s)
for w in ["the", "fox", "zebra"]:
    uniq.discard(w)
print(uniq)
popped = [uniq.pop() for _ in range(5)]
print(popped, len(uniq))
big = set()
for i in range(100):
    big.add(f"item{i}")
for i in range(0, 100, 3):
    big.remove(f"item{i}")
print(list(big)[:15])
fs = frozenset(["b", "a", "c", "d"])
print(fs, {fs: 1}, set(fs) == fs)
d = dict.fromkeys(words)
print(list(d)[:10])
for k in list(d)[::2]:
    del d[k]
d["new"] = 1
print(list(d))
vowels = {c for c in text if c in "aeiou"}
print(vowels, {len(w) for w in words}, {w[0] for w in words})
print(set(map(str.upper, ["a", "b", "a"])), {1, 2, 3} == {3, 2, 1}, {"a"} < {"a", "b"})
inventory = {"apples": 3, "pears": 0, "kiwis": 5}
in_stock = {k for k, v in inventory.items() if v}
print(in_stock, in_stock.isdisjoint({"pears"}), in_stock.issubset(inventory))
print(set().union(*[{"a", "b"}, {"c"}, {"a", "z"}]), set.intersection({"a", "b"}, {"b", "c"}, {"b"}))
tags = {}
for i, w in enumerate(words):
    tags.setdefault(w[0], set()).add(w)
print({k: v for k, v in sorted(tags.items())})
print(repr(set()), str(frozenset()), {()}, {"": 0})
