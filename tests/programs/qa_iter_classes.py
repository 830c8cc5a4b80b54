# iterator classes and protocols
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

class Range2:
    def __init__(self, start, stop, step=1):
        self.start, self.stop, self.step = start, stop, step
    def __iter__(self):
        i = self.start
        while (self.step > 0 and i < self.stop) or (self.step < 0 and i > self.stop):
            yield i
            i += self.step
    def __len__(self):
        return max(0, (self.stop - self.start + self.step - (1 if self.step > 0 else -1)) // self.step)
    def __contains__(self, x):
        print("  contains called")
        return x in list(self)
    def __reversed__(self):
        return iter(list(self)[::-1])

print(list(Countdown(5)))
c = Countdown(3)
for x in c:
    print(x, end=",")
print(list(c))
r = Range2(1, 10, 3)
print(list(r), len(r), 4 in r, 5 in r, list(reversed(r)))
print(list(Range2(10, 0, -4)), len(Range2(10, 0, -4)))
print(sum(Range2(0, 101)), max(Range2(3, 9)), sorted(Range2(0, 5), reverse=True))

class Seq:
    def __init__(self, data):
        self.data = data
    def __getitem__(self, i):
        if i >= len(self.data):
            raise IndexError(i)
        return self.data[i] * 10

s = Seq([1, 2, 3])
print(list(s), 20 in s, 25 in s, [x for x in s if x > 10])
it = iter(s)
print(next(it), next(it), next(it), next(it, "end"))

class Pairs:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return PairIter(self.items)
class PairIter:
    def __init__(self, items):
        self.items, self.i = items, 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i + 1 >= len(self.items):
            raise StopIteration
        p = (self.items[self.i], self.items[self.i + 1])
        self.i += 1
        return p
print(list(Pairs("abcd")), dict(Pairs([1, 2, 3])))
a, b, *rest = Countdown(6)
print(a, b, rest)
print(list(enumerate(Countdown(3), start=10)), list(zip(Countdown(3), "xyz", Range2(0, 9))))
print(list(map(lambda p: p[0] + p[1], Pairs([1, 2, 4, 8]))))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
it = iter([1, 2, 3, 4, 5, 6])
print(list(zip(it, it)))
sentinel_it = iter(Countdown(10).__next__, 4)
print(list(sentinel_it))
print(any(x > 3 for x in Countdown(5)), all(Countdown(3)), all([]), any([]))
class Bad:
    def __iter__(self):
        return 5
try:
    iter(Bad())
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
try:
    for q in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
