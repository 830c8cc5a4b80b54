"""Fannkuch-redux: pancake flips over every permutation of 1..N.

For each permutation (generated in the counting order of the Computer Language
Benchmarks Game), repeatedly reverse the first k elements where k is the first
element, until 1 comes first. Prints the alternating-sign checksum of flip counts and
the maximum number of flips.

Usage: fannkuch.py [REPEAT] [N]   (REPEAT runs of fannkuch(N), N=8 by default;
written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=20 quick=4


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        # count flips of this permutation
        if perm1[0] != 0:
            perm = perm1[:]
            flips = 0
            k = perm[0]
            while k != 0:
                # reverse perm[0..k]
                i = 0
                j = k
                while i < j:
                    t = perm[i]
                    perm[i] = perm[j]
                    perm[j] = t
                    i += 1
                    j -= 1
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if sign == 1 else -flips
        sign = -sign
        # next permutation: rotate prefixes
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    total = 0
    for _ in range(repeat):
        checksum, flips = fannkuch(n)
        total += checksum
    print("fannkuch", n, "x", repeat, "checksum", checksum, "maxflips", flips, "total", total)


main()
