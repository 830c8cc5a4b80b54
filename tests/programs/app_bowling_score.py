# Ten-pin bowling score calculator with validation and frame-by-frame output.
class BowlingError(ValueError):
    pass
def parse(line):
    rolls = []
    for ch in line.replace(" ", ""):
        if ch == "X":
            rolls.append(10)
        elif ch == "/":
            if not rolls:
                raise BowlingError("spare without a first roll")
            rolls.append(10 - rolls[-1])
        elif ch == "-":
            rolls.append(0)
        elif ch.isdigit():
            rolls.append(int(ch))
        else:
            raise BowlingError(f"bad symbol {ch!r}")
    return rolls
def score(rolls):
    frames = []
    i = 0
    total = 0
    for frame in range(10):
        if i >= len(rolls):
            raise BowlingError(f"incomplete game: frame {frame + 1} missing")
        if rolls[i] == 10:
            if i + 2 >= len(rolls):
                raise BowlingError("strike bonus missing")
            total += 10 + rolls[i + 1] + rolls[i + 2]
            i += 1
        else:
            if i + 1 >= len(rolls):
                raise BowlingError("frame incomplete")
            pins = rolls[i] + rolls[i + 1]
            if pins > 10:
                raise BowlingError(f"frame {frame + 1} knocks {pins} pins")
            if pins == 10:
                if i + 2 >= len(rolls):
                    raise BowlingError("spare bonus missing")
                total += 10 + rolls[i + 2]
            else:
                total += pins
            i += 2
        frames.append(total)
    return frames
games = {
    "perfect": "XXXXXXXXXXXX",
    "all nines": "9-9-9-9-9-9-9-9-9-9-",
    "all spares": "5/5/5/5/5/5/5/5/5/5/5",
    "mixed": "X7/9-X-88/-6XXX81",
    "gutter": "--------------------",
    "dutch 200": "X1/X2/X3/X4/X5/X6/",
    "bad pins": "7 5 X X X X X X X X X X",
    "short": "XXX",
    "symbol": "XXQ",
}
for name, line in games.items():
    try:
        frames = score(parse(line))
        print(f"{name:10} {frames[-1]:3}  frames: {frames}")
    except BowlingError as e:
        print(f"{name:10} error: {e}")
print(parse("X7/9-"), parse("--"), parse("5/5"))
