# queue simulation with hand-written deque and LCG random
class LCG:
    def __init__(self, seed):
        self.state = seed
    def next(self):
        self.state = (self.state * 1103515245 + 12345) % (2 ** 31)
        return self.state
    def randint(self, a, b):
        return a + self.next() % (b - a + 1)
    def random(self):
        return self.next() / 2 ** 31

class Deque:
    def __init__(self):
        self.front = []
        self.back = []
    def push(self, x):
        self.back.append(x)
    def pop_left(self):
        if not self.front:
            if not self.back:
                raise IndexError("pop from empty deque")
            self.front = self.back[::-1]
            self.back = []
        return self.front.pop()
    def __len__(self):
        return len(self.front) + len(self.back)
    def __bool__(self):
        return len(self) > 0
    def __iter__(self):
        yield from reversed(self.front)
        yield from self.back
    def __repr__(self):
        return f"Deque({list(self)})"

class Customer:
    __slots__ = ("id", "arrived", "service")
    def __init__(self, id, arrived, service):
        self.id, self.arrived, self.service = id, arrived, service
    def __repr__(self):
        return f"C{self.id}"

rng = LCG(42)
q = Deque()
tellers = [None, None]
busy_until = [0, 0]
waits = []
served = 0
next_id = 1
for t in range(60):
    if rng.random() < 0.45:
        q.push(Customer(next_id, t, rng.randint(2, 7)))
        next_id += 1
    for i in range(len(tellers)):
        if busy_until[i] <= t and q:
            c = q.pop_left()
            waits.append(t - c.arrived)
            busy_until[i] = t + c.service
            tellers[i] = c
            served += 1
    if t % 10 == 9:
        print(f"t={t:3d} queue={len(q):2d} {q!r:40} tellers={tellers}")
print("served", served, "arrived", next_id - 1)
print("avg wait %.3f max wait %d" % (sum(waits) / len(waits), max(waits)))
hist = {}
for w in waits:
    hist[w // 2 * 2] = hist.get(w // 2 * 2, 0) + 1
for k in sorted(hist):
    print(f"{k:2d}-{k+1:<2d} {'#' * hist[k]}")
d = Deque()
try:
    d.pop_left()
except IndexError as e:
    print("IndexError:", e)
for i in range(5):
    d.push(i)
print(d.pop_left(), d.pop_left())
d.push(99)
print(d, len(d), list(d)[-1])
