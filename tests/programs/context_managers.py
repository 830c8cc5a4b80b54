# with statements: __enter__/__exit__, suppression, nesting, exceptions in exit.
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print(f"  enter {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        kind = exc_type.__name__ if exc_type else None
        print(f"  exit {self.name} exc={kind} msg={exc!s} tb_is_none={tb is None}")
        return self.suppress
with Resource("plain") as r:
    print("  body uses", r.name)
with Resource("suppressing", suppress=True):
    raise ValueError("swallowed")
print("after suppressed error")
try:
    with Resource("not suppressing"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught outside:", repr(e))
with Resource("a") as a, Resource("b") as b:
    print("  nested in one statement", a.name, b.name)
with Resource("outer", suppress=True):
    with Resource("inner"):
        1 / 0
print("outer suppressed inner error")
def early_return():
    with Resource("ret"):
        return "returned value"
print(early_return())
for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("  loop body", i)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        raise RuntimeError("from __exit__")
try:
    with ExitRaises():
        raise ValueError("original")
except RuntimeError as e:
    print("RuntimeError:", e, "| context:", repr(e.__context__))
class EnterFails:
    def __enter__(self):
        raise OSError("cannot enter")
    def __exit__(self, *a):
        print("  never called")
try:
    with EnterFails():
        print("never")
except OSError as e:
    print("OSError:", e)
class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print("  rolled back because", ev)
            return True
        print("  committed")
db = {"balance": 100}
with Transaction(db) as s:
    s["balance"] -= 30
with Transaction(db) as s:
    s["balance"] -= 500
    if s["balance"] < 0:
        raise ValueError("overdraft")
print(db)
class Timer:
    depth = 0
    def __enter__(self):
        Timer.depth += 1
        print("  " * Timer.depth + "begin")
    def __exit__(self, *a):
        print("  " * Timer.depth + "end")
        Timer.depth -= 1
with Timer() as t:
    with Timer():
        with Timer():
            pass
print(t)
try:
    with 42:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
class ExitTruthy:
    def __enter__(self):
        return "entered value"
    def __exit__(self, *a):
        return "non-empty string counts as True"
with ExitTruthy() as val:
    print(val)
    raise IndexError
print("suppressed by truthy return")
