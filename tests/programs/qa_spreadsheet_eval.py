# tiny spreadsheet: cells with formulas, dependency resolution, cycle detection
import sys
class CycleError(Exception):
    pass
class Sheet:
    def __init__(self):
        self.raw = {}
        self.cache = {}
    def set(self, ref, value):
        self.raw[ref.upper()] = value
        self.cache.clear()
    def get(self, ref, _stack=()):
        ref = ref.upper()
        if ref in _stack:
            raise CycleError(" -> ".join(_stack + (ref,)))
        if ref in self.cache:
            return self.cache[ref]
        raw = self.raw.get(ref, 0)
        if isinstance(raw, str) and raw.startswith("="):
            val = self.evaluate(raw[1:], _stack + (ref,))
        else:
            val = raw
        self.cache[ref] = val
        return val
    def cells_in(self, a, b):
        c1, r1 = a[0], int(a[1:])
        c2, r2 = b[0], int(b[1:])
        return [f"{chr(c)}{r}" for c in range(ord(c1), ord(c2) + 1) for r in range(r1, r2 + 1)]
    def evaluate(self, expr, stack):
        tokens = expr.replace("(", " ( ").replace(")", " ) ").replace(",", " , ").split()
        env = {"SUM": lambda *a: sum(a), "AVG": lambda *a: sum(a) / len(a), "MAX": max, "MIN": min}
        out = []
        for t in tokens:
            if ":" in t:
                a, b = t.split(":")
                out.append(", ".join(repr(self.get(c, stack)) for c in self.cells_in(a.upper(), b.upper())))
            elif t[0].isalpha() and t[1:].isdigit():
                out.append(repr(self.get(t, stack)))
            else:
                out.append(t)
        return eval(" ".join(out), {"__builtins__": {}}, env)
    def show(self, cols="ABC", rows=range(1, 5)):
        print("     " + "".join(f"{c:>10}" for c in cols))
        for r in rows:
            cells = []
            for c in cols:
                try:
                    v = self.get(f"{c}{r}")
                    cells.append(f"{v:>10.2f}" if isinstance(v, float) else f"{v!s:>10}")
                except CycleError:
                    cells.append(f"{'#CYCLE':>10}")
                except Exception as e:
                    cells.append(f"{'#' + type(e).__name__[:8]:>10}")
            print(f"{r:>4} " + "".join(cells))
s = Sheet()
for ref, v in [("A1", 10), ("A2", 20), ("A3", 30.5), ("A4", "=SUM(A1:A3)"), ("B1", "=A1 * 2"), ("B2", "=B1 + A2 / 4"),
               ("B3", "=AVG(A1:A3)"), ("B4", "=MAX(A1:B3) - MIN(A1:B3)"), ("C1", "=C2 + 1"), ("C2", "=C1 + 1"),
               ("C3", "=A1 / 0"), ("C4", "=undefined_fn(1)")]:
    s.set(ref, v)
s.show()
s.set("A1", 100)
s.show(cols="AB", rows=range(1, 5))
try:
    s.get("C1")
except CycleError as e:
    print("cycle:", e)
print(sorted(s.cache.items())[:4], len(s.raw), file=sys.stdout)
