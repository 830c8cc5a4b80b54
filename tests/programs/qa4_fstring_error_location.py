# A failing __format__/__repr__ inside an f-string is reported at the whole string
# (CPython 3.11 locates FORMAT_VALUE there), including implicit concatenations, format
# specs with nested fields, multi-line strings and nested f-strings.
import sys
import traceback


class Bad:
    def __format__(self, spec):
        raise ValueError("bad format " + spec)

    def __repr__(self):
        raise KeyError("bad repr")


b = Bad()


def show(f):
    try:
        f()
    except Exception:
        lines = traceback.format_exc().splitlines()
        # Drop the frame inside Bad: keep the caller's line and its markers.
        print("\n".join(line for line in lines if "raise" not in line and "Bad" not in line))


show(lambda: print("x" f"a{1}b {b:>3} c" "y"))
show(lambda: f"{b!r}")
show(lambda: (f"""abc
{1} {b}
""", 2))
show(lambda: f"{1:{b}}")
show(lambda: f"{'x'} {f'{b}'}")
show(lambda: f"{b:{'>'}{4}}")
print(f"{b!s:>5}" if False else "done")
print(f"{3.14159:.{2}f}|{'s'!r:^7}")
