# Inner loops that make one trip each time they are reached: the JIT gives them up and
# records the loops around them through their iterations.
def nest1(n):
    total = 0
    for a in range(1, n):
        b = 1
        while b:
            b -= 1
            total += a
    return total


def nest_mixed(n):
    total = 0
    for a in range(n):
        k = a % 3 == 0
        while k:
            k = False
            total += a
        for c in range(1):
            total -= c
    return total


print(nest1(20000))
print(nest_mixed(20000))
