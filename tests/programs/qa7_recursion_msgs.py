import sys, copy
sys.setrecursionlimit(150)
def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except RecursionError as e:
        print(label, "->", e)
class H:
    def __hash__(self): return hash(self)
class R:
    def __repr__(self): return repr(self)
class A:
    def __abs__(self): return abs(self)
class Lt:
    def __lt__(self, other): return self < other
class Eq:
    def __eq__(self, other): return self == other
class Dc:
    def __deepcopy__(self, memo): return copy.deepcopy(self)
class Ix:
    def __index__(self): return hex(self)
for lim in (150, 151, 152, 153):
    sys.setrecursionlimit(lim)
    print("limit", lim)
    attempt("  hash", lambda: hash(H()))
    attempt("  set", lambda: {H()})
    attempt("  repr", lambda: repr(R()))
    attempt("  abs", lambda: abs(A()))
    attempt("  lt", lambda: Lt() < Lt())
    attempt("  sorted", lambda: sorted([Lt(), Lt()]))
    attempt("  max", lambda: max(Lt(), Lt()))
    attempt("  eq", lambda: Eq() == Eq())
    attempt("  deepcopy", lambda: copy.deepcopy(Dc()))
    attempt("  hex", lambda: hex(Ix()))
sys.setrecursionlimit(1000)
class Node:
    def __init__(self): self.me = self
    def __eq__(self, other): return self.me == other.me
Node() == Node()
