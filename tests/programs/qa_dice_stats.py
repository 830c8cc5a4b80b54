# dice simulation with a hand-written PRNG and exact probability comparison
class XorShift:
    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFF or 1
    def next32(self):
        x = self.s
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.s = x
        return x
    def roll(self, sides=6):
        return self.next32() % sides + 1
rng = XorShift(2024)
N = 30000
counts = {}
for _ in range(N):
    s = rng.roll() + rng.roll()
    counts[s] = counts.get(s, 0) + 1
exact = {}
for a in range(1, 7):
    for b in range(1, 7):
        exact[a + b] = exact.get(a + b, 0) + 1
print(f"{'sum':>3} {'count':>6} {'freq':>7} {'exact':>7} {'diff':>7}")
chi2 = 0.0
for s in range(2, 13):
    f = counts[s] / N
    e = exact[s] / 36
    chi2 += (counts[s] - e * N) ** 2 / (e * N)
    print(f"{s:>3} {counts[s]:>6} {f:>7.4f} {e:>7.4f} {f - e:>+7.4f} {'*' * round(f * 100)}")
print(f"chi2 = {chi2:.3f}")
def yahtzee_like(rng, rounds=2000):
    tally = {"yahtzee": 0, "four": 0, "full house": 0, "straight": 0, "nothing": 0}
    for _ in range(rounds):
        dice = sorted(rng.roll() for _ in range(5))
        c = sorted((dice.count(v) for v in set(dice)), reverse=True)
        if c[0] == 5:
            tally["yahtzee"] += 1
        elif c[0] == 4:
            tally["four"] += 1
        elif c == [3, 2]:
            tally["full house"] += 1
        elif dice in ([1, 2, 3, 4, 5], [2, 3, 4, 5, 6]):
            tally["straight"] += 1
        else:
            tally["nothing"] += 1
    return tally
print(yahtzee_like(rng))
streak = best = 0
prev = None
for _ in range(5000):
    r = rng.roll()
    streak = streak + 1 if r == prev else 1
    best = max(best, streak)
    prev = r
print("longest streak", best, rng.s)
