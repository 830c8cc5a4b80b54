# Unbounded recursion through print(): CPython counts print's str() of a non-str
# argument and each write() call (two levels when the write flushes inside, as on a
# write-through stdout) against the recursion limit, so the last line printed and the
# RecursionError message depend on them.
import io
import sys

sys.stdout.reconfigure(write_through=True, line_buffering=False)
reached = 0


def silent(n):
    global reached
    reached = n
    print("", end="")
    silent(n + 1)


def with_int(n):
    global reached
    reached = n
    print(n, end="")
    with_int(n + 1)


buf = io.StringIO()


def to_buffer(n):
    global reached
    reached = n
    print(n, file=buf)
    to_buffer(n + 1)


class Point:
    def __init__(self, n):
        self.text = "Point"

    def __repr__(self):
        return self.text


def with_list(n):
    global reached
    reached = n
    print([n, (n,)], {n: Point(n)}, end="")
    with_list(n + 1)


def with_repr(n):
    global reached
    reached = n
    print(Point(n), end="")
    with_repr(n + 1)


def direct_write(n):
    global reached
    reached = n
    sys.stdout.write("")
    direct_write(n + 1)


def run(f, *mode):
    global reached
    if mode:
        sys.stdout.reconfigure(write_through=mode[0], line_buffering=mode[1])
    reached = 0
    try:
        f(1)
    except RecursionError as e:
        sys.stdout.reconfigure(write_through=True, line_buffering=False)
        print()
        print(f.__name__, mode, reached, e)


run(silent)
run(silent, False, False)
run(silent, False, True)
run(with_int)
run(with_int, False, False)
run(with_list)
run(with_list, False, False)
run(with_repr)
run(with_repr, False, False)
run(to_buffer)
print(len(buf.getvalue().splitlines()), buf.getvalue().splitlines()[-1])
run(direct_write)
run(direct_write, False, False)

sys.setrecursionlimit(40)


def countdown(n):
    print("counting", n)
    countdown(n - 1)


countdown(10)
