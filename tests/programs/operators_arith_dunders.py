# Arithmetic operator dunders, reflected operands and in-place forms.
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "V" + repr(self.c)
    def _op(self, other, fn):
        if isinstance(other, V):
            return V(*[fn(a, b) for a, b in zip(self.c, other.c)])
        if isinstance(other, (int, float)):
            return V(*[fn(a, other) for a in self.c])
        return NotImplemented
    def __add__(self, o): return self._op(o, lambda a, b: a + b)
    def __sub__(self, o): return self._op(o, lambda a, b: a - b)
    def __mul__(self, o): return self._op(o, lambda a, b: a * b)
    def __truediv__(self, o): return self._op(o, lambda a, b: a / b)
    def __floordiv__(self, o): return self._op(o, lambda a, b: a // b)
    def __mod__(self, o): return self._op(o, lambda a, b: a % b)
    def __pow__(self, o): return self._op(o, lambda a, b: a ** b)
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __lshift__(self, n): return V(*[a << n for a in self.c])
    def __rshift__(self, n): return V(*[a >> n for a in self.c])
    def __and__(self, o): return self._op(o, lambda a, b: a & b)
    def __or__(self, o): return self._op(o, lambda a, b: a | b)
    def __xor__(self, o): return self._op(o, lambda a, b: a ^ b)
    def __divmod__(self, o): return (self // o, self % o)
    def __radd__(self, o): return self._op(o, lambda a, b: b + a)
    def __rsub__(self, o): return self._op(o, lambda a, b: b - a)
    def __rmul__(self, o): return self._op(o, lambda a, b: b * a)
    def __rtruediv__(self, o): return self._op(o, lambda a, b: b / a)
    def __rpow__(self, o): return self._op(o, lambda a, b: b ** a)
    def __rmod__(self, o): return self._op(o, lambda a, b: b % a)
    def __rfloordiv__(self, o): return self._op(o, lambda a, b: b // a)
    def __rdivmod__(self, o): return (o // self, o % self)
    def __neg__(self): return V(*[-a for a in self.c])
    def __pos__(self): return V(*[+a for a in self.c])
    def __abs__(self): return V(*[abs(a) for a in self.c])
    def __invert__(self): return V(*[~a for a in self.c])
a, b = V(1, 2, 3), V(4, 5, 6)
print(a + b, a - b, a * b, b / a, b // a, b % a, a ** 2, a @ b)
print(a + 1, 1 + a, 10 - a, a - 10, 2 * a, a * 2, 12 / a, 2 ** a, 7 % a, 7 // a)
print(a << 2, b >> 1, a & V(3, 3, 3), a | 8, a ^ 1, divmod(b, a), divmod(20, a))
print(-a, +a, abs(V(-1, 2, -3)), ~a)
try:
    a + "str"
except TypeError as e:
    print("TypeError:", e)
try:
    "str" - a
except TypeError as e:
    print("TypeError:", e)
print(sum([a, b, V(10, 10, 10)], V(0, 0, 0)), sum([a, b], 0) if False else "sum with V start ok")
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        print("  __iadd__ in place")
        self.v += o
        return self
    def __add__(self, o):
        print("  __add__ new object")
        return Acc(self.v + o)
    def __isub__(self, o):
        self.v -= o
        return self
    def __imul__(self, o):
        self.v *= o
        return self
    def __imatmul__(self, o):
        self.v = f"matmul({self.v},{o})"
        return self
    def __ipow__(self, o):
        self.v **= o
        return self
    def __ior__(self, o):
        self.v |= o
        return self
x = Acc(1)
orig = x
x += 5
x -= 1
x *= 3
x **= 2
x |= 1
print(x.v, x is orig)
y = Acc(1)
y = y + 5
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
z = OnlyAdd(1)
zid = z
z += 4
print(z.v, z is zid)
x @= "m"
print(x.v)
class Sub(V):
    def __radd__(self, o):
        return "Sub.__radd__ wins"
print(V(1) + Sub(1))
class Left:
    def __add__(self, o):
        return NotImplemented
class Right:
    def __radd__(self, o):
        return "right handled it"
print(Left() + Right())
