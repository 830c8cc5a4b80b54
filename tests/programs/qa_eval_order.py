# evaluation order of expressions, assignments, calls
trace = []
def t(label, value=None):
    trace.append(label)
    return label if value is None else value
def show(title):
    print(f"{title:28} {' '.join(map(str, trace))}")
    trace.clear()

t("a", 1) + t("b", 2) * t("c", 3); show("binop")
t("f", print)(t("x"), t("y"), end=t("z", "\n")); show("call")
d = {}
d[t("key")] = t("val"); show("subscript store")
x = [0, 0]
x[t("i", 0)], x[t("j", 1)] = t("v1", 5), t("v2", 6); show("tuple store")
class O: pass
o = O()
o.attr = 1
t("obj", o).attr += t("inc", 2); show("aug attr")
lst = [1, 2, 3]
t("lst", lst)[t("idx", 1)] += t("amt", 10); show("aug subscript")
print(lst, o.attr)
t(1, 1) < t(2, 2) < t(3, 0) < t(4, 4); show("chain compare short")
t("A", 0) and t("B"); show("and short")
t("A", 0) or t("B", 0) or t("C"); show("or chain")
r = t("cond", True) and t("yes") if t("test", 1) else t("no"); show("ternary")
{t("k1"): t("v1"), t("k2"): t("v2")}; show("dict display")
[t("e1"), *t("star", [1]), t("e2")]; show("list display")
{**t("m1", {}), t("k"): t("v"), **t("m2", {})}; show("dict unpack")
f"{t('f1')}{t('f2')!r:>{t('w', 3)}}"; show("fstring")
t("s", "abc")[t("lo", 0):t("hi", 2)]; show("slice")
def deco(name):
    t(f"deco-{name}")
    def w(f):
        t(f"apply-{name}")
        return f
    return w
@deco("outer")
@deco("inner")
def decorated(a=t("default1"), *, b=t("kwdefault")):
    pass
show("decorators/defaults")
@deco("cls")
class K(t("base", object), metaclass=t("meta", type)):
    t("body")
show("class")
a = b = t("chained", [])
print(a is b)
show("chained assign")
i = 0
arr = [10, 20, 30]
i, arr[i] = 1, 99
print(i, arr)
for t("loopvar", o).field in [1, 2]:
    pass
print(o.field); show("for attr target")
key = "k"
dd = {}
dd[key] = key = "new"
print(dd, key)
xs = [1, 2, 3]
xs[0], xs[1] = xs[1], xs[0]
print(xs)
j = 0
vals = [5, 6, 7]
j, vals[j] = 2, 0
print(j, vals)
res = [t(n) for n in range(3) if t(f"if{n}", n % 2 == 0)]; show("comprehension")
print(res)
print(t("pa"), t("pb"), sep=t("sep", "-"))
show("print args")
def kw(**k): return list(k)
print(kw(b=t("b"), a=t("a"), **{t("ck", "c"): t("cv")})); show("kw order")
g = (t(f"g{n}") for n in t("src", range(2)))
show("genexp creation")
list(g); show("genexp consumed")
