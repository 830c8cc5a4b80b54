# Exceptions raised inside inlined calls: caught by the loop (with the traceback CPython
# builds: one entry per frame), from nested inlined frames, from a runtime helper inside
# an inlined frame, and finally one left uncaught.


def check(x):
    if x == 777:
        raise ValueError("bad value %d" % x)
    return x * 2


def level2(x):
    return check(x) + 1


def level1(x):
    return level2(x) - 1


def divide(a, b):
    return a // b


def thrower(x):
    try:
        pass
    finally:
        pass
    if x == 555:
        raise KeyError(x)
    return x


def via(x):
    return thrower(x) + 1


def tb_summary(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def run():
    total = 0
    for i in range(1000):
        try:
            total += check(i)
        except ValueError as e:
            print("caught", e, tb_summary(e))
    print("total", total)

    total = 0
    for i in range(1000):
        try:
            total += level1(i)
        except ValueError as e:
            print("caught nested", e, tb_summary(e))
    print("total", total)

    total = 0
    for i in range(1000):
        try:
            total += divide(i, 500 - i)
        except ZeroDivisionError as e:
            print("caught zero", e, tb_summary(e))
    print("total", total)

    total = 0
    for i in range(1000):
        try:
            total += via(i)
        except KeyError as e:
            print("caught via helper", e, tb_summary(e))
    print("total", total)

    total = 0
    for i in range(1000):
        total += level1(i if i < 900 else 777)
    print("unreachable", total)


run()
