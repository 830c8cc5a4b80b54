import copy, pprint, heapq, bisect, string
orig = {"a": [1, 2, {"b": [3]}], "t": (1, [2])}
sh = copy.copy(orig)
dp = copy.deepcopy(orig)
orig["a"][2]["b"].append(4)
print(sh["a"][2]["b"], dp["a"][2]["b"], sh["a"] is orig["a"], dp["t"] is orig["t"])
class Node:
    def __init__(self, v):
        self.v = v
        self.nxt = None
    def __repr__(self):
        return f"Node({self.v})"
n1 = Node(1); n1.nxt = n1
n2 = copy.deepcopy(n1)
print(n2, n2.nxt is n2, n2 is not n1)
class Custom:
    def __init__(self):
        self.data = [1]
    def __copy__(self):
        print("custom copy")
        c = Custom(); c.data = self.data
        return c
    def __deepcopy__(self, memo):
        print("custom deepcopy")
        c = Custom(); c.data = copy.deepcopy(self.data, memo)
        return c
copy.copy(Custom()); copy.deepcopy(Custom())
data = {"users": [{"name": "ann", "roles": ["admin", "dev"], "id": i} for i in range(3)], "count": 3, "meta": {"v": 1.5, "tags": list("abcdefghijklmnop")}}
pprint.pprint(data)
pprint.pprint(data, width=40, compact=True)
print(pprint.pformat(list(range(30)), width=50))
pprint.pprint({"z": 1, "a": 2, "m": {"y": 0, "b": 1}}, sort_dicts=False)
pprint.pprint([[1, 2], (3, 4)] * 6, depth=1)
h = [5, 1, 8, 3, 9, 2]
heapq.heapify(h)
print(h, heapq.heappop(h), heapq.nsmallest(3, h), heapq.nlargest(2, h))
heapq.heappush(h, 0); print(heapq.heappushpop(h, 7), heapq.heapreplace(h, 4), h)
tasks = []
for pr, name in [(3, "low"), (1, "urgent"), (2, "mid"), (1, "also urgent")]:
    heapq.heappush(tasks, (pr, name))
print([heapq.heappop(tasks)[1] for _ in range(len(tasks))])
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), heapq.nlargest(2, ["bb", "a", "ccc"], key=len))
grades = [60, 70, 80, 90]
def grade(score):
    return "FDCBA"[bisect.bisect(grades, score)]
print([grade(s) for s in [33, 60, 75, 99, 90]])
arr = [1, 3, 3, 5]
print(bisect.bisect_left(arr, 3), bisect.bisect_right(arr, 3), bisect.bisect(arr, 10))
bisect.insort(arr, 4); bisect.insort_left(arr, 3); print(arr)
print(bisect.bisect_left([{"k": 1}, {"k": 5}], 3, key=lambda d: d["k"]))
tpl = string.Template("$who likes ${what}s, $$5")
print(tpl.substitute(who="tim", what="kiwi"), tpl.safe_substitute(who="x"))
try:
    tpl.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
print(string.ascii_lowercase, string.digits, string.punctuation, string.capwords("hello   wide world"))
