# Bound and unbound methods, functions as attributes, and method identity.
class Greeter:
    greeting = "hello"
    def greet(self, name):
        return f"{self.greeting}, {name}"
g = Greeter()
bound = g.greet
print(bound("ann"), Greeter.greet(g, "bob"), bound.__self__ is g, bound.__func__ is Greeter.greet)
print(g.greet == g.greet, Greeter.greet is Greeter.greet, type(Greeter.greet).__name__)
g.greeting = "hi"
print(bound("cy"))
g.greet = lambda name: "instance attribute wins: " + name
print(g.greet("di"), Greeter.greet(g, "di"))
del g.greet
print(g.greet("eve"))
def free(self, x):
    return f"{type(self).__name__} got {x}"
Greeter.free = free
print(g.free(1), Greeter.free(g, 2))
g.not_bound = free
try:
    g.not_bound(3)
except TypeError as e:
    print("TypeError:", e)
print(g.not_bound(g, 3))
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self.n
c = Counter()
incs = [c.inc] * 3
print([f() for f in incs], c.n)
methods = list(map(Counter.inc, [Counter(), Counter()]))
print(methods)
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
a = A()
print(A.who(a), B.who(a), B.who(42) if False else "B.who works on any object in py3")
print(B.who(a))
bm = a.who
A.who = lambda self: "patched A"
print(bm(), a.who())
class WithCall:
    def method(self):
        return "method"
w = WithCall()
m1 = w.method
m2 = w.method
print(m1 == m2, hash(m1) == hash(m2))
print(callable(w.method), w.method.__name__, w.method.__qualname__)
class Chain:
    def __init__(self):
        self.ops = []
    def add(self, x):
        self.ops.append(("add", x))
        return self
    def mul(self, x):
        self.ops.append(("mul", x))
        return self
    def run(self, start):
        for op, x in self.ops:
            start = start + x if op == "add" else start * x
        return start
print(Chain().add(3).mul(4).add(-2).run(1))
print(list(map(str.upper, ["a", "b"])), list(map("-".join, ["ab", "cd"])), sorted(["b", "A", "c"], key=str.casefold))
