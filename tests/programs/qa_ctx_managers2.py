# context managers written by hand
class Tracker:
    depth = 0
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("  " * Tracker.depth + f"enter {self.name}")
        Tracker.depth += 1
        return self
    def __exit__(self, et, ev, tb):
        Tracker.depth -= 1
        print("  " * Tracker.depth + f"exit {self.name} {et.__name__ if et else None} {ev!r}")
        return self.swallow

with Tracker("a") as a, Tracker("b") as b:
    print("body", a.name, b.name)

with Tracker("outer", swallow=True):
    with Tracker("inner"):
        raise KeyError("oops")
    print("not reached")
print("after")

def use():
    with Tracker("ret"):
        return "returned"
print(use())

for i in range(3):
    with Tracker(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("  loop body", i)

class Suppress:
    def __init__(self, *excs):
        self.excs = excs
    def __enter__(self):
        return None
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.excs)

with Suppress(ZeroDivisionError, KeyError):
    print(1 / 0)
with Suppress(ValueError) as nothing:
    int("x")
print("nothing =", nothing)
try:
    with Suppress(ValueError):
        [][0]
except IndexError as e:
    print("IndexError escaped:", e)

class Resource:
    opened = []
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        Resource.opened.append(self.n)
        return self
    def __exit__(self, *exc):
        Resource.opened.remove(self.n)
        print("closed", self.n, "exc" if exc[0] else "clean")
        return False

try:
    with Resource(1) as r1:
        with Resource(2) as r2:
            print("open:", Resource.opened)
            raise RuntimeError("fail in middle")
except RuntimeError as e:
    print("caught", e, Resource.opened)

class BadEnter:
    def __enter__(self):
        raise ValueError("enter failed")
    def __exit__(self, *a):
        print("should not run")
try:
    with BadEnter():
        print("no")
except ValueError as e:
    print(e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise TypeError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except TypeError as e:
    print(repr(e), repr(e.__context__))
try:
    with 42:
        pass
except Exception as e:
    print(type(e).__name__, e)
