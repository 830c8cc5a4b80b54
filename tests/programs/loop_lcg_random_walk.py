# A hand-written linear congruential generator driving a random walk and a Monte Carlo estimate.
class LCG:
    def __init__(self, seed):
        self.state = seed
    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return self.state >> 33
    def random(self):
        return self.next() / (1 << 31)
    def randint(self, a, b):
        return a + self.next() % (b - a + 1)
rng = LCG(42)
print([rng.randint(1, 6) for _ in range(20)])
x = y = 0
max_dist = 0
visits = {}
for step in range(60000):
    d = rng.next() & 3
    if d == 0:
        x += 1
    elif d == 1:
        x -= 1
    elif d == 2:
        y += 1
    else:
        y -= 1
    dist = abs(x) + abs(y)
    if dist > max_dist:
        max_dist = dist
    key = (x // 10, y // 10)
    visits[key] = visits.get(key, 0) + 1
print("final", (x, y), "max manhattan distance", max_dist, "regions visited", len(visits))
inside = 0
N = 100000
for _ in range(N):
    px = rng.random()
    py = rng.random()
    if px * px + py * py <= 1.0:
        inside += 1
print("pi estimate", 4 * inside / N)
counts = [0] * 6
for _ in range(30000):
    counts[rng.randint(0, 5)] += 1
print("die histogram", counts, sum(counts))
deck = list(range(52))
for i in range(51, 0, -1):
    j = rng.randint(0, i)
    deck[i], deck[j] = deck[j], deck[i]
print("shuffled deck head", deck[:13], sorted(deck) == list(range(52)))
