import sys
import traceback


def inner():
    return 1 / 0


def outer():
    inner()


try:
    outer()
except ZeroDivisionError as e:
    tb = traceback.format_exc()
    lines = tb.splitlines()
    print(lines[0], lines[-1])
    print(len(traceback.extract_tb(e.__traceback__)), [fs.name for fs in traceback.extract_tb(e.__traceback__)])
    print(traceback.format_exception_only(type(e), e))
    fs = traceback.extract_tb(e.__traceback__)[-1]
    print(fs.name, fs.line, fs.lineno)
try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    out = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    print("direct cause" in out, out.splitlines()[-1], out.count("Traceback"))
    te = traceback.TracebackException.from_exception(e)
    print(list(te.format_exception_only()), te.exc_type.__name__)
st = traceback.extract_stack()
print(st[-1].name, type(st).__name__)
print(traceback.format_list([("file.py", 3, "fn", "x = 1")]))
try:
    raise RuntimeError("to stdout")
except RuntimeError:
    traceback.print_exc(file=sys.stdout, limit=0)
