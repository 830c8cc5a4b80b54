# The iterator protocol via __iter__/__next__, and via __getitem__.
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIter(self.start)
class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(5)
print(list(c), list(c), sum(c), max(c), sorted(c), 3 in c, 9 in c)
for a, b in zip(Countdown(3), Countdown(10)):
    print(a, b)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "end"))
class Squares:
    def __getitem__(self, i):
        if i >= 6:
            raise IndexError(i)
        return i * i
print(list(Squares()), 16 in Squares(), 17 in Squares(), [x for x in Squares() if x % 2])
print(list(iter(Squares())), list(enumerate(Squares())))
class Infinite:
    def __getitem__(self, i):
        return i * 3
for v in Infinite():
    if v > 20:
        break
    print("inf", v)
class NotIterable:
    pass
try:
    iter(NotIterable())
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in 42:
        pass
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
def reader():
    data = iter(["a", "b", "", "c"])
    return lambda: next(data)
print(list(iter(reader(), "")))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 6)))
class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
f = Fib(100)
print(list(f), list(f))
lst = [1, 2, 3]
li = iter(lst)
next(li)
lst.append(4)
print(list(li))
class Reversible:
    def __init__(self, d):
        self.d = d
    def __len__(self):
        return len(self.d)
    def __getitem__(self, i):
        return self.d[i]
print(list(reversed(Reversible("abc"))))
class HasReversed:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(HasReversed())))
