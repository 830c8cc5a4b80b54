# Generator send(), throw() and close().
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            print("  got None")
            continue
        total += value
acc = accumulator()
print(next(acc))
print(acc.send(10), acc.send(5), next(acc), acc.send(-3))
def echo():
    received = []
    try:
        while True:
            try:
                x = yield len(received)
                received.append(x)
            except ValueError as e:
                print("  handled ValueError inside:", e)
                received.append("error")
    finally:
        print("  echo finished with", received)
e = echo()
print(next(e), e.send("a"), e.send("b"))
print(e.throw(ValueError, "bad value"))
print(e.throw(ValueError("another")))
e.close()
try:
    e.send("after close")
except StopIteration:
    print("StopIteration after close")
g = accumulator()
try:
    g.send(5)
except TypeError as ex:
    print("TypeError:", ex)
def no_catch():
    yield 1
    yield 2
n = no_catch()
next(n)
try:
    n.throw(KeyError("k"))
except KeyError as ex:
    print("propagated KeyError:", ex)
print(next(n, "done"))
def catch_and_yield():
    while True:
        try:
            yield "normal"
        except RuntimeError:
            yield "recovered"
c = catch_and_yield()
print(next(c), c.throw(RuntimeError), next(c), c.throw(RuntimeError()), next(c))
def averager():
    total, count, avg = 0.0, 0, None
    while True:
        term = yield avg
        if term is None:
            break
        total += term
        count += 1
        avg = total / count
    return (count, avg)
a = averager()
next(a)
for v in [10, 20, 30, 45]:
    print("avg", a.send(v))
try:
    a.send(None)
except StopIteration as ex:
    print("result", ex.value)
def coroutine_pipeline():
    results = []
    def sink():
        while True:
            item = yield
            results.append(item)
    def upper(target):
        while True:
            item = yield
            target.send(item.upper())
    s = sink(); next(s)
    u = upper(s); next(u)
    for word in ["alpha", "beta", "gamma"]:
        u.send(word)
    return results
print(coroutine_pipeline())
fresh = accumulator()
fresh.close()
print("closed fresh generator")
try:
    next(fresh)
except StopIteration:
    print("fresh closed generator is exhausted")
def running_state():
    yield 1
gs = running_state()
print(gs.gi_running, list(gs), gs.gi_running)
