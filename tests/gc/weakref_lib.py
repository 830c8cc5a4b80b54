# CPython's weakref.py on Krait's _weakref: WeakValueDictionary, WeakKeyDictionary,
# WeakSet, finalize, WeakMethod, proxy; entries go away when their objects are collected.
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def method(self):
        return "method of " + self.name

    def __repr__(self):
        return "Obj(%s)" % self.name


def fill_values(d, names):
    for n in names:
        d[n] = Obj(n)


wvd = weakref.WeakValueDictionary()
keep = Obj("kept")
wvd["kept"] = keep
fill_values(wvd, ["x", "y", "z"])
gc.collect()
print("WeakValueDictionary", sorted(wvd.keys()), wvd.get("kept"), "x" in wvd)

wkd = weakref.WeakKeyDictionary()
k1 = Obj("k1")
wkd[k1] = 1


def add_keys(d):
    for i in range(5):
        d[Obj("tmp%d" % i)] = i


add_keys(wkd)
gc.collect()
print("WeakKeyDictionary", [(k.name, v) for k, v in wkd.items()], len(wkd))

ws = weakref.WeakSet()
s1 = Obj("s1")
ws.add(s1)


def add_set(s):
    for i in range(4):
        s.add(Obj("t%d" % i))


add_set(ws)
gc.collect()
print("WeakSet", [o.name for o in ws], len(ws), s1 in ws)

log = []


def make_finalized():
    o = Obj("fin")
    f = weakref.finalize(o, log.append, "finalized fin")
    return f


f = make_finalized()

gc.collect()
print("finalize", log, f.alive)
f2 = weakref.finalize(keep, log.append, "called explicitly")
print(f2(), f2.alive, f2(), log)

wm = weakref.WeakMethod(keep.method)
print("WeakMethod", wm()())


def make_wm():
    o = Obj("gone")
    return weakref.WeakMethod(o.method)


wm2 = make_wm()
gc.collect()
print("dead WeakMethod", wm2())

p = weakref.proxy(keep)
print("proxy", p.name, p.method(), repr(p) == repr(p))
p.name = "renamed"
print(keep.name)


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return self.v + o

    def __len__(self):
        return self.v

    def __getitem__(self, i):
        return i * self.v


n = Num(3)
pn = weakref.proxy(n)
print(pn + 4, len(pn), pn[5], bool(pn))


def dead_proxy():
    o = Obj("temp")
    return weakref.proxy(o)


dp = dead_proxy()
gc.collect()
try:
    dp.name
except ReferenceError as e:
    print("ReferenceError", e)
try:
    hash(p)
except TypeError as e:
    print("TypeError", e)

r1 = weakref.ref(keep)
r2 = weakref.ref(keep)
print("same ref", r1 is r2, weakref.getweakrefcount(keep) >= 1, r1 == r2, hash(r1) == hash(keep))
cb_ref = weakref.ref(keep, lambda r: None)
print("callback ref is new", cb_ref is not r1, cb_ref == r1)
try:
    weakref.ref(1)
except TypeError as e:
    print("TypeError", e)
try:
    weakref.ref([])
except TypeError as e:
    print("TypeError", e)
