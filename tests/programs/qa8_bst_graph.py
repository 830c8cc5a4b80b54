from collections import deque
import heapq
class BST:
    class _Node:
        __slots__ = ("key", "val", "left", "right")
        def __init__(self, key, val):
            self.key, self.val, self.left, self.right = key, val, None, None
    def __init__(self):
        self.root = None
        self.size = 0
    def __len__(self):
        return self.size
    def __setitem__(self, key, val):
        def put(node):
            if node is None:
                self.size += 1
                return BST._Node(key, val)
            if key < node.key:
                node.left = put(node.left)
            elif key > node.key:
                node.right = put(node.right)
            else:
                node.val = val
            return node
        self.root = put(self.root)
    def __getitem__(self, key):
        n = self.root
        while n:
            if key == n.key:
                return n.val
            n = n.left if key < n.key else n.right
        raise KeyError(key)
    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False
    def __iter__(self):
        def walk(n):
            if n:
                yield from walk(n.left)
                yield n.key
                yield from walk(n.right)
        return walk(self.root)
    def __delitem__(self, key):
        def delete(n, key):
            if n is None:
                raise KeyError(key)
            if key < n.key:
                n.left = delete(n.left, key)
            elif key > n.key:
                n.right = delete(n.right, key)
            else:
                if n.left is None:
                    return n.right
                if n.right is None:
                    return n.left
                m = n.right
                while m.left:
                    m = m.left
                n.key, n.val = m.key, m.val
                n.right = delete(n.right, m.key)
            return n
        self.root = delete(self.root, key)
        self.size -= 1
    def height(self):
        def h(n):
            return 0 if n is None else 1 + max(h(n.left), h(n.right))
        return h(self.root)
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t[k] = str(k)
print(list(t), len(t), t.height(), 45 in t, 99 in t, t[65])
del t[30]; del t[50]
print(list(t), len(t), t.height())
try:
    del t[1000]
except KeyError as e:
    print("KeyError", e)
graph = {"A": {"B": 4, "C": 2}, "B": {"C": 5, "D": 10}, "C": {"E": 3}, "D": {"F": 11}, "E": {"D": 4}, "F": {}}
def bfs(start):
    seen, order, q = {start}, [], deque([start])
    while q:
        n = q.popleft()
        order.append(n)
        for m in sorted(graph[n]):
            if m not in seen:
                seen.add(m)
                q.append(m)
    return order
def dfs(n, seen=None):
    seen = seen if seen is not None else []
    seen.append(n)
    for m in sorted(graph[n]):
        if m not in seen:
            dfs(m, seen)
    return seen
def dijkstra(src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    while pq:
        d, n = heapq.heappop(pq)
        if d > dist.get(n, float("inf")):
            continue
        for m, w in graph[n].items():
            nd = d + w
            if nd < dist.get(m, float("inf")):
                dist[m], prev[m] = nd, n
                heapq.heappush(pq, (nd, m))
    return dist, prev
def path(prev, dst):
    p = [dst]
    while p[-1] in prev:
        p.append(prev[p[-1]])
    return "->".join(reversed(p))
print(bfs("A"), dfs("A"))
dist, prev = dijkstra("A")
print(dict(sorted(dist.items())), path(prev, "F"))
def topo(g):
    indeg = {n: 0 for n in g}
    for n in g:
        for m in g[n]:
            indeg[m] += 1
    q = deque(sorted(n for n, d in indeg.items() if d == 0))
    out = []
    while q:
        n = q.popleft(); out.append(n)
        for m in sorted(g[n]):
            indeg[m] -= 1
            if indeg[m] == 0:
                q.append(m)
    return out
print(topo(graph))
