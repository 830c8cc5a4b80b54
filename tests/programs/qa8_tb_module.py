import traceback, sys, warnings, inspect, logging
def strip(text):
    out = []
    for line in text.splitlines():
        if line.lstrip().startswith("File "):
            line = "  " + line.split(", ", 1)[1]
        out.append(line)
    return "\n".join(out)
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"bad input {s!r}") from e
try:
    parse("x1")
except RuntimeError:
    print(strip(traceback.format_exc()))
try:
    try:
        {}["k"]
    except KeyError:
        [][0]
except IndexError as e:
    print(strip("".join(traceback.format_exception(e))))
    print(traceback.format_exception_only(type(e), e))
    print([(f.name, f.lineno, f.line) for f in traceback.extract_tb(e.__traceback__)])
def where():
    st = traceback.extract_stack()
    return [(f.name, f.line) for f in st[-3:]]
def caller():
    return where()
print(caller())
print(inspect.currentframe().f_lineno, sys._getframe().f_code.co_name)
def who():
    return sys._getframe(1).f_code.co_name, inspect.stack()[1].function
def outer_fn():
    return who()
print(outer_fn())
warnings.simplefilter("always")
def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
with warnings.catch_warnings(record=True) as w:
    old()
    print(len(w), w[0].category.__name__, str(w[0].message), w[0].lineno)
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "x = 1"), end="")
logging.basicConfig(stream=sys.stdout, format="%(levelname)s:%(message)s")
try:
    "abc".uper()
except AttributeError:
    logging.exception("failed")
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except ExceptionGroup as e:
    print(strip("".join(traceback.format_exception(e))))
tb = traceback.TracebackException.from_exception(ZeroDivisionError("z"))
print(list(tb.format()))
e = ValueError("noted")
e.add_note("a note")
print(traceback.format_exception_only(e))
def deep(n):
    if n == 0:
        raise ValueError("bottom")
    deep(n - 1)
try:
    deep(30)
except ValueError:
    s = strip(traceback.format_exc())
    print(s.count("\n"), s.splitlines()[-3:])
    print(strip(traceback.format_exc(limit=2)))
    print(strip(traceback.format_exc(limit=-1)))
