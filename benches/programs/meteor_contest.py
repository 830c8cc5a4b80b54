"""Meteor contest: find the ways to tile a 5 x 10 hexagonal board with ten pentahex
pieces (each used once, turned and flipped freely).

Same work as the classic "meteor_contest" benchmark: pieces are precomputed as bit masks
for every orientation and position; a depth-first search fills the lowest empty cell
first, pruning boards that leave an empty region whose size is not a multiple of five.
The search stops after SOLUTIONS solutions (each solution found also counts its
180-degree rotation, as in the original; the full search finds 2098 pairs); the
checksum gives the count and the smallest and largest solution strings.

Usage: meteor_contest.py [SOLUTIONS]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=250 quick=20

W, H = 5, 10
CELLS = W * H
# directions in "doubled" hex coordinates (column step 2 within a row)
E, W_, NE, NW, SE, SW = (2, 0), (-2, 0), (1, -1), (-1, -1), (1, 1), (-1, 1)
ROTATE = {E: NE, NE: NW, NW: W_, W_: SW, SW: SE, SE: E}
FLIP = {E: E, W_: W_, NE: SE, SE: NE, NW: SW, SW: NW}

# each piece is a walk over its cells (a step may revisit a cell to branch)
PIECES = [
    [E, E, E, SE],
    [E, NE, E, SE],
    [W_, W_, SW, SE],
    [E, E, SW, SE],
    [NW, W_, NW, SE, SW],
    [E, E, NE, W_],
    [NW, NE, NE, W_],
    [NE, SE, E, NE],
    [SE, SE, E, SE],
    [E, NW, NW, NW],
]


def cell_index(c, r):
    if r < 0 or r >= H:
        return -1
    if (c - (r & 1)) % 2 != 0:
        return -1
    x = (c - (r & 1)) // 2
    if x < 0 or x >= W:
        return -1
    return r * W + x


def walk(moves):
    c, r = 0, 0
    cells = {(0, 0)}
    for dc, dr in moves:
        c += dc
        r += dr
        cells.add((c, r))
    return cells


def orientations(moves):
    out = []
    cur = moves
    for flip in range(2):
        for rot in range(6):
            out.append(cur)
            cur = [ROTATE[m] for m in cur]
        cur = [FLIP[m] for m in cur]
    return out


def placements(moves):
    """All bit masks of the piece on the board, in every orientation and position."""
    masks = set()
    for ori in orientations(moves):
        shape = walk(ori)
        for r in range(H):
            for x in range(W):
                c0 = 2 * x + (r & 1)
                mask = 0
                for dc, dr in shape:
                    i = cell_index(c0 + dc, r + dr)
                    if i < 0:
                        mask = -1
                        break
                    mask |= 1 << i
                if mask > 0:
                    masks.add(mask)
    return sorted(masks)


def neighbours_of(i):
    r, x = divmod(i, W)
    c = 2 * x + (r & 1)
    out = []
    for dc, dr in (E, W_, NE, NW, SE, SW):
        j = cell_index(c + dc, r + dr)
        if j >= 0:
            out.append(j)
    return out


NEIGHBOURS = [neighbours_of(i) for i in range(CELLS)]
FULL = (1 << CELLS) - 1


def lowest_bit(mask):
    return (mask & -mask).bit_length() - 1


def bad_region(board):
    """True when some empty region's size is not a multiple of 5."""
    free = ~board & FULL
    while free:
        start = lowest_bit(free)
        stack = [start]
        free &= ~(1 << start)
        size = 0
        while stack:
            i = stack.pop()
            size += 1
            for j in NEIGHBOURS[i]:
                if free >> j & 1:
                    free &= ~(1 << j)
                    stack.append(j)
        if size % 5:
            return True
    return False


SYMMETRY_PIECE = 3


def rotate180(mask):
    out = 0
    for i in range(CELLS):
        if mask >> i & 1:
            out |= 1 << (CELLS - 1 - i)
    return out


class Search:
    def __init__(self, limit):
        self.limit = limit
        # by_cell[i] = [(piece, mask)] for placements whose lowest cell is i
        self.by_cell = [[] for _ in range(CELLS)]
        for p, moves in enumerate(PIECES):
            for m in placements(moves):
                # break the board's 180-degree symmetry: one piece keeps only one of
                # each pair of mutually rotated placements, and every solution found
                # is recorded together with its rotation
                if p == SYMMETRY_PIECE and rotate180(m) < m:
                    continue
                if not bad_region(m):
                    self.by_cell[lowest_bit(m)].append((p, m))
        self.found = 0
        self.smallest = None
        self.largest = None
        self.nodes = 0

    def record(self, layout):
        for s in (layout, layout[::-1]):
            self.found += 1
            if self.smallest is None or s < self.smallest:
                self.smallest = s
            if self.largest is None or s > self.largest:
                self.largest = s

    def solve(self, board, used, layout):
        if self.found >= self.limit:
            return
        self.nodes += 1
        if board == FULL:
            self.record("".join(layout))
            return
        i = lowest_bit(~board & FULL)
        for p, m in self.by_cell[i]:
            if used >> p & 1 or board & m:
                continue
            nb = board | m
            if nb != FULL and bad_region(nb):
                continue
            for j in range(CELLS):
                if m >> j & 1:
                    layout[j] = str(p)
            self.solve(nb, used | (1 << p), layout)
            if self.found >= self.limit:
                return


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    s = Search(limit)
    s.solve(0, 0, ["-"] * CELLS)
    print("meteor", limit, "found", s.found, "nodes", s.nodes)
    print("smallest", s.smallest)
    print("largest", s.largest)


main()
