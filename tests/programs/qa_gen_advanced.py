# generator send/throw/close/return
def averager():
    total = count = 0
    avg = None
    while True:
        try:
            x = yield avg
        except ValueError:
            print("  reset!")
            total = count = 0
            avg = None
            continue
        if x is None:
            return (count, avg)
        total += x
        count += 1
        avg = total / count

a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(60))
print(a.throw(ValueError))
print(a.send(5))
try:
    a.send(None)
except StopIteration as e:
    print("returned", e.value)

def delegator():
    result = yield from averager()
    print("  sub returned", result)
    yield "after"
d = delegator()
next(d)
d.send(1); d.send(3)
print(d.send(None))

def closing():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("  got GeneratorExit")
        raise
    finally:
        print("  finally in gen")
g = closing()
print(next(g))
g.close()
g.close()
print(list(g))

def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = bad_close()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def gen_return():
    yield 1
    return "done"
print(list(gen_return()))
g = gen_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)

def raises_stop():
    yield 1
    raise StopIteration("x")
try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

def running():
    yield g2.send(None)
g2 = running()
try:
    next(g2)
except ValueError as e:
    print("ValueError:", e)
def thrower():
    try:
        yield 1
    except KeyError as e:
        yield f"caught {e!r}"
t = thrower()
next(t)
print(t.throw(KeyError("k")))
try:
    t.throw(IndexError, IndexError("idx"))
except IndexError as e:
    print("IndexError propagated:", e)
fresh = thrower()
try:
    fresh.throw(TypeError("early"))
except TypeError as e:
    print("early throw:", e)
print(next(fresh, "exhausted"))
def counter_gen(n):
    i = 0
    while i < n:
        received = yield i
        if received is not None:
            i = received
        else:
            i += 1
c = counter_gen(10)
print(next(c), next(c), c.send(7), next(c), next(c), next(c, None))
ge = (x * 2 for x in range(3))
print(type(ge).__name__, next(ge), list(ge))
def empty():
    return
    yield
print(list(empty()), type(empty()).__name__)
def yf():
    r = yield from [1, 2]
    print("  yield from list returned", r)
    r2 = yield from gen_return()
    print("  r2", r2)
print(list(yf()))
