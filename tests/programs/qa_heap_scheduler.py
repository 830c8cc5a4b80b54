# binary heap written by hand + task scheduler simulation
class MinHeap:
    def __init__(self, key=lambda x: x):
        self.a = []
        self.key = key
    def push(self, x):
        a = self.a
        a.append(x)
        i = len(a) - 1
        while i:
            p = (i - 1) // 2
            if self.key(a[i]) < self.key(a[p]):
                a[i], a[p] = a[p], a[i]
                i = p
            else:
                break
    def pop(self):
        a = self.a
        if not a:
            raise IndexError("pop from empty heap")
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i = 0
            n = len(a)
            while True:
                l, r, m = 2 * i + 1, 2 * i + 2, i
                if l < n and self.key(a[l]) < self.key(a[m]):
                    m = l
                if r < n and self.key(a[r]) < self.key(a[m]):
                    m = r
                if m == i:
                    break
                a[i], a[m] = a[m], a[i]
                i = m
        return top
    def __len__(self):
        return len(self.a)
    def __bool__(self):
        return bool(self.a)
h = MinHeap()
for v in [5, 3, 8, 1, 9, 2, 7, 1]:
    h.push(v)
print([h.pop() for _ in range(len(h))])
try:
    h.pop()
except IndexError as e:
    print("IndexError:", e)
class Task:
    seq = 0
    def __init__(self, name, priority, duration, deps=()):
        self.name, self.priority, self.duration, self.deps = name, priority, duration, set(deps)
        Task.seq += 1
        self.order = Task.seq
    def __repr__(self):
        return self.name
tasks = [Task("design", 1, 3), Task("db", 2, 4, ["design"]), Task("api", 2, 5, ["db"]), Task("ui", 3, 4, ["design"]),
         Task("tests", 4, 2, ["api", "ui"]), Task("docs", 5, 1, ["design"]), Task("deploy", 1, 1, ["tests", "docs"])]
by_name = {t.name: t for t in tasks}
done = set()
workers = [0, 0]
finish = {}
ready = MinHeap(key=lambda t: (t.priority, t.order))
waiting = list(tasks)
time_log = []
def release():
    global waiting
    still = []
    for t in waiting:
        if t.deps <= done:
            ready.push(t)
        else:
            still.append(t)
    waiting = still
release()
running = []
clock = 0
while ready or running or waiting:
    for i in range(len(workers)):
        if workers[i] <= clock and ready:
            t = ready.pop()
            workers[i] = clock + t.duration
            running.append((workers[i], i, t))
            time_log.append(f"t={clock:2} w{i} start {t.name:<7} (p{t.priority}, {t.duration}h)")
    if not running:
        raise RuntimeError(f"deadlock: waiting={waiting}")
    running.sort(key=lambda r: (r[0], r[1]))
    end, w, t = running.pop(0)
    clock = end
    done.add(t.name)
    finish[t.name] = end
    time_log.append(f"t={clock:2} w{w} done  {t.name}")
    release()
print("\n".join(time_log))
print("makespan", clock, finish)
tasks2 = [Task("a", 1, 1, ["b"]), Task("b", 1, 1, ["a"])]
waiting = tasks2
done = set()
release()
print("ready:", len(ready), "waiting:", waiting)
