# weakref behaviour that depends on an object being collected as soon as it is
# unreachable (CPython: reference counting).
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name


def make():
    a = Obj("a")
    calls = []
    r = weakref.ref(a, lambda ref: calls.append("dead"))
    d = weakref.WeakValueDictionary(k=a)
    p = weakref.proxy(a)
    print(r() is a, len(d), p.name)
    return r, d, p, calls


r, d, p, calls = make()
gc.collect()
print(r(), calls, len(d))
try:
    p.name
except ReferenceError as e:
    print("ReferenceError", e)
