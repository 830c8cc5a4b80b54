import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Obj({self.name})"


a = Obj("a")
b = Obj("b")
r = weakref.ref(a)
print(r() is a, r().name, r == weakref.ref(a), weakref.getweakrefcount(a) >= 1)
d = weakref.WeakValueDictionary()
d["k"] = a
d["j"] = b
print(d["k"], len(d), "k" in d, sorted(d.keys()), d.get("zz", "dflt"))
k = weakref.WeakKeyDictionary()
k[a] = 1
k[b] = 2
print(k[a], len(k), sorted(k.values()), b in k)
s = weakref.WeakSet([a, b])
print(a in s, len(s), sorted(x.name for x in s))


class M:
    def meth(self):
        return 42


m = M()
wm = weakref.WeakMethod(m.meth)
print(wm()(), isinstance(r, weakref.ReferenceType), weakref.ref(m, lambda ref: None)() is m)
fin_log = []
fin = weakref.finalize(b, fin_log.append, "finalized")
print(fin.alive, fin.peek()[0] is b)
print(fin(), fin_log, fin.alive)
try:
    weakref.ref(1)
except TypeError as e:
    print("TypeError", e)
