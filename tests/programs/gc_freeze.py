# gc.freeze()/unfreeze()/get_freeze_count(), and objects that existed before the program
# started (builtins, sys) or were frozen keeping alive what they come to refer to.
import builtins
import gc
import sys
import weakref

print("count at start", gc.get_freeze_count())


class Node:
    def __init__(self, v):
        self.v = v
        self.next = None


keep = [Node(i) for i in range(5)]
table = {"a": [1, 2]}
gc.freeze()
print("frozen some", gc.get_freeze_count() > 0)

# Frozen objects (an instance, a list, a dict) come to refer to new objects, which must
# survive every collection.
for i in range(200):
    keep[0].next = Node(i * 2)
    keep.append([i] * 3)
    table[str(i)] = (i, str(i))
    if i % 50 == 0:
        gc.collect()
gc.collect()
print(keep[0].next.v, len(keep), keep[-1], table["199"], sum(len(x) for x in keep[5:]))

# Dicts and lists made before the program started: the builtins namespace, sys.path,
# sys.modules.
builtins.krait_test_value = Node("in builtins")
sys.path.append("".join(["not", "-a-", "dir"]))
for i in range(100):
    builtins.krait_test_value = Node(f"in builtins {i}")
    if i % 25 == 0:
        gc.collect()
gc.collect()
print(krait_test_value.v, sys.path[-1])
del builtins.krait_test_value
sys.path.pop()

print("unfreeze")
gc.unfreeze()
print("count", gc.get_freeze_count())
gc.collect()
print(keep[0].next.v, len(table), table["0"])

# Freezing twice, then unfreezing everything.
gc.freeze()
a = gc.get_freeze_count()
junk = [object() for _ in range(10)]
gc.freeze()
print("grew", gc.get_freeze_count() >= a)
gc.unfreeze()
print("count", gc.get_freeze_count())


# After unfreeze, objects are collected again.
class C:
    pass


c = C()
r = weakref.ref(c)
gc.freeze()
gc.unfreeze()
del c
gc.collect()
print("collected", r() is None)

try:
    gc.freeze(1)
except TypeError as e:
    print("TypeError", e)
try:
    gc.get_freeze_count(None)
except TypeError as e:
    print("TypeError", e)
try:
    gc.unfreeze(x=1)
except TypeError as e:
    print("TypeError", e)
