# exec/eval with unusual namespaces and modes
exec(compile("1 + 1", "<s>", "single"))
exec(compile("x = 5\nx * 2", "<s>", "exec"))
exec(compile("'single str'", "<s>", "single"))
exec(compile("None", "<s>", "single"))
class Recorder(dict):
    def __setitem__(self, k, v):
        print("  set", k, "=", v)
        super().__setitem__(k, v)
class Mapping:
    def __init__(self):
        self.d = {"a": 1}
    def __getitem__(self, k):
        print("  lookup", k)
        if k in self.d:
            return self.d[k]
        raise KeyError(k)
    def __setitem__(self, k, v):
        self.d[k] = v
print(eval("a + 1", {}, Mapping()))
loc = Recorder()
exec("p = 1\nq = p + 1", {}, loc)
print(dict(loc))
m = Mapping()
exec("b = a * 10", {}, m)
print(m.d)
try:
    eval("zz", {}, Mapping())
except NameError as e:
    print("NameError:", e)
class G(dict):
    def __missing__(self, k):
        return f"missing-{k}"
try:
    print(eval("undefined_name", G()))
except NameError as e:
    print("NameError:", e)
print(eval("undefined_name", {}, G()))
ns = {}
exec("def f(n):\n    return helper(n) * 2\ndef helper(n):\n    return n + 1", ns)
print(ns["f"](4), ns["f"].__globals__ is ns, ns["f"].__name__)
code = compile("result = [i ** 2 for i in range(n)]", "<gen>", "exec")
for n in (3, 5):
    scope = {"n": n}
    exec(code, scope)
    print(scope["result"])
expr = compile("a * b", "<expr>", "eval")
print([eval(expr, {"a": i, "b": i + 1}) for i in range(4)], expr.co_filename if hasattr(expr, "co_filename") else "?")
print(eval("(lambda x: lambda y: x + y)(10)(5)"))
adder = eval("lambda *a, **k: (sum(a), sorted(k))")
print(adder(1, 2, z=1, y=2))
try:
    exec("raise ValueError('inside exec')")
except ValueError as e:
    print("ValueError:", e)
try:
    eval("1 +* 2")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset, repr(e.text), e.filename)
try:
    exec("for i in range(2):\n    print(i)\n  bad_indent = 1")
except IndentationError as e:
    print("IndentationError:", e.msg, e.lineno)
try:
    compile("x = 1", "<s>", "eval")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("1", "<s>", "bogus")
except ValueError as e:
    print("ValueError:", e)
print(eval("__name__"), eval("__name__", {}), eval("__name__", {"__name__": "custom"}))
g = {}
exec("import sys\nv = sys.version_info[0]", g)
print(g["v"], "sys" in g, "__builtins__" in g)
exec("global gv\ngv = 'set via exec'")
print(gv)
def inner_exec():
    local_v = 3
    return eval("local_v * 2")
print(inner_exec())
