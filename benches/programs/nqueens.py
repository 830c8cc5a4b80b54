"""N-Queens: count placements of N non-attacking queens by brute force over all
permutations of the columns (a permutation has one queen per row and per column; it is
a solution when the two diagonal sums are all distinct, checked with sets).

Same work as the classic "nqueens" benchmark, which uses itertools.permutations; Krait
has no itertools yet, so an equivalent permutation generator is written here. The board
(N = 8 by default) is solved REPEAT times; the checksum gives the solution count and a
digest of the solutions.

Usage: nqueens.py [REPEAT] [N]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=6 quick=1


def permutations(items):
    """Yield every permutation of `items` in lexicographic index order, like
    itertools.permutations(items)."""
    pool = tuple(items)
    n = len(pool)
    indices = list(range(n))
    cycles = list(range(n, 0, -1))
    yield tuple(pool[i] for i in indices)
    while n:
        for i in reversed(range(n)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices)
                break
        else:
            return


def solutions(n):
    cols = range(n)
    for vec in permutations(cols):
        if n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols)):
            yield vec


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 6
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    count = 0
    digest = 0
    for _ in range(repeat):
        for vec in solutions(n):
            count += 1
            for c in vec:
                digest = (digest * n + c) % 1000000007
    print("nqueens", n, "x", repeat, "solutions", count, "digest", digest)


main()
