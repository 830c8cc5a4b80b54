import itertools, functools, operator

def read_lines(text):
    for line in text.splitlines():
        yield line

def strip_comments(lines):
    for l in lines:
        l = l.split("#", 1)[0].strip()
        if l:
            yield l

def parse(lines):
    for l in lines:
        name, _, value = l.partition("=")
        yield name.strip(), int(value)

CONFIG = """
# config
a = 1
b = 2   # two
c = 30
# end
d = 4
"""
pairs = list(parse(strip_comments(read_lines(CONFIG))))
print(pairs)
print(dict(pairs))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print(list(itertools.islice(fib(), 15)))
print(list(itertools.takewhile(lambda x: x < 100, fib())))
evens = (x for x in fib() if x % 2 == 0)
print([next(evens) for _ in range(6)])
print(list(itertools.accumulate([1, 2, 3, 4, 5])), list(itertools.accumulate([1, 2, 3, 4], operator.mul)))
print(list(itertools.chain.from_iterable([[1, 2], [3], []])))
for k, g in itertools.groupby(sorted("mississippi")):
    print(k, len(list(g)), end="; ")
print()
print(list(itertools.product("ab", repeat=2)))
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations("abcd", 3)))
print(list(itertools.combinations_with_replacement("ab", 2)))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(itertools.filterfalse(lambda x: x % 3, range(10))))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])))
print(list(itertools.pairwise("abcd")))
c = itertools.count(10, 5)
print(next(c), next(c), repr(c))
print(list(itertools.repeat("x", 3)), list(itertools.islice(itertools.cycle("ab"), 5)))
a, b = itertools.tee(iter([1, 2, 3]))
print(list(a), list(b))
print(functools.reduce(lambda acc, x: acc * 10 + x, [1, 2, 3, 4]))

@functools.lru_cache(maxsize=None)
def ways(n):
    if n < 0: return 0
    if n == 0: return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)
print(ways(30), ways.cache_info())
p = functools.partial(int, base=2)
print(p("1011"), p.func, p.keywords)

def gen_with_return():
    x = yield 1
    print("got", x)
    y = yield x * 2
    return x + y
g = gen_with_return()
print(next(g), g.send(5))
try:
    g.send(7)
except StopIteration as e:
    print("returned", e.value)

def delegator():
    r = yield from gen_with_return()
    yield ("result", r)
d = delegator()
print(next(d), d.send(1), d.send(2))
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
cg = closer()
next(cg)
cg.close()
print(sum(x * x for x in range(10) if x % 2))
