# Loops whose runs make one trip (or none, or a few) inside hot loops: the JIT gives
# them up and records the loops around them through their iterations; for loops that
# end an outer loop's body exit straight to its header.


def one_trip_while(n):
    total = 0
    for a in range(n):
        b = 1
        while b:
            b -= 1
            total += a
    return total


def varying_trips(n):
    # 0, 1 or 2 trips by turns, and now and then many: the unrolled path's guards fail.
    total = 0
    for a in range(n):
        k = a % 3 if a % 97 else 9
        while k:
            k -= 1
            total += k * a
    return total


def last_statement_for(n, m):
    # The inner for is the outer body's last statement: its exit goes to the outer header.
    grid = [[0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            grid[i][j] = i * m + j
    s = 0
    for row in grid:
        for x in row:
            s += x
    return s, grid[n - 1][m - 1]


def one_item_fors(n):
    total = 0.0
    items = [(1.5,)]
    for a in range(n):
        for c in range(1):
            total += c + a
        for (x,) in items:
            total += x
    return total


def three_levels(n):
    count = 0
    for a in range(n):
        for b in range(a % 2):
            for c in range(1):
                count += a + b + c
    return count


def break_and_else(n):
    found = 0
    missed = 0
    for a in range(n):
        for d in range(2, 3):
            if a % d == 0:
                found += 1
                break
        else:
            missed += 1
    return found, missed


def growing(n):
    # Inner runs start short and get long: the give-up must not make results wrong.
    total = 0
    for a in range(n):
        j = 0
        while j < a // 50:
            total += j
            j += 1
    return total


def overflow_in_unrolled(n):
    x = 2**40
    out = []
    for a in range(n):
        b = 1
        while b:
            b = 0
            x = x * 3 if a % 40 == 39 else x + a
        if a % 100 == 99:
            out.append(x % 1000003)
    return out


print(one_trip_while(5000))
print(varying_trips(5000))
print(last_statement_for(300, 7))
print(one_item_fors(3000))
print(three_levels(4000))
print(break_and_else(3000))
print(growing(2000))
print(overflow_in_unrolled(1000))
