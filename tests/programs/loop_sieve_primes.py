# Sieve of Eratosthenes and prime statistics with list indexing loops.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            j = i * i
            while j <= n:
                is_p[j] = False
                j += i
        i += 1
    return is_p
N = 1500000
flags = sieve(N)
primes = [i for i in range(N + 1) if flags[i]]
print("primes below", N, ":", len(primes))
print("last five:", primes[-5:])
twins = 0
for k in range(len(primes) - 1):
    if primes[k + 1] - primes[k] == 2:
        twins += 1
print("twin prime pairs:", twins)
gaps = {}
max_gap = (0, 0)
for k in range(1, len(primes)):
    g = primes[k] - primes[k - 1]
    gaps[g] = gaps.get(g, 0) + 1
    if g > max_gap[0]:
        max_gap = (g, primes[k - 1])
print("largest gap:", max_gap)
print("gap counts:", sorted(gaps.items())[:10])
mod4 = [0, 0, 0, 0]
for p in primes:
    mod4[p % 4] += 1
print("primes mod 4:", mod4)
def goldbach(n):
    for p in primes:
        if flags[n - p]:
            return p
    return None
print([(n, goldbach(n)) for n in range(4, 60, 2)])
