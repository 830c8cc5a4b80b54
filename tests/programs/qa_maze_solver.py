# maze solving with BFS and drawing the path
MAZE = """\
##########
#S   #   #
# ## # # #
#  #   # #
## ##### #
#      # #
# #### # #
#    #  E#
##########"""
grid = [list(row) for row in MAZE.splitlines()]
rows, cols = len(grid), len(grid[0])
def find(ch):
    for r, row in enumerate(grid):
        if ch in row:
            return r, row.index(ch)
    raise ValueError(f"{ch!r} not in maze")
start, end = find("S"), find("E")
def bfs(start, end):
    prev = {start: None}
    queue = [start]
    head = 0
    while head < len(queue):
        cur = queue[head]
        head += 1
        if cur == end:
            break
        r, c = cur
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in prev:
                prev[(nr, nc)] = cur
                queue.append((nr, nc))
    if end not in prev:
        return None, len(prev)
    path = []
    node = end
    while node:
        path.append(node)
        node = prev[node]
    return path[::-1], len(prev)
path, explored = bfs(start, end)
print("start", start, "end", end, "length", len(path) - 1, "explored", explored)
for r, c in path[1:-1]:
    grid[r][c] = "."
print("\n".join("".join(row) for row in grid))
dirs = {(0, 1): "E", (1, 0): "S", (0, -1): "W", (-1, 0): "N"}
moves = "".join(dirs[(b[0] - a[0], b[1] - a[1])] for a, b in zip(path, path[1:]))
compressed = []
for ch in moves:
    if compressed and compressed[-1][0] == ch:
        compressed[-1][1] += 1
    else:
        compressed.append([ch, 1])
print(moves, " ".join(f"{d}{n}" for d, n in compressed))
grid[3][3] = "#"
grid[5][7] = "#"
p2, ex2 = bfs(start, end)
print("after blocking:", p2 and len(p2), ex2)
try:
    find("X")
except ValueError as e:
    print("ValueError:", e)
