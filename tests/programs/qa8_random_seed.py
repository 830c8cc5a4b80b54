import random
random.seed(42)
print(random.randint(1, 100), random.randint(1, 6), random.randrange(10), random.randrange(0, 100, 5))
print(random.random(), random.uniform(1.5, 2.5))
print(random.choice("abcdef"), random.choice([10, 20, 30]))
deck = list(range(20))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample("hello", 3))
print(random.gauss(0, 1), random.normalvariate(10, 2))
print(random.choices(["a", "b", "c"], k=5), random.choices([1, 2, 3], weights=[10, 1, 1], k=6))
print(random.choices("xyz", cum_weights=[1, 2, 10], k=4))
print(random.getrandbits(40), random.triangular(0, 10, 3), random.betavariate(2, 3))
print(random.expovariate(1.5), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2))
print(random.gammavariate(2.0, 1.0), random.paretovariate(2), random.weibullvariate(1, 2))
print(random.randbytes(6).hex())
st = random.getstate()
x1 = [random.random() for _ in range(3)]
random.setstate(st)
x2 = [random.random() for _ in range(3)]
print(x1 == x2)
r = random.Random(2024)
print([r.randint(0, 9) for _ in range(15)])
r.seed("a string seed")
print(r.random(), r.randint(1, 1000))
r.seed(b"bytes")
print(r.random())
r.seed(12345678901234567890)
print(r.random())
r.seed(-7)
print(r.random())
r.seed(3.5)
print(r.random())
random.seed(1)
big = random.randint(10**30, 10**31)
print(big, random.randrange(-50, -10))
rolls = [random.randint(1, 6) for _ in range(600)]
print([rolls.count(i) for i in range(1, 7)])
try:
    random.choice([])
except IndexError as e:
    print(e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print(e)
try:
    random.randint(5, 1)
except ValueError as e:
    print(e)
lst = ["a", "b", "c", "d", "e"]
random.seed(99)
random.shuffle(lst)
print(lst, random.sample(sorted({3, 1, 2}), 2))
print(random.binomialvariate(10, 0.3) if hasattr(random, "binomialvariate") else "n/a")
random.seed(0)
print(sum(random.random() for _ in range(1000)))
