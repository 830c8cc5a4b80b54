# Attribute loads and stores at one site over changing classes, maps and descriptors
# (the interpreter caches these per statement; every change must be seen).


class A:
    k = 1

    def m(self):
        return "A.m"


class B(A):
    pass


def get_x(o):
    return o.x


def get_k(o):
    return o.k


def get_m(o):
    return o.m()


def set_x(o, v):
    o.x = v


def run():
    a = A()
    set_x(a, 1)
    print(get_x(a), get_k(a), get_m(a))
    for i in range(3):
        set_x(a, i)
        print(get_x(a), end=" ")
    print()
    # instance attribute shadows a class value, then a method
    a.k = 10
    print(get_k(a), get_k(A()))
    a.m = lambda: "inst.m"
    print(get_m(a), get_m(A()))
    # class attribute changes are seen at the same site
    A.k = 2
    print(get_k(A()), get_k(B()))
    B.k = 3
    print(get_k(A()), get_k(B()))
    del B.k
    print(get_k(B()))

    # a data descriptor added to the class after the site was cached wins over the slot
    b = B()
    set_x(b, 5)
    print(get_x(b))

    def getter(self):
        return "prop"

    def setter(self, v):
        print("setter", v)

    A.x = property(getter, setter)
    print(get_x(b))
    set_x(b, 6)
    print(get_x(b), b.__dict__)
    del A.x
    print(get_x(b))

    # __setattr__ / __getattr__ added later
    def sa(self, n, v):
        print("setattr", n, v)
        object.__setattr__(self, n, v * 2)

    B.__setattr__ = sa
    set_x(b, 7)
    print(get_x(b))
    del B.__setattr__
    set_x(b, 8)
    print(get_x(b))

    # deleting an attribute, dict mode, __class__ assignment
    c = B()
    set_x(c, 1)
    del c.x
    try:
        get_x(c)
    except AttributeError as e:
        print("AttributeError", e)
    set_x(c, 2)
    c.__dict__["x"] = 3
    print(get_x(c))
    set_x(c, 4)
    print(get_x(c), c.__dict__)

    class C:
        x = "C.x"

    d = A()
    d.__class__ = C
    print(get_x(d))
    set_x(d, 9)
    print(get_x(d))

    # class value that is a function of another kind, and a plain str
    class D:
        x = "plain"
        f = staticmethod(lambda: "static")

    dd = D()
    print(get_x(dd), dd.f())
    set_x(dd, "mine")
    print(get_x(dd), D.x)

    # slots (data descriptors) are not cached as plain slots
    class S:
        __slots__ = ("x",)

    s = S()
    set_x(s, 11)
    print(get_x(s))
    try:
        s.y = 1
    except AttributeError as e:
        print("AttributeError", e)

    # many objects with different maps through one site
    objs = []
    for i in range(6):
        o = A()
        for j in range(i):
            setattr(o, "a%d" % j, j)
        set_x(o, i)
        objs.append(o)
    print([get_x(o) for o in objs])
    print([len(o.__dict__) for o in objs])


run()


# __slots__ members read and written through one site, shared descriptors, subclasses
class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


class Q(P):
    __slots__ = ("z",)


class R:
    __slots__ = ("w", "__dict__")


def slots_run():
    ps = [P(1), Q(2), P(3)]
    for p in ps:
        print(get_x(p), end=" ")
    print()
    q = Q(4)
    try:
        q.y
    except AttributeError as e:
        print("AttributeError", e)
    set_x(q, 5)
    print(get_x(q))
    del q.x
    try:
        get_x(q)
    except AttributeError as e:
        print("AttributeError", e)
    r = R()
    set_x(r, "in dict")
    r.w = 1
    print(get_x(r), r.w, r.__dict__)

    class Alias:
        __slots__ = ("a",)

    Alias.b = Alias.__dict__["a"]
    al = Alias()
    al.b = "via b"
    print(al.a, al.b)
    try:
        P.__dict__["x"].__get__(R())
    except TypeError as e:
        print("TypeError", e)


slots_run()
