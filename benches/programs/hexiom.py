"""Hexiom: solve hexagonal "Hexiom" tile puzzles by constraint propagation and search.

Same work as the classic "hexiom" benchmark: a hexagonal board, a bag of tiles numbered
0..6, and the rule that every tile shows exactly how many of its six neighbours hold
tiles. Puzzles are generated here from a deterministic LCG (a random set of occupied
cells defines the bag; a few tiles are given as fixed hints). Each cell keeps a bit set
of the values still possible (bit 7 = no tile); propagation narrows the sets from the
neighbour-count rule and from the bag's counts until nothing changes, then a
depth-first search branches on the most constrained cell. All solutions are counted.
A fixed set of six puzzles is solved REPEAT times.

Usage: hexiom.py [REPEAT]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=8 quick=1

EMPTY = 7
EMPTY_BIT = 1 << EMPTY
TILE_BITS = (1 << 7) - 1
ALL_BITS = TILE_BITS | EMPTY_BIT
PUZZLES = 6  # puzzles in the fixed set solved REPEAT times
DIRS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))
BITS = [[v for v in range(8) if m & (1 << v)] for m in range(256)]


class Lcg:
    def __init__(self, seed):
        self.s = seed

    def next(self, n):
        self.s = (self.s * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.s >> 8) % n


class Board:
    def __init__(self, side):
        cells = []
        for r in range(-side + 1, side):
            for q in range(-side + 1, side):
                if abs(q + r) < side:
                    cells.append((q, r))
        self.cells = cells
        index = {c: i for i, c in enumerate(cells)}
        self.neighbours = []
        for (q, r) in cells:
            ns = []
            for dq, dr in DIRS:
                j = index.get((q + dq, r + dr))
                if j is not None:
                    ns.append(j)
            ns.sort()
            self.neighbours.append(tuple(ns))


def make_puzzle(board, rng, hint_count):
    n = len(board.cells)
    occupied = [rng.next(100) < 72 for _ in range(n)]
    bag = [0] * 8
    values = []
    for i in range(n):
        if occupied[i]:
            v = sum(1 for j in board.neighbours[i] if occupied[j])
        else:
            v = EMPTY
        bag[v] += 1
        values.append(v)
    hints = {}
    while len(hints) < hint_count:
        i = rng.next(n)
        hints[i] = values[i]
    return bag, hints


class Contradiction(Exception):
    pass


class Solver:
    def __init__(self, board, bag, hints):
        self.nb = board.neighbours
        self.bag = bag  # bag[v] for v in 0..6 tiles, bag[7] empty cells
        self.solutions = 0
        self.nodes = 0
        self.first = None
        dom = [ALL_BITS] * len(self.nb)
        for v in range(8):
            if bag[v] == 0:
                for i in range(len(dom)):
                    dom[i] &= ~(1 << v)
        for cell, v in hints.items():
            dom[cell] = 1 << v
        self.start = dom

    def propagate(self, dom):
        nb = self.nb
        n = len(dom)
        changed = True
        while changed:
            changed = False
            # neighbour-count rule
            for i in range(n):
                d = dom[i]
                lo = 0
                hi = 0
                for j in nb[i]:
                    dj = dom[j]
                    if dj & TILE_BITS:
                        hi += 1
                        if not dj & EMPTY_BIT:
                            lo += 1
                # a tile here must show a value in lo..hi
                allowed = (((1 << (hi + 1)) - 1) & ~((1 << lo) - 1)) | EMPTY_BIT
                nd = d & allowed
                if nd == 0:
                    raise Contradiction()
                if nd != d:
                    dom[i] = nd
                    changed = True
                    d = nd
                if d & EMPTY_BIT or lo == hi:
                    continue
                # this cell is surely a tile; if its value is known, force neighbours
                vals = BITS[d]
                if len(vals) == 1:
                    v = vals[0]
                    if v == hi:
                        for j in nb[i]:
                            dj = dom[j]
                            if dj & TILE_BITS and dj & EMPTY_BIT:
                                dom[j] = dj & TILE_BITS
                                changed = True
                    elif v == lo:
                        for j in nb[i]:
                            dj = dom[j]
                            if dj & EMPTY_BIT and dj & TILE_BITS:
                                dom[j] = EMPTY_BIT
                                changed = True
            # bag counts: values already used up elsewhere, and forced placements
            for v in range(8):
                bit = 1 << v
                fixed = 0
                possible = 0
                for d in dom:
                    if d & bit:
                        possible += 1
                        if d == bit:
                            fixed += 1
                want = self.bag[v]
                if fixed > want or possible < want:
                    raise Contradiction()
                if fixed == want and possible > want:
                    for i in range(n):
                        if dom[i] & bit and dom[i] != bit:
                            dom[i] &= ~bit
                            changed = True
                elif possible == want and fixed < want:
                    for i in range(n):
                        if dom[i] & bit and dom[i] != bit:
                            dom[i] = bit
                            changed = True
        return dom

    def search(self, dom):
        self.nodes += 1
        try:
            self.propagate(dom)
        except Contradiction:
            return
        best = -1
        best_size = 9
        for i in range(len(dom)):
            size = len(BITS[dom[i]])
            if 1 < size < best_size:
                best = i
                best_size = size
                if size == 2:
                    break
        if best < 0:
            if self.valid(dom):
                self.solutions += 1
                if self.first is None:
                    self.first = [BITS[d][0] for d in dom]
            return
        for v in BITS[dom[best]]:
            child = dom[:]
            child[best] = 1 << v
            self.search(child)

    def valid(self, dom):
        vals = [BITS[d][0] for d in dom]
        for i, v in enumerate(vals):
            if v != EMPTY:
                if v != sum(1 for j in self.nb[i] if vals[j] != EMPTY):
                    return False
        return True

    def solve(self):
        self.search(self.start[:])
        return self.solutions


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    rng = Lcg(2024)
    boards = [Board(3), Board(4)]
    puzzles = []
    for k in range(PUZZLES):
        board = boards[k % 2]
        bag, hints = make_puzzle(board, rng, 1 if k % 2 == 0 else 10)
        puzzles.append((board, bag, hints))
    total_solutions = 0
    total_nodes = 0
    digest = 0
    for _ in range(repeat):
        for board, bag, hints in puzzles:
            s = Solver(board, bag, hints)
            total_solutions += s.solve()
            total_nodes += s.nodes
            for v in s.first:
                digest = (digest * 11 + v) % 1000000007
    print("hexiom", repeat, "solutions", total_solutions, "nodes", total_nodes, "digest", digest)


main()
