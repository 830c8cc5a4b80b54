# Nested loops over ranges with integer arithmetic.
def count_lattice(n):
    count = 0
    for x in range(-n, n + 1):
        for y in range(-n, n + 1):
            if x * x + y * y <= n * n:
                count += 1
    return count
for n in (10, 50, 200, 450, 700):
    print("lattice points in circle r=%d: %d" % (n, count_lattice(n)))
def triples(limit):
    found = 0
    total = 0
    for a in range(1, limit):
        for b in range(a, limit):
            c2 = a * a + b * b
            c = int(c2 ** 0.5)
            if c < limit and c * c == c2:
                found += 1
                total += a + b + c
    return found, total
print("pythagorean triples < 700:", triples(700))
def mult_table_checksum(n):
    s = 0
    for i in range(1, n + 1):
        for j in range(1, n + 1):
            s = (s * 31 + i * j) % 1000000007
    return s
print("table checksum:", mult_table_checksum(300))
def divisor_sums(n):
    sums = [0] * (n + 1)
    for d in range(1, n + 1):
        for m in range(d, n + 1, d):
            sums[m] += d
    return sums
ds = divisor_sums(60000)
perfect = [i for i in range(2, len(ds)) if ds[i] - i == i]
amicable = [i for i in range(2, len(ds)) if ds[i] - i < len(ds) and ds[i] - i != i and ds[ds[i] - i] - (ds[i] - i) == i]
print("perfect:", perfect, "amicable:", amicable[:10])
