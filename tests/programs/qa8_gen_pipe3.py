from itertools import islice, count
def numbers():
    n = 0
    while True:
        yield n
        n += 1
def evens(src):
    return (x for x in src if x % 2 == 0)
def squares(src):
    for x in src:
        yield x * x
print(list(islice(squares(evens(numbers())), 6)))
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(next(acc))
for v in [5, 10, 20]:
    print(acc.send(v))
try:
    acc.send(None)
except StopIteration as e:
    print("returned", e.value)
def inner():
    x = yield "a"
    print("inner got", x)
    yield "b"
    return "inner-done"
def outer():
    r = yield from inner()
    print("yield from returned", r)
    yield from [1, 2]
    yield from range(3, 5)
g = outer()
print(next(g), g.send("hello"), list(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(islice(fib(), 15)))
print(next(x for x in fib() if x > 1000))
def chunked(it, n):
    it = iter(it)
    while chunk := list(islice(it, n)):
        yield chunk
print(list(chunked(range(10), 3)))
def read_lines(text):
    for line in text.splitlines():
        yield line
def parse(lines):
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        k, _, v = line.partition("=")
        yield k.strip(), v.strip()
cfg = "# config\nname = app\n\nport=8080\ndebug = true\n"
print(dict(parse(read_lines(cfg))))
def closer():
    try:
        while True:
            yield 1
    finally:
        print("generator cleanup")
c = closer()
next(c)
c.close()
def thrower():
    while True:
        try:
            yield
        except ValueError as e:
            print("handled", e)
t = thrower(); next(t)
t.throw(ValueError("oops"))
try:
    t.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
g2 = (i for i in range(3))
print(list(g2), list(g2), sum(x * x for x in range(10)), any(x > 8 for x in range(10)))
def gen_ret():
    yield 1
    return 2
print(list(gen_ret()))
gg = gen_ret(); next(gg)
try:
    next(gg)
except StopIteration as e:
    print("stop value", e.value)
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
ge = (x for x in [1])
print(type(ge).__name__, next(ge), next(ge, "dflt"))
def running():
    g = yield from counter_gen()
    yield g
def counter_gen():
    for i in range(2):
        yield i
    return "end"
print(list(running()))
