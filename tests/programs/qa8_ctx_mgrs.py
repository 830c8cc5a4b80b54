from contextlib import contextmanager, suppress, ExitStack, closing, nullcontext, redirect_stdout
import io

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except KeyError as e:
        print(f"caught KeyError {e} in {name}")
    finally:
        print(f"</{name}>")

with tag("div") as t:
    print("inside", t)
with tag("p"):
    {}["missing"]
try:
    with tag("span"):
        raise ValueError("boom")
except ValueError as e:
    print("outer got", e)

with suppress(FileNotFoundError, ZeroDivisionError):
    1 / 0
print("after suppress")

class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return False

with ExitStack() as stack:
    rs = [stack.enter_context(Resource(n)) for n in "abc"]
    stack.callback(print, "callback ran")
    print([r.name for r in rs])

try:
    with ExitStack() as stack:
        stack.enter_context(Resource("x"))
        stack.enter_context(Resource("y"))
        raise RuntimeError("fail in body")
except RuntimeError as e:
    print("caught", e)

class Conn:
    def close(self):
        print("conn closed")
with closing(Conn()):
    print("using conn")
with nullcontext(5) as v:
    print("null", v)
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured!")
print(repr(buf.getvalue()))

class Timer:
    def __enter__(self):
        self.steps = 0
        return self
    def __exit__(self, *exc):
        print("steps:", self.steps)
        return True
with Timer() as tm:
    tm.steps += 3
    raise KeyError("swallowed")
print("continues")

@contextmanager
def bad():
    yield 1
    yield 2
try:
    with bad():
        pass
except RuntimeError as e:
    print(e)
@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)
with Resource("a") as a, Resource("b") as b:
    print("both", a.name, b.name)
try:
    with 5:
        pass
except TypeError as e:
    print(e)
