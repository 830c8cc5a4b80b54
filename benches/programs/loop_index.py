"""Indexing loops over lists: a sieve of Eratosthenes, prefix sums, a histogram and an
in-place bubble pass, all reading and storing list elements by index.

Usage: loop_index.py [N]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=2000000 quick=600000


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    count = 0
    for k in range(n + 1):
        if flags[k]:
            count += 1
    return count


def prefix_sums(n):
    data = [0] * n
    for i in range(n):
        data[i] = (i * 7919) % 1000
    out = [0] * n
    out[0] = data[0]
    for i in range(1, n):
        out[i] = out[i - 1] + data[i]
    return out[n - 1]


def histogram(n):
    counts = [0] * 64
    x = 1
    for i in range(n):
        x = (x * 75 + 74) % 65537
        counts[x & 63] += 1
    best = 0
    for k in range(64):
        if counts[k] > counts[best]:
            best = k
    return best, counts[best]


def bubble_passes(n):
    data = [(i * 7919) % 1009 for i in range(n)]
    swaps = 0
    for _ in range(3):
        for i in range(n - 1):
            a = data[i]
            b = data[i + 1]
            if a > b:
                data[i] = b
                data[i + 1] = a
                swaps += 1
    return swaps, data[n - 1]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000000
    print(sieve(n))
    print(prefix_sums(n))
    print(histogram(n))
    print(bubble_passes(n // 4))


main()
