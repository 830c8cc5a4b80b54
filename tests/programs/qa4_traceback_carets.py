# Markers under the failing expression in tracebacks printed by the interpreter:
# a subscript the AST optimizer folds (constant str/bytes/tuple with an in-range int
# index) gets plain carets; `name += ...` on an unbound local points at the name.
import io
import sys


def s1():
    "abc"[0] = "x"


def s2():
    (1, 2)[0] = 5


def s3():
    b"ab"[-1] = 1


def s4():
    "abc"[1:2] = "x"


def s5():
    (1, [2])[0] = 0


def s6():
    x = "abc"[5]


def s7():
    del "abc"[0]


def s8():
    s = "abc"
    s[0] = "x"


def u1():
    counter += 1


def u2():
    for i in range(3):
        total += i
    total = 0


def u3():
    items = items + [1]


def show(fn):
    try:
        fn()
    except Exception:
        old = sys.stderr
        sys.stderr = buf = io.StringIO()
        try:
            sys.excepthook(*sys.exc_info())
        finally:
            sys.stderr = old
        print("\n".join(buf.getvalue().splitlines()[-3:]))


for fn in (s1, s2, s3, s4, s5, s6, s7, s8, u1, u2, u3):
    show(fn)
u1()
