# An LRU cache class using dict insertion order, with statistics and eviction callbacks.
class LRUCache:
    def __init__(self, capacity, on_evict=None):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = self.evictions = 0
        self.on_evict = on_evict
    def get(self, key, default=None):
        if key in self.data:
            value = self.data.pop(key)
            self.data[key] = value
            self.hits += 1
            return value
        self.misses += 1
        return default
    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            old_key = next(iter(self.data))
            old_val = self.data.pop(old_key)
            self.evictions += 1
            if self.on_evict:
                self.on_evict(old_key, old_val)
        self.data[key] = value
    def __contains__(self, key):
        return key in self.data
    def __len__(self):
        return len(self.data)
    def __repr__(self):
        return f"LRU({list(self.data.items())})"
    def stats(self):
        total = self.hits + self.misses
        rate = self.hits / total if total else 0.0
        return f"hits={self.hits} misses={self.misses} evictions={self.evictions} hit_rate={rate:.2%}"
evicted = []
c = LRUCache(3, on_evict=lambda k, v: evicted.append(k))
for k in "abc":
    c.put(k, k.upper())
print(c)
print(c.get("a"), c)
c.put("d", "D")
print(c, evicted)
print(c.get("b", "gone"), "b" in c, "a" in c)
c.put("c", "C2")
c.put("e", "E")
print(c, evicted, len(c))
print(c.stats())
try:
    LRUCache(0)
except ValueError as e:
    print("ValueError:", e)
def simulate(capacity, requests):
    cache = LRUCache(capacity)
    for r in requests:
        if cache.get(r) is None:
            cache.put(r, r * r)
    return cache.stats()
pattern = [(i * 7) % 13 for i in range(200)] + [i % 5 for i in range(100)]
for cap in (1, 2, 4, 8, 13, 16):
    print(cap, simulate(cap, pattern))
fib_cache = LRUCache(100)
def fib(n):
    v = fib_cache.get(n)
    if v is not None:
        return v
    v = n if n < 2 else fib(n - 1) + fib(n - 2)
    fib_cache.put(n, v)
    return v
print(fib(90), fib_cache.stats())
