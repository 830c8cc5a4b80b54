# Backtracking solvers: sudoku and N-queens.
PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""
def parse(p):
    return [[int(ch) if ch != "." else 0 for ch in line] for line in p.strip().splitlines()]
def candidates(g, r, c):
    used = set(g[r]) | {g[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {g[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [d for d in range(1, 10) if d not in used]
steps = 0
def solve(g):
    global steps
    best = None
    for r in range(9):
        for c in range(9):
            if g[r][c] == 0:
                cand = candidates(g, r, c)
                if best is None or len(cand) < len(best[2]):
                    best = (r, c, cand)
    if best is None:
        return True
    r, c, cand = best
    for d in cand:
        steps += 1
        g[r][c] = d
        if solve(g):
            return True
    g[r][c] = 0
    return False
grid = parse(PUZZLE)
print("solved:", solve(grid), "placements tried:", steps)
for i, row in enumerate(grid):
    if i and i % 3 == 0:
        print("------+-------+------")
    print(" | ".join(" ".join(map(str, row[j:j + 3])) for j in (0, 3, 6)))
ok = all(sorted(row) == list(range(1, 10)) for row in grid)
ok &= all(sorted(grid[r][c] for r in range(9)) == list(range(1, 10)) for c in range(9))
print("valid:", ok)
def queens(n):
    solutions = []
    cols, d1, d2 = set(), set(), set()
    placement = []
    def place(r):
        if r == n:
            solutions.append(placement[:])
            return
        for c in range(n):
            if c in cols or (r - c) in d1 or (r + c) in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); placement.append(c)
            place(r + 1)
            cols.remove(c); d1.remove(r - c); d2.remove(r + c); placement.pop()
    place(0)
    return solutions
for n in range(1, 9):
    sols = queens(n)
    print(f"{n}-queens: {len(sols)} solutions", sols[0] if sols else "")
first = queens(8)[0]
for c in first:
    print(" ".join("Q" if i == c else "." for i in range(8)))
