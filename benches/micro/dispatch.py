"""Micro: the interpreter's dispatch loop — a while loop of cheap integer statements
(compare, add, and, xor, branch) on locals. Usage: dispatch.py [ITERATIONS]"""
import sys

# bench-sizes: default=4000000 quick=800000


def run(n):
    i = 0
    a = 1
    b = 0
    while i < n:
        a = (a + i) & 0xFFFF
        if a & 1:
            b ^= a
        else:
            b += 1
        i += 1
    return a, b


n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000000
print("dispatch", n, run(n))
