class AppError(Exception):
    """Base error."""
class ConfigError(AppError):
    def __init__(self, key, msg="missing"):
        self.key = key
        super().__init__(f"{key}: {msg}")
class ValidationError(AppError, ValueError):
    pass

def load(cfg, key):
    try:
        return cfg[key]
    except KeyError as e:
        raise ConfigError(key) from e

def validate(v):
    if not isinstance(v, int):
        raise ValidationError(f"expected int, got {type(v).__name__}")
    return v

cfg = {"port": 80, "host": "x"}
for k in ["port", "user", "host"]:
    try:
        v = validate(load(cfg, k))
        print("ok", v)
    except ConfigError as e:
        print("config", e, e.key, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
    except ValueError as e:
        print("value", e, isinstance(e, AppError), ValidationError.__mro__[1:3])

try:
    try:
        1 / 0
    except ZeroDivisionError:
        {}["k"]
except KeyError as e:
    print(repr(e), repr(e.__context__), e.__cause__)

try:
    raise AppError("a", 1, [2])
except AppError as e:
    print(e.args, str(e), repr(e))

def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())

def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("fin", i)
g()
try:
    raise ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print("values", eg.exceptions)
except* TypeError as eg:
    print("types", eg.exceptions)

e = ValueError("bad")
e.add_note("note 1")
print(e.__notes__)
try:
    raise e
except ValueError as err:
    print(err is e)
import traceback
try:
    int("x")
except ValueError:
    s = traceback.format_exc().splitlines()
    print(s[0], s[-1])
print(traceback.format_exception_only(KeyError, KeyError("z")))
class Retry(Exception): pass
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise Retry(attempts)
    return "done"
while True:
    try:
        print(flaky()); break
    except Retry as r:
        print("retry", r)
else:
    print("never")
def outer():
    try:
        load({}, "db")
    except AppError as e:
        raise RuntimeError("startup failed") from e
outer()
