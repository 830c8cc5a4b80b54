# A tiny spreadsheet: cells with formulas referencing other cells, recursive evaluation, cycle detection.
import sys
class CycleError(Exception):
    pass
class Sheet:
    def __init__(self):
        self.raw = {}
        self.cache = {}
    def set(self, ref, value):
        self.raw[ref] = value
        self.cache.clear()
    def get(self, ref, stack=()):
        if ref in self.cache:
            return self.cache[ref]
        if ref in stack:
            raise CycleError(" -> ".join(stack + (ref,)))
        raw = self.raw.get(ref, 0)
        if isinstance(raw, str) and raw.startswith("="):
            value = self.evaluate(raw[1:], stack + (ref,))
        else:
            value = raw
        self.cache[ref] = value
        return value
    def cells_in(self, a, b):
        c1, r1 = a[0], int(a[1:])
        c2, r2 = b[0], int(b[1:])
        return [f"{chr(c)}{r}" for c in range(ord(c1), ord(c2) + 1) for r in range(r1, r2 + 1)]
    def evaluate(self, expr, stack):
        tokens = []
        i = 0
        while i < len(expr):
            ch = expr[i]
            if ch.isalpha() and ch.isupper() and i + 1 < len(expr) and expr[i + 1].isdigit():
                j = i + 1
                while j < len(expr) and expr[j].isdigit():
                    j += 1
                ref = expr[i:j]
                if j < len(expr) and expr[j] == ":":
                    k = j + 2
                    while k < len(expr) and expr[k].isdigit():
                        k += 1
                    refs = self.cells_in(ref, expr[j + 1:k])
                    tokens.append("[" + ",".join(repr(self.get(r, stack)) for r in refs) + "]")
                    i = k
                else:
                    tokens.append(repr(self.get(ref, stack)))
                    i = j
            else:
                tokens.append(ch)
                i += 1
        env = {"__builtins__": {}, "SUM": sum, "MAX": max, "MIN": min, "AVG": lambda xs: sum(xs) / len(xs), "ROUND": round, "LEN": len}
        return eval("".join(tokens), env)
    def show(self, cols, rows):
        print("    " + "".join(f"{c:>10}" for c in cols))
        for r in rows:
            cells = []
            for c in cols:
                try:
                    v = self.get(f"{c}{r}")
                    cells.append(f"{v:>10.2f}" if isinstance(v, float) else f"{v!s:>10}")
                except CycleError:
                    cells.append(f"{'#CYCLE':>10}")
                except ZeroDivisionError:
                    cells.append(f"{'#DIV/0':>10}")
            print(f"{r:>3} " + "".join(cells))
s = Sheet()
data = {"A1": "item", "B1": "qty", "C1": "price", "D1": "total"}
for k, v in data.items():
    s.set(k, v)
items = [("apple", 3, 0.5), ("bread", 1, 2.25), ("milk", 2, 1.1), ("eggs", 12, 0.2)]
for i, (name, q, p) in enumerate(items, start=2):
    s.set(f"A{i}", name)
    s.set(f"B{i}", q)
    s.set(f"C{i}", p)
    s.set(f"D{i}", f"=B{i}*C{i}")
s.set("A7", "sum")
s.set("B7", "=SUM(B2:B5)")
s.set("D7", "=SUM(D2:D5)")
s.set("A8", "avg")
s.set("D8", "=ROUND(AVG(D2:D5), 3)")
s.set("A9", "max")
s.set("D9", "=MAX(D2:D5)")
s.set("D10", "=D7/(B7-B7)")
s.show("ABCD", range(1, 11))
s.set("C3", 4.0)
print("after changing bread price: total", s.get("D7"))
s.set("E1", "=E2+1")
s.set("E2", "=E3+1")
s.set("E3", "=E1+1")
try:
    s.get("E1")
except CycleError as e:
    print("cycle detected:", e)
print(sys.getrecursionlimit() > 100)
