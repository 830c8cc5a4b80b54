# legal deep recursion through various paths (depth below the limit)
import sys
def plain(n):
    return 0 if n == 0 else 1 + plain(n - 1)
print(plain(950))
class Node:
    def __init__(self, child):
        self.child = child
    def __repr__(self):
        return "N(" + (repr(self.child) if self.child is not None else "") + ")"
    def __len__(self):
        return 1 + (len(self.child) if self.child is not None else 0)
    def __eq__(self, other):
        return isinstance(other, Node) and self.child == other.child
n = None
for _ in range(300):
    n = Node(n)
print(len(repr(n)), len(n))
m = None
for _ in range(300):
    m = Node(m)
print(n == m)
nested = []
for _ in range(400):
    nested = [nested]
print(len(str(nested)))
def gen_depth(k):
    if k == 0:
        yield "bottom"
    else:
        yield from gen_depth(k - 1)
print(list(gen_depth(400)))
def via_sorted(k):
    if k == 0:
        return [0]
    return sorted([k] + via_sorted(k - 1), key=lambda x: -x)[:1]
print(via_sorted(300))
def via_map(k):
    return 0 if k == 0 else sum(map(via_map, [k - 1])) + 1
print(via_map(300))
class G:
    def __init__(self, d):
        self.d = d
    def __getattr__(self, name):
        if self.d == 0:
            return "end"
        return getattr(G(self.d - 1), name)
print(G(300).anything)
def via_comp(k):
    return 0 if k == 0 else [via_comp(k - 1) for _ in range(1)][0] + 1
print(via_comp(300))
sys.setrecursionlimit(20000)
print(plain(15000))
def mutual_a(n):
    return n if n <= 0 else mutual_b(n - 1)
def mutual_b(n):
    return mutual_a(n - 1)
print(mutual_a(19000))
