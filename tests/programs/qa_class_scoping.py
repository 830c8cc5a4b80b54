# scoping rules inside class bodies
x = "global"
class A:
    x = "class"
    y = x + "!"
    def method(self):
        return x
    lam = lambda self: x
    gen_list = [x for _ in range(1)]
    inner_names = sorted(k for k in locals() if not k.startswith("__"))
print(A.y, A().method(), A().lam(), A.gen_list, A.inner_names)
def factory(v):
    class Local:
        value = v
        def get(self):
            return v
        def get_cls(self):
            return self.value
    return Local
L1, L2 = factory(1), factory(2)
print(L1().get(), L2().get(), L1().get_cls(), L1.__qualname__, L1 is L2)
def outer():
    n = 0
    class Counter:
        def bump(self):
            nonlocal n
            n += 1
            return n
    c = Counter()
    c.bump(); c.bump()
    return n, Counter.bump.__qualname__
print(outer())
class B:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        total = sum(i * len(items) for i in items)
    except NameError as e:
        total = f"NameError: {e}"
print(B.doubled, B.total)
class C:
    a = 1
    def f(self):
        try:
            return a
        except NameError as e:
            return f"NameError: {e}"
print(C().f())
class D:
    v = 10
    class Inner:
        try:
            w = v * 2
        except NameError as e:
            w = "inner can't see outer class var"
print(D.Inner.w, D.Inner.__qualname__)
class E:
    def m(self):
        class F:
            def n(inner_self):
                return __class__.__name__, type(self).__name__
        return F().n()
print(E().m(), E.m.__qualname__)
counter = 0
class G:
    global counter
    counter += 1
    local_copy = counter
print(counter, G.local_copy)
class I:
    name = "I"
    names = [name for _ in range(2)] if False else None
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.registered = cls.__name__.lower()
class J(I):
    pass
print(J.registered, I.__dict__.get("registered"), J.names)
class K:
    __private = 1
    def get(self):
        return self.__private, K.__private
    @staticmethod
    def static_get():
        return K._K__private
print(K().get(), K.static_get(), [n for n in vars(K) if "private" in n])
class Order:
    z = 1
    a = 2
    m = 3
    def b(self): pass
print([n for n in vars(Order) if not n.startswith("__")])
def make():
    secret = "s3"
    class H:
        reveal = secret
        secret = "shadow"
        def show(self):
            return secret
    return H
H = make()
print(H.reveal, H.secret, H().show())
