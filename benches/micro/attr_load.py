"""Micro: attribute loads and stores on instances (plain attributes, a class
attribute, and a method lookup). Usage: attr_load.py [ITERATIONS]"""
import sys

# bench-sizes: default=2500000 quick=500000


class Point:
    scale = 3

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return self.x + self.y


def run(n):
    p = Point(1, 2)
    q = Point(3, 4)
    total = 0
    for i in range(n):
        total += p.x + q.y + p.scale
        p.x = q.y & 255
        q.y = i & 127
        total += q.norm1()
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 2500000
print("attr_load", n, run(n))
