from collections import Counter, defaultdict, deque, OrderedDict, ChainMap, namedtuple

text = "the quick brown fox jumps over the lazy dog the fox"
c = Counter(text.split())
print(c.most_common(3))
print(c.most_common()[-2:])
letters = Counter("mississippi")
print(letters)
print(letters.most_common(2))
print(sorted(letters.elements()))
c2 = Counter(a=3, b=1)
c3 = Counter(a=1, b=2, c=5)
print(c2 + c3, c2 - c3, c2 & c3, c2 | c3)
c2.subtract(c3)
print(c2)
print(+c2, -c2)
print(c3.total(), c3["zzz"])
groups = defaultdict(list)
for w in text.split():
    groups[len(w)].append(w)
print(dict(groups))
print(sorted(groups.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
nested["b"]["x"] += 3
print({k: dict(v) for k, v in nested.items()})
dq = deque(range(10), maxlen=5)
print(dq)
dq.append(10); dq.appendleft(-1)
print(dq, dq.maxlen)
dq.rotate(2); print(dq)
dq.rotate(-3); print(dq)
print(dq.pop(), dq.popleft(), list(dq))
dq.extend([7, 8]); dq.extendleft([1, 2])
print(dq, dq.count(7), dq.index(8) if 8 in dq else None)
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("d", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False))
print(od)
base = {"color": "red", "size": 1}
override = {"size": 2}
cm = ChainMap(override, base)
print(cm["color"], cm["size"], len(cm), sorted(cm))
cm["new"] = 5
print(override, base)
child = cm.new_child({"color": "blue"})
print(child["color"], child.parents["color"])
print(cm)
Pt = namedtuple("Pt", "x y", defaults=[0])
print(Pt(1), Pt(1, 2)._replace(x=9))
try:
    deque([], maxlen=-1)
except ValueError as e:
    print(e)
dd = defaultdict(int)
print(dd["missing"], dd)
try:
    defaultdict()["k"]
except KeyError as e:
    print("KeyError", e)
print(Counter("aabbbc") == Counter("bcabab"), repr(Counter()))
