import copy

a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(b, c)


class Node:
    def __init__(self, v):
        self.v = v
        self.children = []
        self.parent = None


root = Node(1)
kid = Node(2)
kid.parent = root
root.children.append(kid)
r2 = copy.deepcopy(root)
print(r2.v, r2.children[0].v, r2.children[0].parent is r2, r2 is root)


class Custom:
    def __init__(self, x):
        self.x = x

    def __copy__(self):
        return Custom(self.x + 100)

    def __deepcopy__(self, memo):
        return Custom(self.x + 1000)


print(copy.copy(Custom(1)).x, copy.deepcopy(Custom(1)).x, copy.deepcopy([Custom(2)])[0].x)
t = (1, [2])
t2 = copy.deepcopy(t)
print(t2, t2 is t, copy.deepcopy((1, 2)) is not None, copy.copy(t) is t)
s = {1, 2}
print(copy.copy(s), copy.deepcopy(frozenset([1])), copy.deepcopy({"a": (1, [2])}))
cyc = []
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[0] is cc, len(cc))


class Slots:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = [2]


sl = copy.deepcopy(Slots())
print(sl.a, sl.b)
