# A binary-heap priority queue written by hand, used for scheduling and k-way merge.
class PriorityQueue:
    def __init__(self):
        self.heap = []
        self.counter = 0
    def push(self, priority, item):
        entry = (priority, self.counter, item)
        self.counter += 1
        self.heap.append(entry)
        self._up(len(self.heap) - 1)
    def pop(self):
        if not self.heap:
            raise IndexError("pop from empty priority queue")
        top = self.heap[0]
        last = self.heap.pop()
        if self.heap:
            self.heap[0] = last
            self._down(0)
        return top[0], top[2]
    def peek(self):
        return self.heap[0][0], self.heap[0][2]
    def __len__(self):
        return len(self.heap)
    def _up(self, i):
        while i > 0:
            parent = (i - 1) // 2
            if self.heap[i] < self.heap[parent]:
                self.heap[i], self.heap[parent] = self.heap[parent], self.heap[i]
                i = parent
            else:
                break
    def _down(self, i):
        n = len(self.heap)
        while True:
            smallest = i
            for child in (2 * i + 1, 2 * i + 2):
                if child < n and self.heap[child] < self.heap[smallest]:
                    smallest = child
            if smallest == i:
                return
            self.heap[i], self.heap[smallest] = self.heap[smallest], self.heap[i]
            i = smallest
    def is_valid(self):
        return all(self.heap[(i - 1) // 2] <= self.heap[i] for i in range(1, len(self.heap)))
pq = PriorityQueue()
tasks = [(3, "write report"), (1, "fix prod bug"), (4, "lunch"), (1, "reply to boss"), (2, "code review"), (5, "nap"), (2, "standup")]
for p, t in tasks:
    pq.push(p, t)
print(len(pq), pq.peek(), pq.is_valid())
while pq:
    print(pq.pop())
try:
    pq.pop()
except IndexError as e:
    print("IndexError:", e)
def heapsort(values):
    q = PriorityQueue()
    for v in values:
        q.push(v, v)
    return [q.pop()[1] for _ in range(len(values))]
data = [(i * 7919 + 13) % 101 for i in range(40)]
print(heapsort(data))
print(heapsort(data) == sorted(data))
def k_way_merge(lists):
    q = PriorityQueue()
    for idx, lst in enumerate(lists):
        if lst:
            q.push(lst[0], (idx, 0))
    out = []
    while q:
        val, (idx, pos) = q.pop()
        out.append(val)
        if pos + 1 < len(lists[idx]):
            q.push(lists[idx][pos + 1], (idx, pos + 1))
    return out
print(k_way_merge([[1, 4, 9], [2, 3, 10, 11], [], [0, 5, 6, 7, 8]]))
def simulate(jobs, workers):
    q = PriorityQueue()
    for w in range(workers):
        q.push(0, f"worker{w}")
    schedule = []
    for name, duration in jobs:
        t, w = q.pop()
        schedule.append((name, w, t, t + duration))
        q.push(t + duration, w)
    return schedule
jobs = [("compile", 5), ("test", 3), ("lint", 1), ("docs", 2), ("package", 4), ("deploy", 2)]
for entry in simulate(jobs, 2):
    print("%-8s on %s from %2d to %2d" % entry)
def top_k(words, k):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    q = PriorityQueue()
    for w, c in counts.items():
        q.push((-c, w), w)
    return [q.pop()[1] for _ in range(min(k, len(q)))]
text = "a b c a b a d e a b c f g a"
print(top_k(text.split(), 3))
