"""Spectral norm: the largest singular value of the infinite matrix
A[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), truncated to N x N, by power
iteration (10 rounds of v = A^T A u). Prints the norm to 9 decimals.

Usage: spectral_norm.py [N]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=300 quick=150


def a(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(u):
    n = len(u)
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a(i, j) * u[j]
        out.append(total)
    return out


def times_transposed(u):
    n = len(u)
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a(j, i) * u[j]
        out.append(total)
    return out


def ata_times(u):
    return times_transposed(times(u))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = ata_times(u)
        u = ata_times(v)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    print("spectral_norm", n, "%.9f" % ((vbv / vv) ** 0.5))


main()
