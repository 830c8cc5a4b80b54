# Exceptions raised inside generators, and generators inside try blocks.
def risky(n):
    for i in range(n):
        if i == 3:
            raise ValueError(f"bad item {i}")
        yield i
got = []
try:
    for v in risky(10):
        got.append(v)
except ValueError as e:
    print("caught:", e, "after", got)
g = risky(5)
print([next(g) for _ in range(3)])
try:
    next(g)
    next(g)
except ValueError as e:
    print("second phase:", e)
print(next(g, "generator finished after exception"))
def stop_iteration_inside():
    yield 1
    raise StopIteration("explicit")
try:
    list(stop_iteration_inside())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def next_leak():
    it = iter([])
    yield next(it)
try:
    list(next_leak())
except RuntimeError as e:
    print("RuntimeError:", e)
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield float("inf")
print(list(safe_div([(1, 2), (3, 0), (9, 3)])))
def cleanup_order():
    try:
        yield "first"
        raise KeyError("inside")
    except KeyError as e:
        yield f"handled {e!r}"
    finally:
        print("  finally in generator")
print(list(cleanup_order()))
def gen_reraise():
    try:
        yield 1
    except ZeroDivisionError:
        print("  generator saw ZeroDivisionError, re-raising as ValueError")
        raise ValueError("converted")
gr = gen_reraise()
next(gr)
try:
    gr.throw(ZeroDivisionError)
except ValueError as e:
    print("outer caught", repr(e), "context:", repr(e.__context__))
def genexp_error():
    return (1 / x for x in [1, 0, 2])
it = genexp_error()
print(next(it))
try:
    next(it)
except ZeroDivisionError as e:
    print("ZeroDivisionError in genexp:", e)
print(list(it))
def recursive_gen(n):
    if n < 0:
        raise IndexError("went negative")
    yield n
    yield from recursive_gen(n - 1)
try:
    for v in recursive_gen(4):
        print(v, end=" ")
except IndexError as e:
    print("|", e)
print(sys_like := "done")
