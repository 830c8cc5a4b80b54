def configure(src):
    exec(src)
    ns = locals()
    return {k: v for k, v in sorted(ns.items()) if k not in ("src", "ns")}
print(configure("width = 80\nheight = 24\nname = 'term'"))
def counter():
    total = 0
    for i in range(3):
        exec(f"step_{i} = {i} * 10")
        total += i
    snap = locals()
    print(sorted(k for k in snap if k.startswith("step")), snap["total"], snap["i"])
    exec("total = 999")
    print("total still", total, locals()["total"])
counter()
def same_dict():
    a = 1
    d1 = locals()
    b = 2
    d2 = locals()
    print(d1 is d2, sorted(d1), d1["b"])
    del a
    print(sorted(locals()))
same_dict()
def with_eval():
    x = 5
    exec("y = x * 2")
    print(eval("x + 1"), locals().get("y"), eval("y"))
with_eval()
def closure_locals():
    outer = "o"
    def inner():
        print(sorted(locals()), outer)
    inner()
    print(sorted(locals()))
closure_locals()
def explicit_ns():
    ns = {}
    exec("a = 1\nb = a + 1", {}, ns)
    print(ns)
    g = {"__builtins__": __builtins__}
    exec("import math\nr = math.sqrt(16)", g)
    print(g["r"], "math" in g)
explicit_ns()
class K:
    exec("attr = 42")
    names = sorted(k for k in locals() if not k.startswith("__"))
print(K.attr, K.names)
exec("module_level = 'yes'")
print(module_level, "module_level" in globals())
def gen():
    exec("g = 7")
    yield sorted(locals())
print(next(gen()))
def broken():
    exec("w = 1")
    return w
broken()
