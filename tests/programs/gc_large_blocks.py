# Large buffers (1 MiB and more) are mapped by the allocator itself, prefaulted, and freed
# ones are reused: contents must survive growth past the threshold (realloc from a small
# block to a large one, large to large, large back to small), and zeroed buffers must
# read as zeros even when a freed block is reused.
import gc

# A list growing by appends: its item buffer moves from small blocks to large ones.
items = []
for i in range(400_000):
    items.append(i * 3)
print(len(items), items[0], items[131_071], items[131_072], items[-1], sum(items) % 1_000_003)

# Shrinking back below the threshold keeps the first items.
del items[1000:]
items.extend(range(10))
print(len(items), items[999], items[1000], items[-1])

# Many big lists made and dropped in turn: freed blocks are reused.
total = 0
for round_no in range(12):
    big = [round_no] * 300_000
    big[-1] = -round_no
    total += big[0] + big[150_000] + big[-1] + len(big)
    gc.collect()
print(total)

# Zeroed buffers after a big block was freed.
for size in (2_000_000, 1_500_000, 3_000_000):
    filler = bytearray(b"\xff") * size
    del filler
    gc.collect()
    z = bytearray(size)
    print(size, z.count(0) == size, z[0], z[-1])
    z2 = bytes(size)
    print(z2.count(0) == size)

# Big strs and their slices.
s = "abc" * 500_000
t = s + "xyz"
print(len(t), t[-4:], t.count("abc"))
u = t[1:]
print(len(u), u[:3])

# A large list of objects keeps them alive across collections.
class Node:
    def __init__(self, n):
        self.n = n

nodes = [Node(i) for i in range(150_000)]
gc.collect()
print(sum(n.n for n in nodes[::1000]))
