cases = ["", " ", "a", "  a  b  ", "line 12345 some text here", "a\x1cb\x1fc", "\u3000x\u2003y\u00a0 z\u0085", "héllo wörld  ", "  ünï  cödé ", "a,b,,c", ",", "abc"]
for s in cases:
    for m in (-1, 0, 1, 2, 5):
        print(repr(s), m, s.split(None, m), s.rsplit(None, m), s.split(maxsplit=m), s.rsplit(sep=None, maxsplit=m))
        for sep in (",", "b", "ab", "ü", " "):
            print(s.split(sep, m), s.rsplit(sep, m))
    print(s.split(), s.rsplit(), s.split(","), s.rsplit(","))
s = "abc"
print(s.split(",")[0] is s, s.split()[0] is s, s.rsplit()[0] is s, s.split("x", 0)[0] is s)
class S(str): pass
t = S("abc def")
print(type(t.split()[0]), type(S("abc").split(",")[0]), S("abc").split(",")[0] is S("abc"))
for bad in [lambda: "a".split(""), lambda: "a".split(1), lambda: "a".split(",", "x"), lambda: "a".rsplit(""), lambda: "a".split(",", 1, 2)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print("héllo".encode(), "abc".encode("utf-8"), "abc".encode("UTF-8"), "abc".encode(encoding="utf8"), "é".encode("latin-1"), "é".encode("utf-8", "strict"), "x".encode("utf-8", "bogus"))
try: "é".encode("ascii")
except Exception as e: print(type(e).__name__, e)
try: "é".encode(None)
except Exception as e: print(type(e).__name__, e)
try: "é".encode("nope")
except Exception as e: print(type(e).__name__, e)
print(sum([]), sum([], 5), sum([1,2,3], 10), sum([1.5, 2]), sum([1, 2.5]), sum([True, True, 3]), sum([], True), sum([True]), sum((1,2,3)), sum(x for x in range(5)))
print(sum([2**62, 2**62, 2**62]), sum([-2**63, -1]), sum([2**100, 1]), sum([1, 2**100]), sum([1, 1.0, 2**100]), sum([[1],[2]], []), sum([(1,),(2,)], ()))
print(sum([1, 2], start=3), sum([0.1]*10), sum([1, 1j]), sum([1.0, float('inf')]), sum([1, -1.0]))
from fractions import Fraction
print(sum([Fraction(1,2), 1, 2]))
class A(list): pass
print(sum(A([1,2,3])))
l = [1, 2, 3]
class Adder:
    def __radd__(self, o):
        l.append(100) if len(l) < 6 else None
        return o + 1
l.append(Adder())
print(sum(l))
try: sum(["a"])
except Exception as e: print(type(e).__name__, e)
try: sum([1], "")
except Exception as e: print(type(e).__name__, e)
d = {1: "a", "b": 2, None: (3,)}
print(list(d.items()), list(d.keys()), list(d.values()), list(reversed(d.items())))
x = []; x.extend(d.items()); print(x)
del d[1]; print(list(d.items()), list({}.items()))
try: d.items(1)
except Exception as e: print(type(e).__name__, e)
try: d.keys(x=1)
except Exception as e: print(type(e).__name__, e)
try: list([1], x=2)
except Exception as e: print(type(e).__name__, e)
class L(list):
    def __init__(self, *a, **k): super().__init__(*a)
print(L([1], x=2))
