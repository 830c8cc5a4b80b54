# Generator pipelines evaluate lazily and interleave.
def numbers(limit):
    for i in range(limit):
        print(f"  produce {i}")
        yield i
def doubled(it):
    for x in it:
        print(f"  double {x}")
        yield x * 2
def keep(it, pred):
    for x in it:
        if pred(x):
            yield x
pipe = keep(doubled(numbers(6)), lambda v: v % 4 == 0)
print("pipeline built")
for v in pipe:
    print("consumed", v)
log_lines = """INFO start
WARN disk 91%
INFO tick
ERROR failed to open file
INFO tick
ERROR timeout
WARN memory 80%""".splitlines()
def parse(lines):
    for ln in lines:
        level, _, msg = ln.partition(" ")
        yield {"level": level, "msg": msg}
def only(level, recs):
    return (r for r in recs if r["level"] == level)
print([r["msg"] for r in only("ERROR", parse(log_lines))])
print(sum(1 for r in parse(log_lines) if r["level"] == "INFO"))
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(7), 3)))
def running_sum(it):
    s = 0
    for x in it:
        s += x
        yield s
print(list(running_sum(range(1, 11))))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1
ps = primes()
print([next(ps) for _ in range(25)])
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(27))[:20], len(list(collatz(27))))
longest = max(range(1, 1000), key=lambda n: sum(1 for _ in collatz(n)))
print(longest, sum(1 for _ in collatz(longest)))
g = (x for x in range(3))
print(sum(g), sum(g))
def zip_longest(a, b, fill=None):
    ia, ib = iter(a), iter(b)
    while True:
        x = next(ia, fill)
        y = next(ib, fill)
        if x is fill and y is fill:
            return
        yield x, y
print(list(zip_longest([1, 2, 3], "ab", "-")))
