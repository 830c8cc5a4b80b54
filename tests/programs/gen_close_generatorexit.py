# GeneratorExit, close() semantics and cleanup order.
def worker(name):
    print(f"  {name}: start")
    try:
        while True:
            item = yield
            print(f"  {name}: processing {item}")
    except GeneratorExit:
        print(f"  {name}: GeneratorExit received")
        raise
    finally:
        print(f"  {name}: cleanup")
w = worker("w1")
next(w)
w.send("job-1")
w.send("job-2")
w.close()
w.close()
print("double close ok")
def bad_closer():
    try:
        yield 1
    except GeneratorExit:
        yield "not allowed"
b = bad_closer()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  swallowing GeneratorExit by returning")
        return
r = returns_on_exit()
next(r)
r.close()
print("returned cleanly")
def never_started():
    try:
        yield 1
    finally:
        print("  this never prints")
ns = never_started()
ns.close()
print("closing an unstarted generator skips finally")
def nested():
    try:
        yield from worker("inner")
    finally:
        print("  nested finally")
n = nested()
next(n)
n.send("x")
n.close()
def with_resource():
    log = []
    class Res:
        def __enter__(self):
            log.append("enter")
            return self
        def __exit__(self, *exc):
            log.append("exit:" + (exc[0].__name__ if exc[0] else "None"))
            return False
    with Res():
        yield log
    log.append("after with")
g = with_resource()
log = next(g)
g.close()
print(log)
def ge_is_base():
    print(issubclass(GeneratorExit, BaseException), issubclass(GeneratorExit, Exception))
ge_is_base()
def catch_exception_only():
    try:
        yield 1
    except Exception:
        print("  caught Exception (should not happen for GeneratorExit)")
    finally:
        print("  catch_exception_only finally")
c = catch_exception_only()
next(c)
c.close()
g2 = (x for x in range(10))
print(next(g2))
g2.close()
print(list(g2))
