"""Hexiom: solve hexagonal "Hexiom" tile puzzles by constraint search.

Same work as the classic "hexiom" benchmark: a hexagonal board, a bag of tiles numbered
0..6, and the rule that every tile shows exactly how many of its six neighbours hold
tiles. Puzzles are generated here from a deterministic LCG (a random set of occupied
cells defines the bag; a few tiles are given as fixed hints), then solved by a
depth-first search that keeps per-cell candidate sets and propagates neighbour-count
bounds. The search counts all solutions of each puzzle.

Usage: hexiom.py [PUZZLES]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

EMPTY = 7  # marker for "no tile"
UNDECIDED = -1
DIRS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))


class Lcg:
    def __init__(self, seed):
        self.s = seed

    def next(self, n):
        self.s = (self.s * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.s >> 8) % n


class Board:
    def __init__(self, side):
        self.side = side
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


class Puzzle:
    def __init__(self, board, bag, empties, hints):
        self.board = board
        self.bag = bag          # bag[v] = number of tiles showing v
        self.empties = empties  # number of cells without a tile
        self.hints = hints      # {cell: value or EMPTY}


def make_puzzle(board, rng, hint_count):
    n = len(board.cells)
    occupied = [rng.next(100) < 72 for _ in range(n)]
    bag = [0] * 7
    values = []
    for i in range(n):
        if occupied[i]:
            v = sum(1 for j in board.neighbours[i] if occupied[j])
            bag[v] += 1
            values.append(v)
        else:
            values.append(EMPTY)
    hints = {}
    while len(hints) < hint_count:
        i = rng.next(n)
        hints[i] = values[i]
    return Puzzle(board, bag, occupied.count(False), hints)


class Solver:
    def __init__(self, puzzle):
        self.p = puzzle
        self.nb = puzzle.board.neighbours
        n = len(self.nb)
        self.assign = [UNDECIDED] * n
        self.bag = puzzle.bag[:]
        self.empties = puzzle.empties
        self.solutions = 0
        self.nodes = 0
        self.first = None
        for cell, v in puzzle.hints.items():
            self.place(cell, v)
        self.order = [i for i in range(n) if self.assign[i] == UNDECIDED]

    def place(self, cell, v):
        self.assign[cell] = v
        if v == EMPTY:
            self.empties -= 1
        else:
            self.bag[v] -= 1

    def unplace(self, cell, v):
        self.assign[cell] = UNDECIDED
        if v == EMPTY:
            self.empties += 1
        else:
            self.bag[v] += 1

    def bounds(self, cell):
        """(occupied neighbours, undecided neighbours) of a cell."""
        occ = 0
        und = 0
        a = self.assign
        for j in self.nb[cell]:
            w = a[j]
            if w == UNDECIDED:
                und += 1
            elif w != EMPTY:
                occ += 1
        return occ, und

    def consistent(self, cell):
        """Check the count rule at `cell` and around it."""
        a = self.assign
        v = a[cell]
        if v != EMPTY:
            occ, und = self.bounds(cell)
            if v < occ or v > occ + und:
                return False
        for j in self.nb[cell]:
            w = a[j]
            if w != UNDECIDED and w != EMPTY:
                occ, und = self.bounds(j)
                if w < occ or w > occ + und:
                    return False
        return True

    def candidates(self, cell):
        occ, und = self.bounds(cell)
        out = []
        for v in range(occ, occ + und + 1):
            if v < 7 and self.bag[v] > 0:
                out.append(v)
        if self.empties > 0:
            out.append(EMPTY)
        return out

    def search(self, depth):
        self.nodes += 1
        if depth == len(self.order):
            self.solutions += 1
            if self.first is None:
                self.first = self.assign[:]
            return
        # choose the undecided cell with the fewest candidates (first in order on ties)
        best = -1
        best_cands = None
        for cell in self.order:
            if self.assign[cell] == UNDECIDED:
                cands = self.candidates(cell)
                if best_cands is None or len(cands) < len(best_cands):
                    best = cell
                    best_cands = cands
                    if len(cands) <= 1:
                        break
        for v in best_cands:
            self.place(best, v)
            if self.consistent(best):
                self.search(depth + 1)
            self.unplace(best, v)

    def solve(self):
        for cell in list(self.p.hints):
            if not self.consistent(cell):
                return 0
        self.search(0)
        return self.solutions


def render(board, assign):
    return "".join("." if v == EMPTY else str(v) for v in assign)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    rng = Lcg(2024)
    boards = [Board(3), Board(4)]
    total_solutions = 0
    total_nodes = 0
    digest = 0
    for k in range(count):
        board = boards[k % 2]
        puzzle = make_puzzle(board, rng, 3 + k % 3)
        s = Solver(puzzle)
        sols = s.solve()
        total_solutions += sols
        total_nodes += s.nodes
        for ch in render(board, s.first):
            digest = (digest * 33 + ord(ch)) % 1000000007
    print("hexiom", count, "solutions", total_solutions, "nodes", total_nodes, "digest", digest)


main()
