# Weak references are cleared when the referent is collected; callbacks run once.
import gc
import _weakref as weakref

class T:
    pass

log = []

def make():
    t = T()
    return t, weakref.ref(t, lambda r: log.append("cb"))

def scope():
    t, r = make()
    alive = r() is t
    return r, alive

r, alive = scope()
print(alive)
for _ in range(3):
    gc.collect()
print(r() is None, log, weakref.getweakrefcount(T()))
keep = T()
r2 = weakref.ref(keep)
gc.collect()
print(r2() is keep)
