# The builtin exception hierarchy.
def chain(cls):
    return " -> ".join(k.__name__ for k in cls.__mro__)
for cls in [ZeroDivisionError, KeyError, IndexError, ModuleNotFoundError, UnboundLocalError, RecursionError,
            NotImplementedError, StopIteration, GeneratorExit, KeyboardInterrupt, SystemExit, FileNotFoundError,
            UnicodeDecodeError, OverflowError, AssertionError, TypeError, AttributeError, StopAsyncIteration,
            PermissionError, TimeoutError, IndentationError, TabError, FloatingPointError, BufferError, EOFError]:
    print(chain(cls))
print(issubclass(OSError, Exception), IOError is OSError, EnvironmentError is OSError)
print(issubclass(Warning, Exception), chain(DeprecationWarning), chain(UserWarning))
probes = [
    ("1/0", lambda: 1 / 0),
    ("[][0]", lambda: [][0]),
    ("{}['k']", lambda: {}["k"]),
    ("int('x')", lambda: int("x")),
    ("None.attr", lambda: None.attr),
    ("undefined", lambda: undefined_name),
    ("'a'+1", lambda: "a" + 1),
    ("next(iter([]))", lambda: next(iter([]))),
    ("import", lambda: __import__("no_such_module_xyz")),
    ("assert", lambda: exec("assert 1 == 2, 'nope'")),
    ("float**", lambda: 10.0 ** 400),
    ("chr", lambda: chr(-1)),
    ("unicode", lambda: b"\xff".decode("utf-8")),
    ("recursion", lambda: exec("def f(): f()\nf()")),
]
for label, fn in probes:
    try:
        fn()
    except LookupError as e:
        print(f"{label:16} LookupError-family {type(e).__name__}: {e}")
    except ArithmeticError as e:
        print(f"{label:16} ArithmeticError-family {type(e).__name__}: {e}")
    except Exception as e:
        print(f"{label:16} {type(e).__name__}: {e}")
for exc in [ValueError("v"), KeyError("k"), OSError(2, "No such file"), SystemExit(3), StopIteration(7), UnicodeError("u")]:
    print(type(exc).__name__, exc.args, isinstance(exc, Exception), isinstance(exc, BaseException))
e = OSError(2, "No such file or directory")
print(e.errno, e.strerror, str(e), type(e).__name__)
print(SystemExit(4).code, SystemExit().code, SystemExit("msg").code, StopIteration(9).value, StopIteration().value)
ki = KeyError("a", "b")
print(str(ki), repr(ki), str(KeyError()), str(KeyError("x")), str(KeyError(1)), ki.args)
n = NameError("n")
print(n.args, str(n), AttributeError("a").args)
print(BaseException.__subclasses__() is not None, Exception.__base__.__name__, BaseException.__base__.__name__)
