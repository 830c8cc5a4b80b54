"""Go: choose a move on a 9x9 Go board by Monte Carlo tree search (UCT).

Same work as the classic "go" benchmark: board squares are objects linked to their
neighbours; stones form groups tracked with union-find and pseudo-liberty counts
(capture when a group's count of stone-to-empty edges drops to zero); the empty points
live in a set with O(1) removal; a game history is replayed for each playout; random
playouts avoid filling one's own eyes and respect suicide and simple ko; a UCT tree
picks which line to explore. PLAYOUTS is the number of simulated games. Randomness
comes from an LCG defined here. The checksum gives the chosen move, the tree's visit
statistics and a digest of the last playout's final position.

Usage: go.py [PLAYOUTS]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=1000 quick=200

SIZE = 9
EMPTY, WHITE, BLACK = 0, 1, 2
PASS = -1
KOMI = 7.5
MAX_MOVES = SIZE * SIZE * 3


class Lcg:
    def __init__(self, seed):
        self.s = seed

    def below(self, n):
        self.s = (self.s * 25214903917 + 11) & 0xFFFFFFFFFFFF
        return (self.s >> 16) % n


class Square:
    def __init__(self, board, pos):
        self.board = board
        self.pos = pos
        self.color = EMPTY
        self.ref = self
        self.edges = 0  # pseudo-liberties of the group (valid at the root)
        self.neighbours = []
        self.mark = 0

    def find(self):
        sq = self
        while sq.ref is not sq:
            sq.ref = sq.ref.ref  # path halving
            sq = sq.ref
        return sq

    def place(self, color):
        board = self.board
        self.color = color
        self.ref = self
        self.edges = 0
        board.empties.remove(self.pos)
        for n in self.neighbours:
            if n.color == EMPTY:
                self.edges += 1
            else:
                n.find().edges -= 1
        for n in self.neighbours:
            if n.color == color:
                root = n.find()
                me = self.find()
                if root is not me:
                    me.edges += root.edges
                    root.ref = me
        captured = 0
        for n in self.neighbours:
            if n.color != EMPTY and n.color != color:
                root = n.find()
                if root.edges == 0:
                    captured += board.remove_group(root)
                    board.last_captured = n
        return captured

    def is_own_eye(self, color):
        for n in self.neighbours:
            if n.color != color:
                return False
        return True


class EmptySet:
    """The empty points, with O(1) add, remove and random choice."""

    def __init__(self, n):
        self.items = list(range(n))
        self.where = list(range(n))

    def add(self, pos):
        self.where[pos] = len(self.items)
        self.items.append(pos)

    def remove(self, pos):
        i = self.where[pos]
        last = self.items.pop()
        if i < len(self.items):
            self.items[i] = last
            self.where[last] = i


class Board:
    def __init__(self):
        self.squares = [Square(self, pos) for pos in range(SIZE * SIZE)]
        for sq in self.squares:
            x, y = sq.pos % SIZE, sq.pos // SIZE
            for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                nx, ny = x + dx, y + dy
                if 0 <= nx < SIZE and 0 <= ny < SIZE:
                    sq.neighbours.append(self.squares[ny * SIZE + nx])
        self.mark = 0
        self.reset()

    def reset(self):
        for sq in self.squares:
            sq.color = EMPTY
            sq.ref = sq
            sq.edges = 0
        self.empties = EmptySet(SIZE * SIZE)
        self.color = BLACK
        self.ko = None
        self.history = []
        self.passes = 0
        self.last_captured = None

    def remove_group(self, root):
        self.mark += 1
        mark = self.mark
        color = root.color
        stack = [root]
        group = []
        # collect the group: same colour, connected, same root
        first = root
        first.mark = mark
        while stack:
            sq = stack.pop()
            group.append(sq)
            for n in sq.neighbours:
                if n.color == color and n.mark != mark:
                    n.mark = mark
                    stack.append(n)
        for sq in group:
            sq.color = EMPTY
            sq.ref = sq
            self.empties.add(sq.pos)
        for sq in group:
            for n in sq.neighbours:
                if n.color != EMPTY:
                    n.find().edges += 1
        return len(group)

    def legal(self, pos, color):
        sq = self.squares[pos]
        if sq.color != EMPTY or sq is self.ko:
            return False
        # count the edges each neighbouring group loses
        roots = []
        lost = []
        for n in sq.neighbours:
            if n.color == EMPTY:
                return True
            root = n.find()
            for i in range(len(roots)):
                if roots[i] is root:
                    lost[i] += 1
                    break
            else:
                roots.append(root)
                lost.append(1)
        for i in range(len(roots)):
            root = roots[i]
            if root.color == color:
                if root.edges > lost[i]:
                    return True  # joins a group that keeps a liberty
            elif root.edges == lost[i]:
                return True  # captures
        return False

    def play(self, pos):
        color = self.color
        if pos == PASS:
            self.passes += 1
            self.ko = None
        else:
            self.passes = 0
            sq = self.squares[pos]
            self.last_captured = None
            captured = sq.place(color)
            self.ko = None
            if captured == 1 and sq.find().edges == 1:
                alone = True
                for n in sq.neighbours:
                    if n.color == color:
                        alone = False
                        break
                if alone:
                    self.ko = self.last_captured
        self.history.append(pos)
        self.color = WHITE if color == BLACK else BLACK

    def replay(self, history):
        for pos in history:
            self.play(pos)

    def random_move(self, rng):
        items = self.empties.items
        n = len(items)
        if n == 0:
            return PASS
        start = rng.below(n)
        color = self.color
        squares = self.squares
        for k in range(n):
            pos = items[(start + k) % n]
            if not squares[pos].is_own_eye(color) and self.legal(pos, color):
                return pos
        return PASS

    def useful_moves(self):
        color = self.color
        return [pos for pos in self.empties.items
                if not self.squares[pos].is_own_eye(color) and self.legal(pos, color)]

    def score(self, color):
        """Area score of `color` (komi goes to white)."""
        total = KOMI if color == WHITE else 0.0
        for sq in self.squares:
            if sq.color == color:
                total += 1
            elif sq.color == EMPTY:
                if sq.is_own_eye(color):
                    total += 1
        return total

    def digest(self):
        d = 0
        for sq in self.squares:
            d = (d * 3 + sq.color) % 1000000007
        return d


class Node:
    def __init__(self, pos, parent):
        self.pos = pos
        self.parent = parent
        self.wins = 0
        self.losses = 0
        self.untried = None
        self.children = []

    def visits(self):
        return self.wins + self.losses

    def select(self):
        best = None
        best_score = -1.0
        log_total = log(self.visits())
        for child in self.children:
            v = child.visits()
            score = child.wins / v + (2.0 * log_total / v) ** 0.5
            if score > best_score:
                best = child
                best_score = score
        return best


def log(x):
    """Natural logarithm (no math module): reduce to [1, 2), then an atanh series."""
    if x <= 0:
        raise ValueError("log of a non-positive number")
    k = 0
    x = float(x)
    while x >= 2.0:
        x /= 2.0
        k += 1
    while x < 1.0:
        x *= 2.0
        k -= 1
    y = (x - 1.0) / (x + 1.0)
    y2 = y * y
    term = y
    total = 0.0
    n = 1
    while n < 40:
        total += term / n
        term *= y2
        n += 2
    return 2.0 * total + k * 0.6931471805599453


def uct_move(board, playouts, rng):
    root = Node(PASS, None)
    sim = Board()
    for _ in range(playouts):
        sim.reset()
        sim.replay(board.history)
        node = root
        path = [root]
        # selection
        while True:
            if node.untried is None:
                node.untried = sim.useful_moves()
            if node.untried or not node.children:
                break
            node = node.select()
            sim.play(node.pos)
            path.append(node)
        # expansion
        if node.untried:
            pos = node.untried.pop(rng.below(len(node.untried)))
            child = Node(pos, node)
            node.children.append(child)
            sim.play(pos)
            node = child
            path.append(node)
        # playout
        moves = 0
        while sim.passes < 2 and moves < MAX_MOVES:
            sim.play(sim.random_move(rng))
            moves += 1
        black_wins = sim.score(BLACK) > sim.score(WHITE)
        # back-propagation: a node's wins count for the player who moved into it
        mover = board.color
        for n in path[1:]:
            if (mover == BLACK) == black_wins:
                n.wins += 1
            else:
                n.losses += 1
            mover = WHITE if mover == BLACK else BLACK
        if black_wins == (board.color == WHITE):
            root.wins += 1
        else:
            root.losses += 1
    best = None
    for child in root.children:
        if best is None or child.visits() > best.visits():
            best = child
    return best, root, sim


def main():
    playouts = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = Lcg(12345)
    board = Board()
    # a few opening moves so the search starts from a real position
    for pos in (40, 30, 50, 32, 48, 22, 58):
        board.play(pos)
    best, root, sim = uct_move(board, playouts, rng)
    x, y = best.pos % SIZE, best.pos // SIZE
    print("go", playouts, "move", "ABCDEFGHJ"[x] + str(y + 1), "visits", best.visits(),
          "wins", best.wins, "children", len(root.children), "root", root.wins, root.losses,
          "last", sim.digest(), len(sim.history))


main()
