# Comprehension variables do not leak; class-scope subtleties.
x = "outer"
squares = [x * 2 for x in range(3)]
print(x, squares)
i = 100
gen = (i for i in range(3))
print(list(gen), i)
d = {k: k for k in "ab"}
try:
    k
except NameError as e:
    print("NameError:", e)
s = {v for v in range(3)}
try:
    v
except NameError as e:
    print("NameError:", e)
def f():
    y = 10
    return [y + n for n in range(3)]
print(f())
class C:
    base = 10
    nums = [n for n in range(3)]
    firsts = [base for _ in range(1)] if False else "skipped"
    try:
        bad = [base + n for n in range(3)]
    except NameError as e:
        err = str(e)
    good = [n for n in range(base)]
print(C.nums, C.firsts, C.err, C.good)
funcs = [lambda: n for n in range(3)]
print([fn() for fn in funcs])
funcs2 = [(lambda m: lambda: m)(n) for n in range(3)]
print([fn() for fn in funcs2])
total = [y := 5, y ** 2]
print(total, y)
vals = [z for z in range(10) if (w := z * z) > 20]
print(vals, w)
def walrus_in_comp():
    data = [1, 2, 3, 4]
    result = [last := d * 2 for d in data]
    return result, last
print(walrus_in_comp())
nested = [[inner for inner in range(outer)] for outer in range(4)]
print(nested)
a = 5
res = [a for a in range(a)]
print(res, a)
g2 = (n * 2 for n in range(a))
a = 2
print(list(g2))
