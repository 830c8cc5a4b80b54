# recursion that re-enters the interpreter through builtins, up to ~the default limit
import sys
def via_map(n):
    return 0 if n == 0 else 1 + sum(map(via_map, [n - 1]))
def via_sorted(n):
    return 0 if n == 0 else 1 + sorted([n - 1], key=via_sorted)[0] * 0 + via_sorted_helper(n)
def via_sorted_helper(n):
    return 0
def via_join(n):
    return "" if n == 0 else "".join(via_join(k) for k in [n - 1]) + "x"
class A:
    def __init__(self, n):
        self.n = n
    def __getattr__(self, name):
        return 0 if self.n == 0 else getattr(A(self.n - 1), name) + 1
    def __repr__(self):
        return "A" if self.n == 0 else "(" + repr(A(self.n - 1)) + ")"
    def __eq__(self, other):
        return self.n == 0 or A(self.n - 1) == other
    def __len__(self):
        return 0 if self.n == 0 else len(A(self.n - 1)) + 1
    def __iter__(self):
        if self.n:
            yield from A(self.n - 1)
        yield self.n
    def __call__(self):
        return 0 if self.n == 0 else A(self.n - 1)() + 1
    def __getitem__(self, k):
        return 0 if self.n == 0 else A(self.n - 1)[k] + 1
    def __add__(self, o):
        return o if self.n == 0 else A(self.n - 1) + (o + 1)
    def __hash__(self):
        return 0 if self.n == 0 else hash(A(self.n - 1)) + 1
    def __bool__(self):
        return True if self.n == 0 else bool(A(self.n - 1))
    def __format__(self, spec):
        return "F" if self.n == 0 else format(A(self.n - 1), spec) + "f"
    def __str__(self):
        return "S" if self.n == 0 else str(A(self.n - 1))
    def __lt__(self, o):
        return False if self.n == 0 else A(self.n - 1) < o
    def __contains__(self, x):
        return False if self.n == 0 else x in A(self.n - 1)
D = 120
results = []
for name, fn in [("map", lambda: via_map(D)), ("sorted", lambda: via_sorted(D)), ("join", lambda: len(via_join(D))),
                 ("getattr", lambda: A(D).foo), ("repr", lambda: len(repr(A(D)))), ("eq", lambda: A(D) == 5),
                 ("len", lambda: len(A(D))), ("iter", lambda: sum(A(D))), ("call", lambda: A(D)()),
                 ("getitem", lambda: A(D)[0]), ("add", lambda: A(D) + 0), ("hash", lambda: hash(A(D))),
                 ("bool", lambda: bool(A(D))), ("format", lambda: len(format(A(D), ""))), ("str", lambda: str(A(D))),
                 ("lt", lambda: A(D) < 1), ("contains", lambda: 3 in A(D))]:
    try:
        results.append((name, fn()))
    except RecursionError:
        results.append((name, "RecursionError"))
print(results)
deep = []
for name, fn in [("map", lambda: via_map(10000)), ("repr", lambda: repr(A(10000))), ("eq", lambda: A(10000) == 1),
                 ("len", lambda: len(A(10000))), ("getattr", lambda: A(10000).x), ("hash", lambda: hash(A(10000))),
                 ("format", lambda: format(A(10000), "")), ("iter", lambda: sum(A(10000))), ("add", lambda: A(10000) + 0),
                 ("contains", lambda: 1 in A(10000)), ("lt", lambda: A(10000) < 1), ("bool", lambda: bool(A(10000)))]:
    try:
        fn()
        deep.append((name, "no error"))
    except RecursionError:
        deep.append((name, "RecursionError"))
print(deep)
print("survived")
