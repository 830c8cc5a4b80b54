# sorting with keys and stability
people = [
    ("alice", 30, "NY"), ("bob", 25, "LA"), ("carol", 30, "SF"), ("dave", 25, "NY"),
    ("eve", 35, "LA"), ("frank", 30, "LA"), ("Grace", 28, "SF"), ("heidi", 25, "sf"),
]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (p[2].lower(), -p[1], p[0])))
print(sorted(people, key=lambda p: p[0].lower(), reverse=True)[:3])
by_city = sorted(people, key=lambda p: p[2])
print([p[0] for p in by_city])
stable = sorted(sorted(people, key=lambda p: p[0]), key=lambda p: p[1])
print([p[0] for p in stable])
words = "the Quick brown fox Jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(set(words), key=lambda w: (len(w), w)))
print(sorted("hello world"), "".join(sorted("hello", reverse=True)))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
print(sorted({3: "c", 1: "a", 2: "b"}), sorted({3: "c", 1: "a"}.items(), key=lambda kv: kv[1]))
print(sorted([[3, 1], [1, 2], [1, 1], [2]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: (p[1], p[0])))
class Student:
    def __init__(self, name, grade):
        self.name, self.grade = name, grade
    def __repr__(self):
        return f"{self.name}:{self.grade}"
    def __lt__(self, other):
        return (self.grade, self.name) < (other.grade, other.name)
studs = [Student("x", 90), Student("a", 85), Student("m", 90), Student("b", 70)]
print(sorted(studs), sorted(studs, reverse=True), max(studs), min(studs))
studs.sort(key=lambda s: s.name)
print(studs)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([Student("a", 1), 5])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([None, 1])
except TypeError as e:
    print("TypeError:", e)
print(sorted([2.5, 1, True, 0, -0.5]), sorted([[], [0], [-1, 5]]))
print(sorted(range(10), key=lambda x: (x % 3, -x)))
data = {"b": [3, 1], "a": [2], "c": []}
for k, v in sorted(data.items(), key=lambda kv: len(kv[1])):
    print(k, sorted(v))
print(list(reversed(sorted("bca"))), sorted((3, 1, 2)), sorted(x for x in [3, 1, 2]))
rank = {name: i for i, (name, *_) in enumerate(sorted(people, key=lambda p: -p[1]), 1)}
print(rank)
matrix = [[3, 2, 1], [9, 8, 7], [6, 5, 4]]
print(sorted(matrix, key=lambda r: r[1]), sorted(map(sorted, matrix)))
print(sorted("a10 a2 a1 b3".split(), key=lambda s: (s[0], int(s[1:]))))
