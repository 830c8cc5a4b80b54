# Hand-written itertools equivalents built from generators.
def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step
def islice(it, stop):
    for i, x in enumerate(it):
        if i >= stop:
            return
        yield x
def cycle(it):
    saved = []
    for x in it:
        yield x
        saved.append(x)
    while saved:
        yield from saved
def repeat(x, times):
    for _ in range(times):
        yield x
def chain(*its):
    for it in its:
        yield from it
def accumulate(it, fn=lambda a, b: a + b):
    it = iter(it)
    try:
        total = next(it)
    except StopIteration:
        return
    yield total
    for x in it:
        total = fn(total, x)
        yield total
def groupby(it, key=lambda x: x):
    it = iter(it)
    sentinel = object()
    cur_key, group = sentinel, []
    for x in it:
        k = key(x)
        if group and k != cur_key:
            yield cur_key, group
            group = []
        cur_key = k
        group.append(x)
    if group:
        yield cur_key, group
def product(*seqs):
    if not seqs:
        yield ()
        return
    for x in seqs[0]:
        for rest in product(*seqs[1:]):
            yield (x,) + rest
def permutations(seq, r=None):
    seq = list(seq)
    r = len(seq) if r is None else r
    if r == 0:
        yield ()
        return
    for i, x in enumerate(seq):
        for rest in permutations(seq[:i] + seq[i + 1:], r - 1):
            yield (x,) + rest
def combinations(seq, r):
    seq = list(seq)
    if r == 0:
        yield ()
        return
    for i in range(len(seq)):
        for rest in combinations(seq[i + 1:], r - 1):
            yield (seq[i],) + rest
def takewhile(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x
def dropwhile(pred, it):
    it = iter(it)
    for x in it:
        if not pred(x):
            yield x
            break
    yield from it
def zip_longest(*its, fill=None):
    iters = [iter(i) for i in its]
    while True:
        row, alive = [], False
        for it in iters:
            try:
                row.append(next(it))
                alive = True
            except StopIteration:
                row.append(fill)
        if not alive:
            return
        yield tuple(row)
print(list(islice(count(10, 5), 6)), list(islice(cycle("abc"), 8)), list(repeat("x", 3)))
print(list(chain([1, 2], "ab", range(2))), list(accumulate([1, 2, 3, 4, 5])), list(accumulate([3, 1, 4, 1, 5], max)))
print([(k, g) for k, g in groupby("aaabccdddd")], [(k, len(g)) for k, g in groupby(range(10), key=lambda n: n // 3)])
print(list(product("ab", [1, 2])), len(list(product(range(3), repeat=None) if False else product(range(3), range(3), range(3)))))
print(list(permutations("abc")), len(list(permutations(range(5), 2))))
print(list(combinations("abcd", 2)), len(list(combinations(range(10), 4))))
print(list(takewhile(lambda x: x < 5, count())), list(dropwhile(lambda x: x < 5, range(9))))
print(list(zip_longest("abc", [1], fill="-")), list(accumulate([])))
pairs = list(islice(((a, b) for a in count(1) for b in range(1, a) if (a * a + b * b) ** 0.5 % 1 == 0), 5))
print(pairs)
