# Threads that allocate and collect while the others are suspended mid-work.
import threading, gc
# allocation-heavy threads with collections while others are suspended mid-work
class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt
def build(n, tag, out):
    head = None
    for i in range(n):
        head = Node((tag, i, [i] * 3), head)
        if i % 500 == 0:
            gc.collect()
    s = 0
    while head is not None:
        s += head.v[1] + len(head.v[2])
        head = head.nxt
    out.append((tag, s))
out = []
ts = [threading.Thread(target=build, args=(20000, t, out)) for t in range(4)]
[t.start() for t in ts]
build(5000, "main", out)
[t.join() for t in ts]
print(sorted(out, key=str))
