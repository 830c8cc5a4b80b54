# Generator pipeline processing log lines
LOG = """\
2023-01-01 INFO start server port=8080
2023-01-01 DEBUG loading config
2023-01-02 WARN disk usage 85%
2023-01-02 ERROR failed to connect db=main retries=3
2023-01-03 INFO request path=/index ms=12
2023-01-03 INFO request path=/about ms=40
2023-01-03 ERROR timeout path=/api ms=3000
2023-01-04 INFO request path=/index ms=8
"""

def read_lines(text):
    for line in text.splitlines():
        if line.strip():
            yield line

def parse(lines):
    for line in lines:
        date, level, *rest = line.split()
        fields = {}
        words = []
        for tok in rest:
            if "=" in tok:
                k, v = tok.split("=", 1)
                fields[k] = int(v) if v.isdigit() else v
            else:
                words.append(tok)
        yield {"date": date, "level": level, "msg": " ".join(words), **fields}

def only(levels, records):
    return (r for r in records if r["level"] in levels)

def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x

def counter():
    counts = {}
    while True:
        item = yield counts
        if item is None:
            break
        counts[item] = counts.get(item, 0) + 1
    return counts

recs = list(parse(read_lines(LOG)))
print(len(recs))
for r in only({"ERROR", "WARN"}, recs):
    print(r["date"], r["level"].ljust(5), r["msg"], sorted((k, v) for k, v in r.items() if k not in ("date", "level", "msg")))

print([r["path"] for r in take(2, (r for r in recs if "path" in r))])
total_ms = sum(r.get("ms", 0) for r in recs)
print("total ms", total_ms)

c = counter()
next(c)
for r in recs:
    state = c.send(r["level"])
print(state)
try:
    c.send(None)
except StopIteration as e:
    print("final", e.value)

def chain(*its):
    for it in its:
        yield from it

print(list(chain("ab", [1, 2], (x * x for x in range(3)))))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

g = fib()
print([next(g) for _ in range(15)])
print(sum(take(50, fib())))
gen = (x for x in range(3))
print(list(gen), list(gen))
def windowed(seq, n):
    it = iter(seq)
    win = []
    for x in it:
        win.append(x)
        if len(win) == n:
            yield tuple(win)
            win.pop(0)
print(list(windowed(range(6), 3)))
print(list(zip(*windowed("abcde", 2))))
