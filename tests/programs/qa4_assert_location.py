# Where a failing assert is reported: CPython 3.11 underlines the last comparison compiled
# as part of the test (through not/and/or and conditional expressions), else the whole
# statement (and then prints no markers when that is the whole line).
import sys
import traceback

x = 0


def f(v):
    return v


def a1():
    assert x


def a2():
    assert x, "msg"


def a3():
    assert x == 1


def a4():
    assert f(x)  # a comment


def a5():
    assert x and x > 0


def a6():
    assert x if x > 0 else x


def a7():
    assert not x >= 0, "not"


def a8():
    assert [x == 1][0]


def a9():
    assert x is not None and x


def a10():
    if 1: assert x


def a11():
    assert 0 < x < 1


def a12():
    assert x, (
        "multi-line message")


for fn in (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12):
    try:
        fn()
    except AssertionError:
        lines = traceback.format_exc().splitlines()
        print("\n".join(lines[3:]))
a5()
