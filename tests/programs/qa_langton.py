# Langton's ant and elementary cellular automata
def langton(steps, size=11):
    grid = [[0] * size for _ in range(size)]
    r = c = size // 2
    d = 0  # 0 up 1 right 2 down 3 left
    moves = [(-1, 0), (0, 1), (1, 0), (0, -1)]
    for _ in range(steps):
        if grid[r][c] == 0:
            d = (d + 1) % 4
        else:
            d = (d - 1) % 4
        grid[r][c] ^= 1
        dr, dc = moves[d]
        r, c = (r + dr) % size, (c + dc) % size
    return grid, (r, c, d)
g, pos = langton(200)
print("\n".join("".join("#" if v else "." for v in row) for row in g))
print(pos, sum(map(sum, g)))
def rule(n):
    table = {}
    for i in range(8):
        table[((i >> 2) & 1, (i >> 1) & 1, i & 1)] = (n >> i) & 1
    return table
def run_ca(n, width=31, gens=12):
    t = rule(n)
    row = [0] * width
    row[width // 2] = 1
    out = []
    for _ in range(gens):
        out.append("".join("█" if v else " " for v in row).rstrip())
        row = [t[(row[i - 1], row[i], row[(i + 1) % width])] for i in range(width)]
    return out
for n in (30, 90, 110):
    print(f"rule {n}:")
    for line in run_ca(n):
        print("|" + line)
counts = {n: sum(sum(1 for ch in line if ch != " ") for line in run_ca(n)) for n in range(0, 256, 17)}
print(counts)
