import random

random.seed(12345)
print(random.random())
print(random.random())
print(random.randint(1, 100), random.randint(-5, 5), random.randint(0, 10**20))
xs = list(range(20))
random.shuffle(xs)
print(xs)
print(random.choice("abcdefghij"), random.choice([10, 20, 30]))
print(random.sample(range(1000), 5))
print(random.sample(["a", "b", "c", "d"], 4))
print(random.gauss(0, 1))
print(random.gauss(10, 2))
print(random.uniform(1.5, 2.5))
print(random.randrange(0, 100, 7))
print(random.getrandbits(70))
print(random.choices("xyz", k=6))
print(random.choices([1, 2, 3], weights=[5, 1, 1], k=5))
print(random.normalvariate(0, 1))
print(random.expovariate(2.0))
print(random.triangular(0, 10, 3))
print(random.betavariate(2, 3))
print(random.randbytes(6).hex())

r = random.Random(42)
print([r.randint(0, 9) for _ in range(10)])
state = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(state)
b = [r.random() for _ in range(3)]
print(a == b, a[0])

random.seed("a string seed")
print(random.random())
random.seed(b"bytes")
print(random.random())
random.seed(2**100 + 7)
print(random.random())
random.seed(-3)
print(random.random())


class MyRandom(random.Random):
    pass


m = MyRandom(7)
print(m.randint(1, 6), m.choice("HT"))
