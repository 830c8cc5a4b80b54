"""Micro: allocation — short-lived instances, tuples, lists and dicts created and
dropped in a loop (Krait's heap does not free memory yet, so this one also shows peak
memory per allocation). Usage: alloc.py [ITERATIONS]"""
import sys

# bench-sizes: default=1200000 quick=240000


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def run(n):
    total = 0
    for i in range(n):
        p = Pair(i, i + 1)
        t = (p.a, p.b, i)
        l = [i, t]
        d = {"x": l}
        total += len(d["x"]) + t[2] - p.a
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1200000
print("alloc", n, run(n))
