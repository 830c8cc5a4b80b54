# bool is an int subclass; None is a singleton.
print(True + True, True * 10, False - 1, True / 2, True // 1, -True, ~True, ~False)
print(True == 1, False == 0, True is True, bool(1) is True, bool() is False)
print(isinstance(True, int), issubclass(bool, int), type(True).__name__, type(None).__name__)
print(str(True), repr(False), int(True), float(False), True & False, True | False, True ^ True)
print(sum([True, True, False, True]), max(True, 2), [True] * 3, "ab" * True)
print(bool([]), bool([0]), bool(""), bool(" "), bool({}), bool(()), bool(0.0), bool(None), bool(range(0)))
print(None is None, None == None, None != 0, None == False, not None)
def f():
    pass
print(f(), f() is None, type(f()).__name__, repr(None), str(None))
x = None
print(x or "default", x and "nope", x if x is not None else "missing")
values = [0, 1, "", "a", None, [], [None], 0.0, 1e-300, (), ((),), {}, {0: 0}]
for v in values:
    print(repr(v), bool(v), not v, "truthy" if v else "falsy")
print(True and "yes", False or "fallback", None or 0 or "" or "last", 1 and 2 and 3)
print([] or {} or None, (0 and 1) or "x")
print(True < 2, False < True, sorted([True, False, True, 0, 1]), True in [1], 1 in [True])
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    fn = None
    fn()
except TypeError as e:
    print("TypeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
try:
    None.foo
except AttributeError as e:
    print("AttributeError:", e)
print(hash(None) == hash(None), {None: 1}[None], [None, None].count(None))
print(bool.__name__, True.__class__.__name__, (True).real, True.bit_length(), int.__add__(True, True))
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
