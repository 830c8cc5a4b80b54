# __bool__ and __len__ decide truthiness.
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print(f"  __bool__ -> {self.v}")
        return self.v
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print(f"  __len__ -> {self.n}")
        return self.n
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
class Neither:
    pass
print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Both()), bool(Neither()))
if L(2):
    print("L(2) is truthy")
while B(False):
    print("never")
print(not B(True), B(False) or "fallback", B(True) and "second")
print([x.n for x in [L(0), L(1), L(2)] if x])
print(len(L(7)), len(Both()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class NegLen:
    def __len__(self):
        return -1
try:
    bool(NegLen())
except ValueError as e:
    print("ValueError:", e)
class BigLen:
    def __len__(self):
        return "3"
try:
    len(BigLen())
except TypeError as e:
    print("TypeError:", e)
class Stack:
    def __init__(self):
        self.items = []
    def __len__(self):
        return len(self.items)
    def push(self, x):
        self.items.append(x)
    def pop(self):
        return self.items.pop()
s = Stack()
print("empty stack falsy:", not s)
for i in range(3):
    s.push(i)
out = []
while s:
    out.append(s.pop())
print(out, bool(s))
print(any([L(0), L(0)]), all([L(1), B(True)]))
x = L(0) if False else B(False)
r = "yes" if x else "no"
print(r)
print(bool(0j), bool(1e-320), bool(-0.0), bool(" "), bool("\0"), bool(b""), bool(bytearray(1)))
assert L(1), "should be truthy"
print("assert passed")
