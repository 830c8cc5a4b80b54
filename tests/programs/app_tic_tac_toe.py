# Tic-tac-toe with a minimax AI playing against itself and against a scripted player.
LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]
def winner(b):
    for a, c, d in LINES:
        if b[a] != " " and b[a] == b[c] == b[d]:
            return b[a]
    return "draw" if " " not in b else None
def show(b):
    rows = [" | ".join(b[r * 3:r * 3 + 3]) for r in range(3)]
    return "\n---------\n".join(rows)
nodes = 0
memo = {}
def minimax(b, player):
    global nodes
    key = ("".join(b), player)
    if key in memo:
        return memo[key]
    nodes += 1
    w = winner(b)
    if w == "X":
        return (1, None)
    if w == "O":
        return (-1, None)
    if w == "draw":
        return (0, None)
    best = None
    for i in range(9):
        if b[i] == " ":
            b[i] = player
            score, _ = minimax(b, "O" if player == "X" else "X")
            b[i] = " "
            if best is None or (player == "X" and score > best[0]) or (player == "O" and score < best[0]):
                best = (score, i)
    memo[key] = best
    return best
board = [" "] * 9
player = "X"
while winner(board) is None:
    score, move = minimax(board, player)
    board[move] = player
    print(f"{player} plays {move} (expected outcome {score:+d})")
    player = "O" if player == "X" else "X"
print(show(board))
print("result:", winner(board), "positions evaluated:", nodes)
scripted = [4, 0, 8, 2, 6]
board = [" "] * 9
player = "O"
turn = 0
while winner(board) is None:
    if player == "O":
        move = next(m for m in scripted[turn:] + list(range(9)) if board[m] == " ")
        turn += 1
    else:
        _, move = minimax(board, "X")
    board[move] = player
    player = "O" if player == "X" else "X"
print(show(board))
print("result vs scripted player:", winner(board))
count = {"X": 0, "O": 0, "draw": 0}
def explore(b, p):
    w = winner(b)
    if w:
        count[w] += 1
        return
    for i in range(9):
        if b[i] == " ":
            b[i] = p
            explore(b, "O" if p == "X" else "X")
            b[i] = " "
explore([" "] * 9, "X")
print("all possible games:", count, sum(count.values()))
