from operator import itemgetter, attrgetter, methodcaller

students = [
    {"name": "Ann", "grade": 90, "age": 20},
    {"name": "bob", "grade": 85, "age": 22},
    {"name": "Cid", "grade": 90, "age": 19},
    {"name": "dee", "grade": 70, "age": 22},
]
print([s["name"] for s in sorted(students, key=itemgetter("grade"))])
print([s["name"] for s in sorted(students, key=itemgetter("grade", "age"), reverse=True)])
print([s["name"] for s in sorted(students, key=lambda s: s["name"])])
print([s["name"] for s in sorted(students, key=lambda s: s["name"].lower())])
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
    def __repr__(self):
        return f"P({self.name!r}, {self.age})"
ps = [P("x", 3), P("y", 1), P("z", 3), P("w", 2)]
print(sorted(ps, key=attrgetter("age")))
print(sorted(ps, key=attrgetter("age", "name"), reverse=True))
print(sorted(["b", "A", "c", "B"], key=str.lower), sorted(["b", "A", "c", "B"]))
print(sorted(["  b", "a "], key=methodcaller("strip")))
pairs = [(1, "b"), (0, "c"), (1, "a"), (0, "a")]
pairs.sort(key=itemgetter(0))
print(pairs)
pairs.sort()
print(pairs)
words = "apple Banana cherry date Elderberry fig".split()
print(sorted(words, key=len), sorted(words, key=lambda w: (-len(w), w)))
print(max(words, key=len), min(words, key=str.casefold))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
print(sorted(nums, key=abs), sorted(nums, reverse=True))
data = sorted(enumerate("hello"), key=itemgetter(1))
print(data)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
try:
    sorted([P("a", 1), P("b", 2)])
except TypeError as e:
    print(e)
print(sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: kv[1]))
d = {"x": 3, "y": 1, "z": 2}
print(sorted(d, key=d.get), sorted(d, key=d.__getitem__, reverse=True))
print(itemgetter(1, 0)("ab"), attrgetter("real")(5), itemgetter(slice(1, 3))([1, 2, 3, 4]))
mixed = [(2, "x"), (1, "y"), (2, "a")]
print(sorted(mixed, key=itemgetter(0)), list(reversed(sorted(mixed))))
l = [5, 2, 8]
print(l.sort(), l)
print(sorted("Hello World"), sorted([[2, 1], [1, 2], [1]]))
print(sorted([0.1, -0.0, 0.0, float("inf"), -2]), sorted([True, 0, 2, False]))
