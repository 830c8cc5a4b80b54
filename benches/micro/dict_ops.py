"""Micro: dict get/set with int and str keys (hits, misses, updates, `in`).
Usage: dict_ops.py [ITERATIONS]"""
import sys

# bench-sizes: default=2000000 quick=400000


def run(n):
    keys = ["k%d" % i for i in range(512)]
    d = {}
    ints = {}
    hits = 0
    for i in range(n):
        k = keys[i & 511]
        d[k] = d.get(k, 0) + 1
        j = (i * 7) & 1023
        if j in ints:
            hits += ints[j]
        else:
            ints[j] = i & 15
    return len(d), sum(d.values()), hits


n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000000
print("dict_ops", n, run(n))
