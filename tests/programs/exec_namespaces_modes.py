# exec/eval/compile: namespaces, source kinds, modes and their errors.
def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
g = {"a": 1}
l = {"b": 2}
exec("c = a + b\nd = c * 2", g, l)
print(sorted(l), sorted(k for k in g if k != "__builtins__"), type(g["__builtins__"]).__name__)
class Magic(dict):
    def __getitem__(self, k):
        if k == "magic":
            return 42
        return dict.__getitem__(self, k)
t("mapping locals", lambda: eval("magic + 1", {}, Magic()))
t("mapping missing", lambda: eval("nope", {}, Magic()))
class C:
    x = 1
    print(sorted(k for k in locals() if not k.startswith("__")))
    y = eval("x + 1")
print(C.y)
def f():
    v = 1
    exec("v = 2")
    return v, eval("v")
print(f())
code = compile("a = 1\nprint('compiled', a)", "<mine>", "exec")
print(type(code).__name__, code.co_filename)
exec(code)
try:
    compile("1 +", "<bad>", "eval")
except SyntaxError as e:
    print("SyntaxError", e.filename, e.lineno)
t("assign in eval", lambda: compile("x = 1", "<s>", "eval") and None)
t("eval single", lambda: eval(compile("3", "<s>", "eval")))
t("bytes source", lambda: eval(b"1 + 2"))
t("exec returns", lambda: exec("1 + 1"))
t("arg type exec", lambda: exec(1))
t("arg type eval", lambda: eval(1))
t("arg type compile", lambda: compile(1, "f", "exec"))
t("bad mode", lambda: compile("1", "f", "x"))
t("globals list", lambda: exec("1", []))
t("locals int", lambda: exec("1", {}, 1))
t("eval locals int", lambda: eval("1", {}, 1))
t("eval globals list", lambda: eval("1", []))
t("eval globals int", lambda: eval("1", 5))
t("null byte", lambda: exec("a\0b"))
t("leading blanks", lambda: (eval("  1+1"), eval("\t2\n")))
t("name in fresh ns", lambda: exec("print(__name__)", {}))
t("custom name", lambda: exec("print(__name__)", {"__name__": "custom"}))
def outer():
    z = 10
    def inner():
        return eval("z")
    return inner()
t("closure var", outer)
def h(a, b=2):
    c = 3
    return dir(), sorted(locals())
t("dir/locals in function", lambda: h(1))
t("vars class", lambda: vars(C)["x"])
ns = {}
exec("def g(n):\n    return n * k\nk = 3", ns)
print(ns["g"](5), ns["g"].__globals__ is ns, ns["g"].__module__)
total = {"n": 0}
for _ in range(4):
    exec("n += 1", total)
print(total["n"])
