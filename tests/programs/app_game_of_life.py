# Conway's Game of Life on a small torus, with pattern detection.
def parse(pattern):
    return {(r, c) for r, line in enumerate(pattern.strip().splitlines()) for c, ch in enumerate(line) if ch == "#"}
def step(cells, rows, cols):
    counts = {}
    for r, c in cells:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = ((r + dr) % rows, (c + dc) % cols)
                    counts[key] = counts.get(key, 0) + 1
    return {p for p, n in counts.items() if n == 3 or (n == 2 and p in cells)}
def render(cells, rows, cols):
    return "\n".join("".join("#" if (r, c) in cells else "." for c in range(cols)) for r in range(rows))
def normalize(cells):
    if not cells:
        return frozenset()
    mr = min(r for r, _ in cells)
    mc = min(c for _, c in cells)
    return frozenset((r - mr, c - mc) for r, c in cells)
glider = parse("""
.#.
..#
###
""")
rows, cols = 8, 10
cells = glider
for gen in range(5):
    print(f"generation {gen}, population {len(cells)}")
    print(render(cells, rows, cols))
    cells = step(cells, rows, cols)
print("glider shape repeats after 4 steps:", normalize(glider) == normalize(step(step(step(step(glider, 20, 20), 20, 20), 20, 20), 20, 20)))
blinker = parse("###")
b = {(r + 2, c + 1) for r, c in blinker}
history = []
for gen in range(4):
    history.append(sorted(b))
    b = step(b, 6, 6)
print("blinker period 2:", history[0] == history[2], history[1] == history[3], history[0] != history[1])
rpent = parse("""
.##
##.
.#.
""")
cells = {(r + 15, c + 15) for r, c in rpent}
pops = []
for gen in range(60):
    pops.append(len(cells))
    cells = step(cells, 40, 40)
print("r-pentomino populations:", pops)
seen = {}
cells = parse("""
##..
##..
..##
..##
""")
for gen in range(10):
    key = frozenset(cells)
    if key in seen:
        print(f"beacon cycle detected: generation {gen} equals {seen[key]}")
        break
    seen[key] = gen
    cells = step(cells, 8, 8)
