from collections import Counter, OrderedDict, defaultdict, deque, namedtuple, ChainMap, UserDict, UserList, UserString
import collections.abc as cabc

words = "the quick brown fox jumps over the lazy dog the end".split()
c = Counter(words)
print(c.most_common(2))
print(c["the"], c["missing"])
c.update(["fox", "fox"])
print(sorted(c.items()))
print((c - Counter(the=2)).most_common(1))
print(sum(c.values()), sorted(c.elements())[:5])

d = defaultdict(list)
for i, w in enumerate(words):
    d[len(w)].append(i)
print(sorted(d.items()))
dd = defaultdict(int)
dd["a"] += 3
print(dd, dict(dd))

q = deque([1, 2, 3], maxlen=5)
q.appendleft(0)
q.extend([4, 5, 6])
print(q, len(q), q[0], q[-1])
q.rotate(2)
print(list(q))
print(q.popleft(), q.pop(), q)

Point = namedtuple("Point", "x y")
p = Point(3, 4)
print(p, p.x + p.y, p._asdict(), p._replace(x=10))
print(Point._fields, Point._make([1, 2]))
x, y = p
print(x, y)

Emp = namedtuple("Emp", ["name", "age"], defaults=[30])
print(Emp("bob"), Emp("al", 5))

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(list(od), od.popitem(last=False))
print(od)

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm))
child = cm.new_child({"c": 4})
print(child["c"], dict(child) == {"a": 1, "b": 3, "c": 4})


class Lower(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)


u = Lower()
u["HeLLo"] = 1
print(u, "hello" in u)
ul = UserList([3, 1, 2])
ul.sort()
print(ul, ul + [4])
print(UserString("abc").upper())

print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator))
print(issubclass(deque, cabc.MutableSequence), isinstance(3, cabc.Hashable))


class MySeq(cabc.Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i


s = MySeq(5)
print(list(s), 9 in s, s.index(16), list(reversed(s)))
