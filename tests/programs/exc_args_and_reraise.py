# Exception args/str, bare raise, re-raise in nested handlers, sys.exc_info, __traceback__.
import sys
for args in [(), ("one",), ("two", 2), (None,), ([1, 2],)]:
    e = Exception(*args)
    print(args, repr(str(e)), repr(e), e.args)
def reraiser():
    try:
        int("bad")
    except ValueError:
        print("  logging and re-raising")
        raise
try:
    reraiser()
except ValueError as e:
    print("outer got:", e, "| traceback present:", e.__traceback__ is not None)
def handler_replaces():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise IndexError("b")
        except IndexError:
            pass
        raise
try:
    handler_replaces()
except KeyError as e:
    print("bare raise re-raised the outer one:", repr(e))
print(sys.exc_info())
try:
    raise TypeError("inspect me")
except TypeError:
    et, ev, tb = sys.exc_info()
    print(et.__name__, ev, tb is not None, et is type(ev), sys.exception() is ev if hasattr(sys, "exception") else "n/a")
print(sys.exc_info() == (None, None, None))
def inner_exc_info():
    return sys.exc_info()[0]
try:
    raise KeyError
except KeyError:
    print("visible in called function:", inner_exc_info().__name__)
    try:
        raise ValueError
    except ValueError:
        print("nested:", sys.exc_info()[0].__name__)
    print("restored:", sys.exc_info()[0].__name__)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
class Ctx:
    def __exit__(self, *a):
        pass
e = ValueError("with tb")
print(e.__traceback__)
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.__traceback__ is not None)
def raises_class():
    raise IndexError
try:
    raises_class()
except IndexError as e:
    print("class raised, instance caught:", repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise object
except TypeError as e:
    print("TypeError:", e)
e1 = ValueError("reuse")
for i in range(2):
    try:
        raise e1
    except ValueError as x:
        print("round", i, x is e1)
errs = []
for v in ["1", "x", "2", None, "3"]:
    try:
        errs.append(int(v))
    except (ValueError, TypeError) as ex:
        errs.append(type(ex).__name__)
print(errs)
e3 = RuntimeError("with_traceback")
print(e3.with_traceback(None) is e3)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("converted").with_traceback(z.__traceback__)
except ValueError as v:
    print("with_traceback ok:", v, v.__traceback__ is not None)
