import itertools as it
from itertools import groupby, accumulate, product, permutations, combinations, combinations_with_replacement, zip_longest, islice, pairwise, chain, count, cycle, repeat, starmap, takewhile, dropwhile, compress, filterfalse, tee
import operator

data = [("fruit", "apple"), ("fruit", "pear"), ("veg", "kale"), ("fruit", "fig"), ("veg", "leek"), ("veg", "okra")]
for k, g in groupby(data, key=lambda t: t[0]):
    print(k, [x[1] for x in g])
for k, g in groupby(sorted(data), key=operator.itemgetter(0)):
    print(k, len(list(g)))
print([k for k, _ in groupby("aaabbbccaa")])
print([(k, len(list(g))) for k, g in groupby("aaabbbccaa")])
print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2], max)))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(product("ab", repeat=2)))
print(list(product([1, 2], "xy")))
print(list(permutations("abc", 2)))
print(len(list(permutations(range(5)))))
print(list(combinations([1, 2, 3, 4], 3)))
print(list(combinations_with_replacement("abc", 2)))
print(list(zip_longest("abcd", [1, 2], fillvalue="-")))
print(list(islice(count(10, 5), 4)))
print(list(islice("abcdefgh", 1, 7, 2)))
print(list(pairwise([1, 4, 9, 16])))
print(list(chain.from_iterable([[1], [2, 3], []])))
print(list(islice(cycle("xyz"), 7)))
print(list(repeat("r", 3)))
print(list(starmap(pow, [(2, 3), (3, 2)])))
print(list(takewhile(lambda x: x < 5, [1, 3, 6, 2])))
print(list(dropwhile(lambda x: x < 5, [1, 3, 6, 2])))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b))
def running_avg(xs):
    for i, total in enumerate(accumulate(xs), 1):
        yield round(total / i, 2)
print(list(running_avg([10, 20, 15, 40])))
print(list(it.batched(range(7), 3)) if hasattr(it, "batched") else "no batched")
counter = count()
print(next(counter), next(counter), repr(counter))
print(list(zip(count(1), "abc")))
print(list(islice(permutations(range(4)), 3, 6)))
print(sum(1 for _ in combinations(range(10), 4)))
r = repeat(1, 2)
print(repr(r))
print(list(map(operator.add, [1, 2], [10, 20])))
try:
    list(islice(range(3), -1))
except ValueError as e:
    print(e)
print(list(it.chain("ab", (1, 2))))
