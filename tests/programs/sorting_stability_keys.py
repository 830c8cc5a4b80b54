# sorted/list.sort with key, reverse, stability, and multi-pass sorts.
people = [("Ann", 34, "Oslo"), ("Bob", 27, "Lima"), ("Cy", 34, "Rome"), ("Di", 27, "Oslo"), ("Ed", 45, "Lima"), ("Flo", 34, "Lima")]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (p[2], -p[1])))
by_city = sorted(people, key=lambda p: p[0], reverse=True)
by_city.sort(key=lambda p: p[2])
print(by_city)
words = "banana Apple cherry apple Banana date Cherry fig".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=str.lower, reverse=True))
nums = [5, -3, 2, -8, 7, 0, -1, 3]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, key=lambda n: (n % 2, n)), sorted(nums, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a")]
pairs.sort(key=lambda t: t[0])
print(pairs)
print(sorted("hello world"), sorted({3: "c", 1: "a"}), sorted((3, 1, 2)), sorted(range(5), reverse=True))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
        self.s = s
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return self.s
print(sorted([Version(v) for v in ["1.10", "1.2", "1.2.1", "0.9", "10.0", "1.1"]]))
records = [{"n": "x", "s": 3}, {"n": "y", "s": 1}, {"n": "z", "s": 3}, {"n": "w", "s": 2}]
print([r["n"] for r in sorted(records, key=lambda r: r["s"])])
print([r["n"] for r in sorted(records, key=lambda r: -r["s"])])
big = [(i * 7919) % 1000 for i in range(200)]
s1 = sorted(big)
print(s1[:10], s1[-10:], all(s1[i] <= s1[i + 1] for i in range(len(s1) - 1)))
stable = sorted(range(100), key=lambda i: i % 3)
print(stable[:12], stable[33:45])
a = [3, 1, 2]
print(a.sort(), a, sorted(a) is a)
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: (p[1], p[0])))
