# Exception chaining: __cause__, __context__, __suppress_context__, from None.
def explicit():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("lookup failed") from e
try:
    explicit()
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("while handling")
try:
    implicit()
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
def suppressed():
    try:
        int("x")
    except ValueError:
        raise TypeError("clean error") from None
try:
    suppressed()
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
def cause_not_exception():
    raise ValueError("v") from KeyError
try:
    cause_not_exception()
except ValueError as e:
    print("cause instantiated:", repr(e.__cause__))
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)
def deep_chain():
    try:
        try:
            try:
                raise IndexError("level 1")
            except IndexError:
                raise KeyError("level 2")
        except KeyError as k:
            raise ValueError("level 3") from k
    except ValueError:
        raise RuntimeError("level 4")
try:
    deep_chain()
except RuntimeError as e:
    cur = e
    while cur is not None:
        nxt = cur.__cause__ if cur.__cause__ is not None else cur.__context__
        how = "cause" if cur.__cause__ is not None else "context"
        print(f"{type(cur).__name__}({cur}) --{how}-->" if nxt else f"{type(cur).__name__}({cur})")
        cur = nxt
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(repr(e.__cause__), e.__suppress_context__)
e2 = ValueError()
print(e2.__cause__, e2.__context__, e2.__suppress_context__)
def context_in_finally():
    try:
        raise KeyError("a")
    finally:
        pass
try:
    context_in_finally()
except KeyError as k:
    print("no context:", k.__context__)
def handler_raises_same():
    try:
        raise ValueError("original")
    except ValueError as err:
        raise err
try:
    handler_raises_same()
except ValueError as err2:
    print("re-raised same object, context:", err2.__context__)
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        b = TypeError("b")
        b.__context__ = None
        raise b
except TypeError as t:
    print("context auto-set again:", repr(t.__context__))
