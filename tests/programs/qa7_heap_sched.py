import heapq, bisect
from dataclasses import dataclass, field
@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
tasks = []
for p, n in [(3, "write"), (1, "plan"), (4, "test"), (2, "code"), (1, "coffee")]:
    heapq.heappush(tasks, Task(p, n))
print([heapq.heappop(tasks).name for _ in range(len(tasks))])
nums = [5, 1, 8, 3, 9, 2, 7]
print(heapq.nlargest(3, nums), heapq.nsmallest(2, nums), heapq.nlargest(2, ["bb", "a", "ccc"], key=len))
h = nums[:]; heapq.heapify(h); print(h, heapq.heappushpop(h, 0), heapq.heapreplace(h, 10), h)
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), list(heapq.merge(["c", "a"], ["b"], key=str, reverse=True)))
def dijkstra(graph, src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph.get(u, []):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dist
G = {"A": [("B", 4), ("C", 1)], "C": [("B", 2), ("D", 7)], "B": [("D", 1)], "D": []}
print(sorted(dijkstra(G, "A").items()))
grades = [60, 70, 80, 90]
def grade(score):
    return "FDCBA"[bisect.bisect(grades, score)]
print([grade(s) for s in [33, 60, 75, 89, 90, 100]])
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect_left(a, 4, 3), bisect.bisect(a, 100))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a)
recs = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]))
bisect.insort(recs, ("x", 6), key=lambda r: r[1]); print(recs)
class Sched:
    def __init__(self): self.q = []; self.t = 0; self.count = 0
    def at(self, t, fn, *args):
        self.count += 1
        heapq.heappush(self.q, (t, self.count, fn, args))
    def run(self):
        while self.q:
            self.t, _, fn, args = heapq.heappop(self.q)
            fn(self, *args)
def ping(s, n):
    print(f"t={s.t} ping {n}")
    if n < 3:
        s.at(s.t + 2, ping, n + 1)
s = Sched(); s.at(0, ping, 0); s.at(3, lambda s: print(f"t={s.t} lambda")); s.run()
heapq.heappop([])
