import sys
sys.setrecursionlimit(10000)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(9000))
def sum_list(xs):
    if not xs:
        return 0
    return xs[0] + sum_list(xs[1:])
print(sum_list(list(range(3000))))
class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt
    def length(self):
        return 1 + (self.nxt.length() if self.nxt else 0)
    def __eq__(self, o):
        return isinstance(o, Node) and self.v == o.v and self.nxt == o.nxt
head = None
for i in range(5000):
    head = Node(i, head)
print(head.length())
a1 = a2 = None
for i in range(2000):
    a1 = Node(i, a1)
    a2 = Node(i, a2)
print(a1 == a2)
def gen_depth(n):
    if n:
        yield from gen_depth(n - 1)
    yield n
print(sum(gen_depth(2000)))
nested = []
cur = nested
for _ in range(3000):
    cur.append([])
    cur = cur[0]
def nest_depth(l):
    return 1 + max((nest_depth(x) for x in l), default=0)
print(nest_depth(nested))
sys.setrecursionlimit(200)
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("caught:", e)
print(depth(150))
try:
    depth(500)
except RecursionError:
    print("too deep at limit 200")
sys.setrecursionlimit(1000)
import json
deep = "[" * 500 + "]" * 500
print(len(json.dumps(json.loads(deep))))
try:
    json.loads("[" * 100000 + "]" * 100000)
except RecursionError as e:
    print("json:", e)
import copy
try:
    copy.deepcopy(nested)
except RecursionError as e:
    print("deepcopy: RecursionError")
try:
    repr(nested)
except RecursionError as e:
    print("repr:", e)
try:
    str(head) and print(len(str(eval("[" * 2000 + "]" * 2000))))
except RecursionError as e:
    print("eval nest:", type(e).__name__)
except (MemoryError, SyntaxError) as e:
    print(type(e).__name__, e.msg if isinstance(e, SyntaxError) else "")
