# custom exception hierarchy with chaining
class AppError(Exception):
    def __init__(self, msg, code=1):
        super().__init__(msg)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {self.args[0]}"

class ConfigError(AppError):
    pass

class MissingKey(ConfigError, KeyError):
    def __init__(self, key):
        super().__init__(f"missing key {key!r}", code=2)
        self.key = key

class ParseError(AppError):
    def __init__(self, line, msg):
        super().__init__(f"line {line}: {msg}", code=3)
        self.line = line

def load(cfg, key):
    try:
        return cfg[key]
    except KeyError as e:
        raise MissingKey(key) from e

def parse_int(s, line):
    try:
        return int(s)
    except ValueError as e:
        raise ParseError(line, f"bad int {s!r}") from e

cfg = {"a": "1", "b": "x"}
for k in ["a", "b", "c"]:
    try:
        v = load(cfg, k)
        n = parse_int(v, 10)
        print(k, "->", n)
    except MissingKey as e:
        print("MissingKey", e, e.code, e.key, type(e.__cause__).__name__, e.__cause__)
        print(isinstance(e, KeyError), isinstance(e, ConfigError), isinstance(e, LookupError))
    except AppError as e:
        print("AppError", e, e.code, repr(e.__cause__))
        print(e.__context__ is e.__cause__, e.__suppress_context__)
    finally:
        print("done", k)

def nested():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("inner")
    except ValueError as e:
        print("ctx:", repr(e.__context__), e.__cause__)
        raise RuntimeError("outer") from None

try:
    nested()
except RuntimeError as e:
    print(repr(e), e.__suppress_context__, repr(e.__context__))

print(MissingKey.__mro__[1:4])
e = AppError("x", 5)
print(e.args, str(e), repr(e))
print(repr(MissingKey("k")))
errs = [ValueError("a"), TypeError("b", 1), KeyError("k"), IndexError()]
for er in errs:
    print(type(er).__name__, repr(str(er)), er.args)

def cleanup_order():
    log = []
    for i in range(3):
        try:
            if i == 1:
                continue
            log.append(f"body{i}")
        finally:
            log.append(f"fin{i}")
    return log
print(cleanup_order())

class Boom(AppError):
    pass

def fail():
    raise Boom("kaboom", code=9)

try:
    fail()
except (TypeError, ConfigError):
    print("wrong")
except AppError as e:
    print("caught", e)
else:
    print("no")
raise ParseError(42, "unexpected token") from KeyError("z")
