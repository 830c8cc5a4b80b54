"""Micro: Python-level calls — plain functions with positional and keyword
arguments, default values, a closure and a bound method. Usage: call.py [ITERATIONS]"""
import sys

# bench-sizes: default=1000000 quick=200000


def add(a, b):
    return a + b


def with_default(a, b=2, c=3):
    return a + b + c


def make_adder(k):
    def adder(x):
        return x + k
    return adder


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, by):
        self.n += by
        return self.n


def run(n):
    adder = make_adder(5)
    c = Counter()
    total = 0
    for i in range(n):
        total += add(i, 1)
        total += with_default(i)
        total += with_default(1, c=i)
        total += adder(i)
        total += c.bump(1)
    return total & 0xFFFFFFFF


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
print("call", n, run(n))
