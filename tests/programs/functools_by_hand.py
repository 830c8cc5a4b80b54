# partial, reduce, lru_cache, wraps and total_ordering implemented by hand.
def partial(fn, *pargs, **pkw):
    def call(*args, **kw):
        merged = dict(pkw)
        merged.update(kw)
        return fn(*pargs, *args, **merged)
    call.func, call.args, call.keywords = fn, pargs, pkw
    return call
def reduce(fn, seq, *initial):
    it = iter(seq)
    if initial:
        acc = initial[0]
    else:
        try:
            acc = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    for x in it:
        acc = fn(acc, x)
    return acc
def lru_cache(maxsize=128):
    def deco(fn):
        cache = {}
        stats = {"hits": 0, "misses": 0}
        def wrapper(*args):
            if args in cache:
                stats["hits"] += 1
                value = cache.pop(args)
                cache[args] = value
                return value
            stats["misses"] += 1
            value = fn(*args)
            cache[args] = value
            if len(cache) > maxsize:
                del cache[next(iter(cache))]
            return value
        wrapper.cache_info = lambda: (stats["hits"], stats["misses"], len(cache))
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco
def total_ordering(cls):
    lt = cls.__lt__
    cls.__le__ = lambda a, b: lt(a, b) or a == b
    cls.__gt__ = lambda a, b: not lt(a, b) and a != b
    cls.__ge__ = lambda a, b: not lt(a, b)
    return cls
pow2 = partial(pow, 2)
print(pow2(10), pow2(3, 5), partial(int, base=2)("1011"), partial(sorted, reverse=True)([3, 1, 2]))
print(pow2.args, partial(print, sep="|").keywords)
print(reduce(lambda a, b: a + b, range(10)), reduce(lambda a, b: a * b, range(1, 11)), reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, [], "init"))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)
@lru_cache(maxsize=3)
def slow_square(n):
    print(f"  computing {n}")
    return n * n
for n in [1, 2, 1, 3, 4, 1, 2, 2]:
    print(n, slow_square(n))
print(slow_square.cache_info(), slow_square.__name__)
@lru_cache(maxsize=1000)
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)
print(paths(16, 16), paths.cache_info())
@total_ordering
class Card:
    order = "23456789TJQKA"
    def __init__(self, s):
        self.s = s
    def __eq__(self, o):
        return self.s == o.s
    def __lt__(self, o):
        return self.order.index(self.s) < self.order.index(o.s)
    def __repr__(self):
        return self.s
cards = [Card(c) for c in "K29TA5"]
print(sorted(cards), Card("K") >= Card("Q"), Card("2") > Card("3"), Card("J") <= Card("J"), max(cards))
compose_all = lambda *fns: reduce(lambda f, g: lambda x: g(f(x)), fns)
print(compose_all(str.strip, str.upper, lambda s: s + "!")("  hi  "))
