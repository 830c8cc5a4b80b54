# hash of ints/tuples, iter/next, sorted/reversed, enumerate, all/any, len on many types.
for v in [0, 1, -1, -2, 2 ** 31, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30]:
    print(v, hash(v))
print(hash(1.0), hash(0.5), hash(-0.25), hash(1e100) == hash(int(1e100)), hash(2.5) == hash(2.5))
print(hash(()), hash((1,)) == hash((1,)), hash((1, 2)) != hash((2, 1)), hash(True), hash(False))
print(hash((1, (2, 3))) == hash((1, (2, 3))), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(b"xy"), len(""), len(range(5, 0, -2)))
print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, 0, 3]), any(x > 5 for x in range(3)), all(x < 5 for x in range(3)))
print(sorted([3, 1, 2]), sorted("cba"), sorted((2, 1)), sorted({"b": 1, "a": 2}), sorted([-1, 3, -5], key=abs, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
print(list(enumerate(["a", "b"], start=5)), list(zip("ab", [1, 2], (True, False))))
print(max([1, 5, 3]), min("hello"), sum(range(10)), abs(-5), round(2.567, 1))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)
print(isinstance(iter([]), type(iter([]))), type(iter("")).__name__, type(iter(range(2))).__name__, type(iter({})).__name__)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        while self.n > 0:
            yield self.n
            self.n -= 1
print(sorted(Countdown(5)), sum(Countdown(4)), list(enumerate(Countdown(2))))
print(divmod(7, 2), pow(3, 4), bin(5), oct(9), hex(31), chr(97), ord("b"))
