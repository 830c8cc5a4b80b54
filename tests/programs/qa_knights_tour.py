# knight's tour (Warnsdorff) and n-queens counting with bitmasks
def knights_tour(n, start=(0, 0)):
    moves = [(2, 1), (1, 2), (-1, 2), (-2, 1), (-2, -1), (-1, -2), (1, -2), (2, -1)]
    board = [[0] * n for _ in range(n)]
    r, c = start
    board[r][c] = 1
    def options(r, c):
        return [(r + dr, c + dc) for dr, dc in moves
                if 0 <= r + dr < n and 0 <= c + dc < n and not board[r + dr][c + dc]]
    for step in range(2, n * n + 1):
        opts = options(r, c)
        if not opts:
            return None
        r, c = min(opts, key=lambda p: (len(options(*p)), p))
        board[r][c] = step
    return board
b = knights_tour(6)
for row in b:
    print(" ".join(f"{v:2d}" for v in row))
print(sum(map(sum, b)) == 36 * 37 // 2)
def queens(n):
    full = (1 << n) - 1
    count = 0
    def place(cols, d1, d2):
        nonlocal count
        if cols == full:
            count += 1
            return
        free = full & ~(cols | d1 | d2)
        while free:
            bit = free & -free
            free ^= bit
            place(cols | bit, ((d1 | bit) << 1) & full, (d2 | bit) >> 1)
    place(0, 0, 0)
    return count
print([queens(n) for n in range(1, 10)])
def first_solution(n):
    sol = []
    def bt(row, cols, d1, d2):
        if row == n:
            return True
        for c in range(n):
            if c in cols or row - c in d1 or row + c in d2:
                continue
            sol.append(c)
            if bt(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c}):
                return True
            sol.pop()
        return False
    bt(0, frozenset(), frozenset(), frozenset())
    return sol
s8 = first_solution(8)
print(s8)
for c in s8:
    print("".join("Q" if i == c else "." for i in range(8)))
print(bin(0b1011 & -0b1011), (-8) & 0xF, ~0 & 0xFF, (1 << 70) >> 68, -1 >> 5, -(1 << 65) >> 64)
