# Methods replaced on the class (and on the instance) while a loop calls them.

class C:
    def f(self, x):
        return x + 1

def run(n):
    c = C()
    total = 0
    for i in range(n):
        total += c.f(i)
        if i == n // 3:
            C.f = lambda self, x: x * 2
        if i == 2 * n // 3:
            c.f = lambda x: -x
    return total

print(run(60))

class Base:
    def g(self):
        return 1

class Derived(Base):
    pass

def inherited(n):
    d = Derived()
    s = 0
    for i in range(n):
        s += d.g()
        if i == 10:
            Base.g = lambda self: 10
        if i == 20:
            Derived.g = lambda self: 100
    return s

print(inherited(30))

def bound_changes(n):
    items = []
    add = items.append
    for i in range(n):
        add(i)
        if i == n // 2:
            other = []
            add = other.append
    return len(items)

print(bound_changes(50))
