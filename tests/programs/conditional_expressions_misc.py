# Conditional expressions, boolean short-circuiting, pass, ellipsis, and misc syntax.
def sign(x):
    return "positive" if x > 0 else "negative" if x < 0 else "zero"
print([sign(v) for v in (-5, 0, 7)])
calls = []
def t(v):
    calls.append(v)
    return v
print(t(0) and t(1), calls)
calls.clear()
print(t(1) or t(2), calls)
calls.clear()
print(t(0) or t("") or t(None) or t("last"), calls)
calls.clear()
print(t(1) and t(2) and t(3), calls)
print((1 if True else 1 / 0), (1 / 0 if False else "lazy"))
def nothing():
    pass
class Empty:
    pass
print(nothing(), Empty.__name__, ..., type(...).__name__, Ellipsis is ...)
def stub():
    ...
print(stub())
if True:
    pass
elif False:
    pass
else:
    pass
x = 7
result = (
    "big"
    if x > 5
    else "small"
)
print(result)
total = (1 +
         2 +
         3)
print(total)
long_string = ("part one "
               "part two "
               "part three")
print(long_string)
value = 1 + \
    2
print(value)
print(0 if [] else 1, "yes" if "0" else "no", "e" if {} else "f")
a = [1, 2, 3] if len("ab") == 2 else None
print(a)
x = y = z = []
x.append(1)
print(y, z, x is z)
i = j = 0
i += 1
print(i, j)
print(not True == False, not (True == False), (not True) == False)
print(1 + 2 * 3 ** 2 // 4 % 5 - 6, -3 ** 2, (-3) ** 2, 2 ** -1 ** 2)
print(True + True * 2, "a" "b" * 2, [1] * 2 + [3])
print(5 & 3 | 8 ^ 1, 1 << 2 + 1, (1 << 2) + 1, ~5 & 0xF)
print(3 in [1, 2, 3] == True, (3 in [1, 2, 3]) == True)
semicolons = 1; more = 2; print(semicolons + more)
if x: print("one-line if")
for q in range(2): print("one-line for", q)
while False: pass
print(type(lambda: None).__name__, (lambda: (yield))().__class__.__name__)
