import gc, weakref

class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  freed", self.name)
    def __repr__(self):
        return f"Res({self.name})"

print("module level")
r = Res("r1")
del r
gc.collect()
print("after r1")
items = [Res("l1"), Res("l2")]
items.pop()
gc.collect()
print("after pop")
items = None
gc.collect()
print("after items")
node = Res("cyc")
node.me = node
w = weakref.ref(node)
del node
print("alive before collect:", w() is not None)
gc.collect()
print("alive after collect:", w() is not None)

def in_function():
    a = Res("f1")
    b = {"k": Res("f2")}
    del a
    n = gc.collect()
    print("  collect returned int:", isinstance(n, int))
    b.clear()
    gc.collect()
    print("  end of function")
in_function()

print("inside loops and with")
class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("  exit ctx")
        return False
for i in range(2):
    with Ctx() as c:
        tmp = Res(f"loop{i}")
        tmp = None
        pair = [i, gc.collect() >= 0, c is not None]
        print("  pair", pair)
try:
    x = Res("try")
    del x
    gc.collect()
    raise ValueError("boom")
except ValueError as e:
    print("  caught", e, gc.collect() >= 0)
finally:
    print("  finally", [gc.collect() >= 0 for _ in range(2)])

def gen():
    g = Res("gen-local")
    yield 1
    del g
    gc.collect()
    yield 2
for v in gen():
    print("generator", v)

class Registry:
    made = Res("class-attr")
    print("  class body done")
del Registry.made
gc.collect()

vals = {"a": Res("dict-val")}
print("sum", sum([1, 2, gc.collect() * 0, len(vals)]))
del vals["a"]
gc.collect()
cb_log = []
obj = Res("with-callback")
wr = weakref.ref(obj, lambda ref: cb_log.append("callback"))
obj = 42
gc.collect()
print("callback ran:", cb_log, wr())
fin = Res("finalize")
weakref.finalize(fin, print, "  finalizer called")
del fin
gc.collect()
print("done")
