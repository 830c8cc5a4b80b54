# allocation-heavy program that keeps many objects alive across collections (GC stress)
class Node:
    __slots__ = ("val", "children", "parent")
    def __init__(self, val, parent=None):
        self.val = val
        self.children = []
        self.parent = parent
def build(depth, width, parent=None, counter=[0]):
    counter[0] += 1
    n = Node(counter[0], parent)
    if depth:
        n.children = [build(depth - 1, width, n) for _ in range(width)]
    return n
def checksum(n):
    total = n.val
    for c in n.children:
        assert c.parent is n
        total += checksum(c) * 3 % 1000003
    return total % 1000003
trees = [build(5, 4) for _ in range(6)]
print([checksum(t) for t in trees])
def make_closures(k):
    data = [str(i) * 3 for i in range(k)]
    lookup = {s: i for i, s in enumerate(data)}
    def get(i):
        return data[i], lookup[data[i]]
    return get
getters = [make_closures(200 + i) for i in range(50)]
garbage = 0
for round_ in range(30):
    tmp = [[j] * 50 for j in range(500)]
    garbage += sum(len(x) for x in tmp)
    s = "".join(chr(65 + (j % 26)) for j in range(2000))
    d = {j: s[j:j + 5] for j in range(0, 2000, 7)}
    garbage += len(d)
print(garbage, [g(5) for g in getters[:3]], getters[-1](248))
def gen(n):
    keep = [bytes([i % 256]) * 100 for i in range(n)]
    for i in range(n):
        yield keep[i][0], len(keep)
gens = [gen(300) for _ in range(20)]
firsts = [next(g) for g in gens]
for _ in range(20000):
    junk = {"a": [1, 2, 3], "b": (4, 5), "c": "x" * 20}
seconds = [next(g) for g in gens]
print(firsts[:3], seconds[-3:])
cycle_sum = 0
for i in range(20000):
    a = [i]
    b = [a]
    a.append(b)
    cycle_sum += len(a) + len(b)
print(cycle_sum)
errors = []
for i in range(3000):
    try:
        {}["k%d" % i]
    except KeyError as e:
        if i % 1000 == 0:
            errors.append(e)
print([repr(e) for e in errors], [e.__traceback__ is not None for e in errors])
big = {}
for i in range(100000):
    big[("key", i)] = [i] * 3
for i in range(0, 100000, 3):
    del big[("key", i)]
print(len(big), big[("key", 99998)], sum(v[0] for v in big.values()) % 1000007)
strings = set()
for i in range(50000):
    strings.add(f"item-{i % 7000}-{i % 13}")
print(len(strings))
class Holder:
    registry = []
    def __init__(self, payload):
        self.payload = payload
        Holder.registry.append(self)
for i in range(5000):
    Holder([i] * 10)
    tmp2 = [object() for _ in range(5)]
print(len(Holder.registry), sum(h.payload[0] for h in Holder.registry), Holder.registry[1234].payload[:3])
print([checksum(t) for t in trees] == [checksum(t) for t in trees])
