import contextlib, io, sys

class Timer:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"enter {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name} {exc_type.__name__ if exc_type else None} {exc}")
        return exc_type is KeyError

with Timer("a") as t:
    print("inside", t.name)
with Timer("b"):
    raise KeyError("swallowed")
print("after b")
try:
    with Timer("c"):
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)

@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ZeroDivisionError:
        print("handled zde")
    finally:
        print(f"</{name}>")

with tag("div") as T, tag("span"):
    print("content", T)
with tag("p"):
    1 / 0
with contextlib.suppress(FileNotFoundError, KeyError):
    {}["x"]
print("suppressed")
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured!")
    print("line2")
print(repr(buf.getvalue()))
with contextlib.ExitStack() as stack:
    for n in ["x", "y", "z"]:
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
    print("stack body")

class Resource:
    def __init__(self): self.closed = False
    def close(self): self.closed = True; print("closed")
with contextlib.closing(Resource()) as r:
    print("using", r.closed)
print(r.closed)
with contextlib.nullcontext(42) as v:
    print(v)

class ReentrantCounter(contextlib.ContextDecorator):
    depth = 0
    def __enter__(self):
        ReentrantCounter.depth += 1
        return self
    def __exit__(self, *a):
        ReentrantCounter.depth -= 1
        return False
@ReentrantCounter()
def work():
    return ReentrantCounter.depth
print(work(), ReentrantCounter.depth)
@contextlib.contextmanager
def bad():
    yield
    yield
try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError", e)
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print("to err", file=sys.stderr)
print(err.getvalue().strip())
with tag("end"):
    raise TypeError("unhandled in ctx")
