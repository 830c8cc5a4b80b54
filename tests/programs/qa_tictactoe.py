# tic-tac-toe simulation with minimax
WIN = [(0,1,2),(3,4,5),(6,7,8),(0,3,6),(1,4,7),(2,5,8),(0,4,8),(2,4,6)]

class Board:
    def __init__(self, cells=None):
        self.cells = list(cells) if cells else [" "] * 9
    def __str__(self):
        rows = []
        for r in range(3):
            rows.append(" " + " | ".join(self.cells[r*3:r*3+3]))
        return "\n---+---+---\n".join(rows)
    def moves(self):
        return [i for i, c in enumerate(self.cells) if c == " "]
    def winner(self):
        for a, b, c in WIN:
            if self.cells[a] != " " and self.cells[a] == self.cells[b] == self.cells[c]:
                return self.cells[a]
        return None
    def full(self):
        return " " not in self.cells
    def play(self, i, p):
        if self.cells[i] != " ":
            raise ValueError(f"cell {i} taken by {self.cells[i]}")
        nb = Board(self.cells)
        nb.cells[i] = p
        return nb

cache = {}
def minimax(board, player):
    key = ("".join(board.cells), player)
    if key in cache:
        return cache[key]
    w = board.winner()
    if w:
        res = (1 if w == "X" else -1, None)
    elif board.full():
        res = (0, None)
    else:
        best = None
        for m in board.moves():
            score, _ = minimax(board.play(m, player), "O" if player == "X" else "X")
            if best is None or (player == "X" and score > best[0]) or (player == "O" and score < best[0]):
                best = (score, m)
        res = best
    cache[key] = res
    return res

b = Board()
player = "X"
turn = 0
while not b.winner() and not b.full():
    score, move = minimax(b, player)
    b = b.play(move, player)
    turn += 1
    print(f"turn {turn}: {player} -> {move} (score {score:+d})")
    player = "O" if player == "X" else "X"
print(b)
print("winner:", b.winner() or "draw", "cache size:", len(cache))
b2 = Board("XX OO    ")
print(minimax(b2, "X"), minimax(b2, "O"))
try:
    b2.play(0, "O")
except ValueError as e:
    print("error:", e)
scores = {}
for m in Board().moves():
    s, _ = minimax(Board().play(m, "X"), "O")
    scores[m] = s
print(scores)
