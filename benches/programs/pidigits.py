"""Pidigits: the first N decimal digits of pi with Gibbons' unbounded spigot
algorithm, which is all big-integer arithmetic (numbers grow to thousands of digits).

Same work as the classic "pidigits" benchmark. Prints N, the last 20 digits and a
digest of all of them.

Usage: pidigits.py [DIGITS]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=5000 quick=2000


def pi_digits(count):
    # linear fractional transformation state (q r; 0 t) and index k
    q, r, t, k = 1, 0, 1, 1
    out = []
    while len(out) < count:
        # compose with the next term (k, 4k+2; 0, 2k+1)
        q, r, t = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1)
        k += 1
        if q > r:
            continue
        digit, rem = divmod(3 * q + r, t)
        if rem + q >= t:
            continue  # floor(3) and floor(4) differ: digit not settled yet
        out.append(digit)
        # extract the digit: multiply by (10, -10*digit; 0, 1)
        q, r = q * 10, (r - digit * t) * 10
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    digits = pi_digits(n)
    digest = 0
    for d in digits:
        digest = (digest * 10 + d) % 1000000007
    print("pidigits", n, "tail", "".join(str(d) for d in digits[-20:]), "digest", digest)
    print("head", "".join(str(d) for d in digits[:20]))


main()
