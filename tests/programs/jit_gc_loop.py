# Traced loops that allocate enough to collect garbage while the trace runs.

def churn(n):
    keep = []
    total = 0
    for i in range(n):
        s = "x" * (i % 50)
        l = [i, s, (i, i + 1)]
        total += len(l[1]) + l[2][1]
        if i % 1000 == 0:
            keep.append(l)
    return total, len(keep), keep[-1][0]

print(churn(100000))

class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt

def linked(n):
    head = None
    for i in range(n):
        head = Node(i, head if i % 100 else None)
    s = 0
    while head is not None:
        s += head.v
        head = head.nxt
    return s

print(linked(50000))

def big_ints(n):
    x = 2**100
    acc = 0
    for i in range(n):
        acc = (acc + x * i) % (2**90 + 7)
    return acc

print(big_ints(20000))
