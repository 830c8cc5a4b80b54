# sys.tracebacklimit limits the entries the default excepthook prints (innermost kept);
# zero or negative prints only the exception line.
import io
import sys


def a():
    b()


def b():
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k")


def report(limit):
    if limit is None:
        if hasattr(sys, "tracebacklimit"):
            del sys.tracebacklimit
    else:
        sys.tracebacklimit = limit
    try:
        a()
    except KeyError:
        old = sys.stderr
        sys.stderr = buf = io.StringIO()
        try:
            sys.excepthook(*sys.exc_info())
        finally:
            sys.stderr = old
        print(f"--- limit {limit!r}")
        print(buf.getvalue().replace(__file__, "FILE"), end="")


for limit in (None, 3, 1, 0, -5, True, 10**30):
    report(limit)
sys.tracebacklimit = 1
a()
