import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Obj({self.name})"


a = Obj("a")
r = weakref.ref(a)
print(r() is a, r().name)
d = weakref.WeakValueDictionary()
d["k"] = a
print(d["k"], len(d), "k" in d)
k = weakref.WeakKeyDictionary()
k[a] = 1
print(k[a], len(k))
s = weakref.WeakSet([a])
print(a in s, len(s))
p = weakref.proxy(a)
print(p.name)
calls = []
r2 = weakref.ref(a, lambda ref: calls.append("dead"))
del a
gc.collect()
print(r(), r2(), calls, len(d), len(k), len(s))
try:
    p.name
except ReferenceError as e:
    print("ReferenceError", e)


class M:
    def meth(self):
        return 42


m = M()
wm = weakref.WeakMethod(m.meth)
print(wm()())
fin_log = []
o = Obj("f")
fin = weakref.finalize(o, fin_log.append, "finalized")
print(fin.alive)
del o
gc.collect()
print(fin_log, fin.alive, weakref.getweakrefcount(M()))
