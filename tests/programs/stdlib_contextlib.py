import contextlib
import io
from contextlib import contextmanager, suppress, redirect_stdout, ExitStack, closing, nullcontext


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("div") as t:
    print("inside", t)
try:
    with tag("err"):
        raise ValueError("x")
except ValueError as e:
    print("caught", e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError:
        print("swallowed")


with swallow():
    raise KeyError(1)
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("after suppress")
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))
with ExitStack() as stack:
    for n in ["a", "b", "c"]:
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
    print("body")


class Res:
    def close(self):
        print("closed")


with closing(Res()):
    print("using")
with nullcontext(5) as v:
    print(v)


@tag("deco")
def decorated():
    print("in decorated")


decorated()


class CM(contextlib.AbstractContextManager):
    def __exit__(self, *a):
        print("exit", a[0])
        return True


with CM() as c:
    raise RuntimeError
print(type(c).__name__)
with contextlib.chdir("/") if hasattr(contextlib, "chdir") else nullcontext():
    import os
    print(os.getcwd())
