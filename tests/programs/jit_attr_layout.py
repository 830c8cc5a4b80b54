# Instance attribute layouts change in the middle of hot loops.

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def step_all(ps, n):
    for k in range(n):
        for p in ps:
            p.x = p.x + p.y
            if k == n // 2 and p.y == 2:
                p.z = 99          # new attribute: new map
            if k == n - 2 and p.y == 3:
                del p.y           # removal
                p.y = 30
    return [(p.x, p.y, getattr(p, "z", None)) for p in ps]

print(step_all([P(i, i + 1) for i in range(5)], 20))

def dict_mode(n):
    p = P(1, 2)
    s = 0
    for i in range(n):
        s += p.x * p.y
        if i == n // 2:
            p.__dict__["x"] = 10
        if i == n // 2 + 3:
            vars(p).update(y=7)
    return s

print(dict_mode(40))

class Q:
    pass

def descriptor_added(n):
    q = Q()
    q.v = 5
    out = []
    for i in range(n):
        out.append(q.v)
        if i == 5:
            Q.v = property(lambda self: -1)
    return out

print(descriptor_added(10))

class S:
    __slots__ = ("a", "b")

def slots(n):
    s = S()
    s.a = 1
    s.b = 2.5
    for i in range(n):
        s.a = s.a * 2 % 1000003
        s.b = s.b / 2 + s.a
    return s.a, round(s.b, 6)

print(slots(100))

def class_change(n):
    class A:
        def __init__(self):
            self.v = 1
    class B:
        v = 100
    a = A()
    res = 0
    for i in range(n):
        res += a.v
        if i == n // 2:
            a.__class__ = B
            del a.__dict__["v"]
    return res

print(class_change(20))
