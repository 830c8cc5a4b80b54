"""Integer loops: a linear congruential generator folded into a checksum, digit sums,
and gcd by repeated remainder, all on small ints in local variables.

Usage: loop_int.py [N]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=3000000 quick=1000000


def lcg_mix(n):
    x = 12345
    total = 0
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        if x & 1024:
            total += x >> 7
        else:
            total -= i
    return total


def digit_sums(n):
    total = 0
    for i in range(n):
        v = i
        while v:
            total += v % 10
            v //= 10
    return total


def gcd_sum(n):
    total = 0
    for a in range(1, n):
        b = 7919
        x = a
        while b:
            x, b = b, x % b
        total += x
    return total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
    print(lcg_mix(n))
    print(digit_sums(n // 4))
    print(gcd_sum(n // 4))


main()
