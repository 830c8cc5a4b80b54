# "Did you mean" suggestions: they appear in printed tracebacks, never in str(exc).
import sys


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


def last_line(f, *args):
    try:
        f(*args)
    except BaseException as e:
        cap = Capture()
        old = sys.stderr
        sys.stderr = cap
        try:
            sys.__excepthook__(type(e), e, e.__traceback__)
        finally:
            sys.stderr = old
        print("str:", str(e))
        print("tb: ", "".join(cap.parts).rstrip("\n").splitlines()[-1])


# NameError: locals, globals, builtins
def use_local():
    counter = 1
    return countr


last_line(use_local)
last_line(lambda: pritn)
last_line(lambda: lenn)
global_value = 5
last_line(lambda: global_valeu)
last_line(lambda: Global_value)
last_line(lambda: xyzzy_nothing_close)
last_line(lambda: lst)
last_line(lambda: a)


def shadow():
    zip_code = 1
    return zip_cod


last_line(shadow)


# UnboundLocalError gets no suggestion (exact NameError only)
def unbound():
    valu = 1
    del valu
    return valu


last_line(unbound)


# AttributeError
class Point:
    def __init__(self):
        self.x_coord = 1
        self.y_coord = 2

    def distance(self):
        return 0


p = Point()
last_line(lambda: p.x_cord)
last_line(lambda: p.distanse())
last_line(lambda: p.X_COORD)
last_line(lambda: p.zzz)
last_line(lambda: "abc".uper())
last_line(lambda: [].apend(1))
last_line(lambda: sys.argvv)
last_line(lambda: {}.iterms())
last_line(lambda: (1).real_)


class Weird:
    def __getattr__(self, name):
        raise AttributeError(name)


last_line(lambda: Weird().anything)


# an AttributeError raised by hand has no name/obj: no suggestion
def manual():
    raise AttributeError("'Point' object has no attribute 'x_cord'")


last_line(manual)


# subclass of AttributeError: no suggestion
class MyAttrError(AttributeError):
    pass


def sub():
    raise MyAttrError("nope", name="x_cord", obj=p)


last_line(sub)


def explicit():
    raise AttributeError("custom", name="x_cord", obj=p)


last_line(explicit)

# long names and many candidates
long_name_abcdefghijklmnopqrstuvwxyz_0123456789_abcdefghij = 1
last_line(lambda: long_name_abcdefghijklmnopqrstuvwxyz_0123456789_abcdefghiX)


class Many:
    pass


m = Many()
for i in range(800):
    setattr(m, "attr%d" % i, i)
last_line(lambda: m.attr1x)
m2 = Many()
m2.alpha = 1
m2.alphb = 2
last_line(lambda: m2.alphc)
