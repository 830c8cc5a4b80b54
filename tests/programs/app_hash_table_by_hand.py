# A hash table with open addressing and resizing, keyed by ints and tuples (deterministic hashes).
class HashTable:
    EMPTY = object()
    DELETED = object()
    def __init__(self, capacity=8):
        self.slots = [self.EMPTY] * capacity
        self.size = 0
        self.probes = 0
        self.resizes = 0
    def _index(self, key):
        h = hash(key) % len(self.slots)
        first_deleted = None
        while True:
            self.probes += 1
            s = self.slots[h]
            if s is self.EMPTY:
                return (first_deleted if first_deleted is not None else h), False
            if s is self.DELETED:
                if first_deleted is None:
                    first_deleted = h
            elif s[0] == key:
                return h, True
            h = (h + 1) % len(self.slots)
    def __setitem__(self, key, value):
        if (self.size + 1) * 3 > len(self.slots) * 2:
            self._resize(len(self.slots) * 2)
        i, found = self._index(key)
        if not found:
            self.size += 1
        self.slots[i] = (key, value)
    def __getitem__(self, key):
        i, found = self._index(key)
        if not found:
            raise KeyError(key)
        return self.slots[i][1]
    def __delitem__(self, key):
        i, found = self._index(key)
        if not found:
            raise KeyError(key)
        self.slots[i] = self.DELETED
        self.size -= 1
    def __contains__(self, key):
        return self._index(key)[1]
    def __len__(self):
        return self.size
    def _resize(self, cap):
        old = [s for s in self.slots if s is not self.EMPTY and s is not self.DELETED]
        self.slots = [self.EMPTY] * cap
        self.size = 0
        self.resizes += 1
        for k, v in old:
            self[k] = v
    def items(self):
        return sorted(s for s in self.slots if s is not self.EMPTY and s is not self.DELETED)
t = HashTable()
for i in range(0, 100, 7):
    t[i] = i * i
print(len(t), t.items()[:6], t.resizes, len(t.slots))
print(t[49], 14 in t, 15 in t)
for k in (0, 7, 14):
    del t[k]
print(len(t), 7 in t, t.items()[:3])
try:
    t[7]
except KeyError as e:
    print("KeyError:", e)
try:
    del t[1000]
except KeyError as e:
    print("KeyError:", e)
t[7] = "back"
print(t[7], len(t))
grid = HashTable()
for x in range(10):
    for y in range(10):
        if (x * y) % 3 == 0:
            grid[(x, y)] = x + y
print(len(grid), grid[(3, 4)], (1, 1) in grid, grid.resizes, len(grid.slots))
collide = HashTable(16)
for k in [1, 17, 33, 49, 65]:
    collide[k] = str(k)
before = collide.probes
print([collide[k] for k in [1, 17, 33, 49, 65]], "probes for 5 colliding lookups:", collide.probes - before)
del collide[33]
print(collide[65], 33 in collide, len(collide))
