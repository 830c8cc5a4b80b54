from collections import Counter, defaultdict, deque, namedtuple, OrderedDict, ChainMap, UserDict
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], sorted(c.elements()))
c2 = Counter(a=1, b=10)
print(c + c2, c - c2, c & c2, c | c2, c2 - c, +Counter(a=-1, b=2), -Counter(a=-1))
c.update("aaa"); c.subtract({"b": 5})
print(c, c.total(), list(c.items())[:3])
dd = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    dd[word[0]].append(word)
print(dd, dict(dd), dd["z"], len(dd))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"], repr(defaultdict(None, {1: 2})))
dq = deque(range(5), maxlen=7)
dq.appendleft(-1); dq.append(5); dq.append(6); dq.append(7)
print(dq, dq.maxlen, dq[0], dq[-1])
dq.rotate(2); print(dq)
dq.rotate(-3); print(dq, dq.popleft(), dq.pop(), dq.count(3), dq.index(3))
dq.extendleft("ab"); print(dq); dq.clear(); print(dq, bool(dq))
try:
    deque().pop()
except IndexError as e:
    print("IndexError", e)
Point = namedtuple("Point", "x y")
P3 = namedtuple("P3", ["x", "y", "z"], defaults=[0])
p = Point(1, 2)
print(p, p.x + p.y, p._asdict(), p._replace(x=9), Point._fields, Point._make([5, 6]), P3(1, 2))
x, y = p
print(x, y, p == (1, 2), p[1], isinstance(p, tuple), P3._field_defaults)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    namedtuple("Bad", "x def")
except ValueError as e:
    print(e)
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b"); od.move_to_end("d", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == OrderedDict(b=2, a=1))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.new_child({"c": 4}).maps)
class LowerDict(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
ld = LowerDict(); ld["HeLLo"] = 1; ld.update({"WORLD": 2})
print(ld, "hello" in ld, ld.data)
class Stack(deque):
    def peek(self): return self[-1]
s = Stack([1, 2, 3]); print(s.peek(), s)
print(Counter("ab") == Counter("ba"), Counter(a=0) == Counter(), Counter({"x": 3}).most_common())
c3 = Counter(); c3["k"] -= 1; print(c3, c3 < Counter(k=1))
Point(1, 2).z
