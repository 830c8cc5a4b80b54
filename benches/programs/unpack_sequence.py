"""Unpack sequence: tuple and list unpacking in straight-line code.

Same work as the classic "unpack_sequence" benchmark: a loop body made of many
`a, b, c, d, e, f, g, h, i, j = seq` statements, once over a tuple and once over a
list, plus starred and nested unpacking and tuple swaps. LOOPS is the iteration count
of each loop; the checksum sums what was unpacked.

Usage: unpack_sequence.py [LOOPS]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=350000 quick=50000


def unpack_tuple(loops, seq):
    total = 0
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        total += a + j
    return total


def unpack_list(loops, seq):
    total = 0
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        total += a + j
    return total


def unpack_mixed(loops):
    total = 0
    x, y, z = 1, 2, 3
    pairs = [(1, (2, 3)), (4, (5, 6)), (7, (8, 9))]
    for _ in range(loops):
        for p, (q, r) in pairs:
            total += p * q - r
        first, *middle, last = pairs
        x, y, z = z, x, y
        x, y = y, x
        (s, t), u = (x, y), z
        head, *rest = [s, t, u, x]
        total += s + t * u - head + len(rest) + len(middle) + last[0]
    return total


def main():
    loops = int(sys.argv[1]) if len(sys.argv) > 1 else 350000
    t = tuple(range(10))
    l = list(range(100, 110))
    a = unpack_tuple(loops, t)
    b = unpack_list(loops, l)
    c = unpack_mixed(loops)
    print("unpack_sequence", loops, "tuple", a, "list", b, "mixed", c)


main()
