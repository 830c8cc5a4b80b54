# yield from delegation: throw/close/send propagate through nested generators
log = []
def leaf(name):
    try:
        while True:
            try:
                x = yield name
                log.append(f"{name} got {x}")
            except KeyError as e:
                log.append(f"{name} handled KeyError {e}")
                yield f"{name}-recovered"
    except GeneratorExit:
        log.append(f"{name} closing")
        raise
    finally:
        log.append(f"{name} finally")

def middle():
    r = yield from leaf("L1")
    log.append(f"middle got return {r}")

def top():
    try:
        yield from middle()
    except ValueError as e:
        log.append(f"top caught {e!r}")
        yield "top-after-error"

g = top()
print(next(g))
print(g.send("hello"))
print(g.throw(KeyError("k1")))
print(next(g))
print(g.throw(ValueError("boom")))
try:
    next(g)
except StopIteration:
    print("top exhausted")
print("\n".join(log))
log.clear()
g2 = top()
next(g2)
g2.close()
print(log)

def eager_first():
    print("  evaluating source")
    return range(3)
ge = (x * 2 for x in eager_first())
print("generator created")
print(list(ge))
def gen_with_state():
    total = 0
    for i in range(5):
        total += i
        yield total
g3 = gen_with_state()
print(next(g3), next(g3))
print(list(g3))
print(g3.gi_running, g3.gi_frame is None)
def inner_ret():
    yield 1
    return "inner-result"
def outer_ret():
    res = yield from inner_ret()
    yield res
print(list(outer_ret()))
def gen_exc_propagation():
    yield 1
    raise KeyError("from generator")
def consume():
    try:
        for v in gen_exc_propagation():
            print("  consumed", v)
    except KeyError as e:
        print("  consume caught", e)
consume()
def infinite():
    n = 0
    while True:
        yield n
        n += 1
def take_while(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x
print(list(take_while(lambda x: x * x < 50, infinite())))
pairs = zip(infinite(), "abc")
print(list(pairs))
def chunks(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield buf
            buf = []
    if buf:
        yield buf
print(list(chunks(range(10), 4)))
def yf_throw_unhandled():
    yield from leaf("L2")
g4 = yf_throw_unhandled()
next(g4)
try:
    g4.throw(IndexError("unhandled"))
except IndexError as e:
    print("IndexError out:", e, log[-1])
