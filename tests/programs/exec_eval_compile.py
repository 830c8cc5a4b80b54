# exec, eval, compile, globals and locals.
print(eval("1 + 2 * 3"), eval("[x * x for x in range(5)]"), eval("'a' + 'b'"), eval("  42  "))
x = 10
print(eval("x + 1"), eval("x * y", {"x": 3, "y": 4}), eval("x", {"x": "from globals"}, {"x": "from locals"}))
ns = {}
exec("a = 5\nb = a * 2\ndef f(n):\n    return n + b\n", ns)
print(ns["a"], ns["b"], ns["f"](1), sorted(k for k in ns if k != "__builtins__"))
exec("z = x * 100")
print(z)
code = compile("sum(range(n))", "<expr>", "eval")
print(eval(code, {"n": 10}), eval(code, {"n": 101}))
stmts = compile("for i in range(3):\n    out.append(i * i)\n", "<stmts>", "exec")
out = []
exec(stmts)
exec(stmts, {"out": out})
print(out)
single = compile("result = 7 * 6", "<single>", "exec")
g = {}
exec(single, g)
print(g["result"])
def use_locals():
    a = 1
    b = "two"
    loc = locals()
    return sorted(loc.items())
print(use_locals())
def exec_in_function():
    ns = {"v": 3}
    exec("w = v ** 2", ns)
    return ns["w"]
print(exec_in_function())
print("x" in globals(), globals()["x"], type(globals()).__name__, globals() is globals())
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError caught:", type(e).__name__)
try:
    exec("raise ValueError('inside exec')")
except ValueError as e:
    print("ValueError:", e)
try:
    eval("undefined_name_here")
except NameError as e:
    print("NameError:", e)
try:
    eval("x = 1")
except SyntaxError:
    print("assignment is not an expression")
calc = {"__builtins__": {}}
try:
    eval("len([1])", calc)
except NameError as e:
    print("NameError:", e)
print(eval("abs(-3)", {"__builtins__": {"abs": abs}}))
src = """
class Dyn:
    def __init__(self, v):
        self.v = v
    def twice(self):
        return self.v * 2
inst = Dyn(21)
"""
space = {}
exec(src, space)
print(space["inst"].twice(), space["Dyn"].__name__)
exprs = ["2 ** 10", "divmod(17, 5)", "'-'.join(['a', 'b'])", "{1: 2}.get(1)", "(lambda q: q + 1)(1)", "[*range(3)]"]
for e in exprs:
    print(f"{e:28} => {eval(e)!r}")
print(exec("1 + 1"), eval("None"))
counter = {"n": 0}
for _ in range(5):
    exec("n += 1", counter)
print(counter["n"])
