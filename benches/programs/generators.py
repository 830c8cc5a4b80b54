"""Generators: generator-heavy code — recursive tree traversal with `yield from`,
pipelines of generator stages, generator expressions, and coroutines driven by send().

Same work as the classic "generators" benchmark (recursive tree walks through nested
generators) widened with the other ways Python programs use generators. ROUNDS is the
number of times the whole set runs; the checksum adds up what the generators produced.

Usage: generators.py [ROUNDS]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=150 quick=20


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid), mid, build(mid + 1, hi))


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(src):
    for x in src:
        yield x * x


def keep_odd(src):
    for x in src:
        if x & 1:
            yield x


def running_sum(src):
    total = 0
    for x in src:
        total += x
        yield total


def averager():
    """A coroutine: send numbers in, get the running average (as a fraction) out."""
    total = 0
    count = 0
    result = None
    while True:
        x = yield result
        total += x
        count += 1
        result = (total, count)


def chunks(src, size):
    buf = []
    for x in src:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf


def one_round(tree, n):
    check = 0
    for v in tree:
        check += v
    last = 0
    for last in running_sum(keep_odd(squares(numbers(n)))):
        pass
    check += last % 1000003
    check += sum(x * 3 for x in range(n) if x % 3 != 1)
    avg = averager()
    next(avg)
    for x in range(0, n, 7):
        total, count = avg.send(x)
    check += total // count
    for chunk in chunks(numbers(n), 16):
        check += chunk[-1] - chunk[0]
    return check


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    tree = build(0, 5000)
    check = 0
    for _ in range(rounds):
        check += one_round(tree, 5000)
    print("generators", rounds, "check", check)


main()
