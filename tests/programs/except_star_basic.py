# except* (PEP 654) and ExceptionGroup semantics.


def show(eg, indent=0):
    pad = " " * indent
    if isinstance(eg, BaseExceptionGroup):
        print(f"{pad}{type(eg).__name__}({eg.message!r}) [{len(eg.exceptions)}]")
        for e in eg.exceptions:
            show(e, indent + 2)
    else:
        print(f"{pad}{type(eg).__name__}({eg})")


def run(f):
    try:
        f()
        print("no exception")
    except BaseException as e:
        print("escaped:", end=" ")
        show(e)


def t1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("caught V:", end=" ")
        show(e)
    except* TypeError as e:
        print("caught T:", end=" ")
        show(e)


run(t1)


def t2():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled V")


run(t2)


def t3():
    # a naked exception is wrapped
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print(type(e).__name__, repr(e.message), e.exceptions)


run(t3)


def t4():
    # naked exception that does not match passes through unchanged
    try:
        raise KeyError("k")
    except* ValueError:
        print("not here")


run(t4)


def t5():
    # raising inside handlers
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("from V")
    except* TypeError:
        raise


run(t5)


def t6():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [ValueError(2), OSError(3)])])
    except* ValueError as e:
        show(e)
        print(e.__traceback__ is not None)
    except* OSError as e:
        show(e)


run(t6)


def t7():
    for bad in (ExceptionGroup, (ValueError, BaseExceptionGroup), int, "x"):
        try:
            try:
                raise ValueError(1)
            except* bad:
                pass
        except TypeError as e:
            print("TypeError:", e)


run(t7)


def t8():
    # else and finally
    for raise_it in (False, True):
        try:
            if raise_it:
                raise ExceptionGroup("g", [ValueError()])
        except* ValueError:
            print("handler")
        else:
            print("else")
        finally:
            print("finally")


run(t8)


def t9():
    # sys.exc_info() inside handler is the matched group
    import sys

    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        show(sys.exc_info()[1])
    except* TypeError:
        show(sys.exc_info()[1])
    print(sys.exc_info())


run(t9)


def t10():
    # raise in handler chains to the matched group
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ValueError:
            raise KeyError("new")
    except BaseException as e:
        show(e)
        inner = e.exceptions[0] if isinstance(e, BaseExceptionGroup) else e
        print(type(inner.__context__).__name__)


run(t10)


def t11():
    # base exceptions
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as e:
        show(e)


run(t11)


def t12():
    # the handler is skipped when nothing matches; multiple matches with tuples
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
    except* (ValueError, TypeError) as e:
        show(e)
    except* ZeroDivisionError:
        print("never")
    except* KeyError as e:
        show(e)


run(t12)


def t13():
    # loop inside an except* handler may break
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        for i in range(5):
            if i == 2:
                break
        print("i", i)


run(t13)

for src in ("for x in y:\n try: pass\n except* E: break\n",
            "def f():\n try: pass\n except* E: return 1\n",
            "for x in y:\n try: pass\n except* E: continue\n",
            "try: pass\nexcept* E: pass\nexcept E: pass\n"):
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
