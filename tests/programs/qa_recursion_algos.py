# recursion: memo fib, permutations, flood fill, hanoi, subsets
memo = {0: 0, 1: 1}
def fib(n):
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(200))
print([fib(i) for i in range(20)])

def perms(seq):
    if len(seq) <= 1:
        return [seq]
    out = []
    for i in range(len(seq)):
        for p in perms(seq[:i] + seq[i + 1:]):
            out.append(seq[i:i + 1] + p)
    return out
print(perms("abc"))
print(len(perms(list(range(6)))), perms([1, 2, 3])[-1], perms((1, 2))[0])

def subsets(s):
    if not s:
        return [[]]
    rest = subsets(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(sorted(subsets([1, 2, 3]), key=lambda x: (len(x), x)))

grid = [list(r) for r in [
    "..##......",
    ".#..#.###.",
    ".#..#.#.#.",
    "..##..###.",
    "..........",
    "####.#####",
    "...#.#....",
]]
def flood(g, r, c, ch):
    if r < 0 or r >= len(g) or c < 0 or c >= len(g[0]):
        return 0
    if g[r][c] != ".":
        return 0
    g[r][c] = ch
    return 1 + flood(g, r + 1, c, ch) + flood(g, r - 1, c, ch) + flood(g, r, c + 1, ch) + flood(g, r, c - 1, ch)
sizes = []
label = "a"
for r in range(len(grid)):
    for c in range(len(grid[0])):
        if grid[r][c] == ".":
            sizes.append((label, flood(grid, r, c, label)))
            label = chr(ord(label) + 1)
print(sizes)
print("\n".join("".join(row) for row in grid))

moves = []
def hanoi(n, a, b, c):
    if n:
        hanoi(n - 1, a, c, b)
        moves.append((a, c))
        hanoi(n - 1, b, a, c)
hanoi(10, "A", "B", "C")
print(len(moves), moves[:5], moves[-1])

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(3, 3))

def flatten(x):
    if isinstance(x, (list, tuple)):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, (3, [4, [5, []]]), 6], [[[7]]]])))

def depth(x):
    return 1 + max(map(depth, x), default=0) if isinstance(x, list) else 0
print(depth([1, [2, [3, [4]]], []]))
def power_set_gen(s, i=0, cur=()):
    if i == len(s):
        yield cur
        return
    yield from power_set_gen(s, i + 1, cur)
    yield from power_set_gen(s, i + 1, cur + (s[i],))
print(list(power_set_gen("xyz")))
def binsearch(a, x, lo=0, hi=None):
    if hi is None:
        hi = len(a)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if a[mid] == x:
        return mid
    return binsearch(a, x, mid + 1, hi) if a[mid] < x else binsearch(a, x, lo, mid)
print([binsearch(list(range(0, 100, 3)), v) for v in (0, 3, 50, 51, 99, 100)])
