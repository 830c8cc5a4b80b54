# ast.parse / compile(..., PyCF_ONLY_AST): node classes, fields, positions; users of it
# (ast.literal_eval, traceback carets from format_exc, logging.exception).
import ast
import sys
import traceback

src = '''@dec
@dec2(1)
def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:
    if a:
        pass
    elif b:
        x = f"v{a!r:>{b}} z" 'q'
    else:
        y = (a, b)
    return g(x for x in y)
class C(B, metaclass=M): pass
async def h():
    async with a as b, c:
        await z
    async for i in j: pass
try:
    pass
except* E as e:
    pass
match p:
    case [1, *rest] | {"k": v, **kw} if v: pass
    case Point(1, y=2) | None | _: pass
    case x as y: pass
lam = lambda x, *, y=3: x + y
z = [i for i in range(3) if i async for j in k]
q = {**a, 'b': 1}
s = {1, 2}; t = a[1:2, ::3]; u = -1 ** 2 < 3 is not None; v = not a or b and c
import os.path as p, sys
from .. import x as y
from mod import *
global g
del a[0], b.c
assert x, "m"
raise E from F
w = f"{x=}" + f"{y=:>3}" + f"{z!a}"
b'abc'; u'uni'; 1_000_000_000_000_000_000_000; 0xFF; 1.5e3; 2j; ...; True; None
n: int = 3
with open(f) as (a, b): pass
while x: break
else: continue
'''
tree = ast.parse(src)
print(ast.dump(tree, include_attributes=True, indent=1))
print(ast.unparse(tree))
for mode in ("eval", "single", "exec"):
    print(ast.dump(ast.parse("x + 1", mode=mode)))
print(ast.literal_eval("[1, -2.5, (3, 'x'), {'a': None, 'b': {1, 2}}, b'q', 3+4j]"))
try:
    ast.parse("x = (1,")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
try:
    ast.literal_eval("len('os')")
except ValueError as e:
    print(str(e).split(":")[0])
print(ast.get_docstring(ast.parse('"""doc"""\nx = 1')))
print([type(n).__name__ for n in ast.walk(ast.parse("a.b(c)[d]"))])
print(ast.Constant.kind, ast.arg.annotation, ast.expr.end_lineno, ast.withitem.optional_vars)


class Names(ast.NodeVisitor):
    def visit_Name(self, node):
        print("name", node.id, node.lineno, node.col_offset, node.end_col_offset)


Names().visit(ast.parse("x = y + z\nprint(w)"))


def risky(d, x):
    return d["a"] + 10 / x


for args in [({"a": 1}, 0), ({}, 1)]:
    try:
        risky(*args)
    except Exception:
        print(traceback.format_exc().replace(__file__, "FILE"))
sys.stdout.flush()
