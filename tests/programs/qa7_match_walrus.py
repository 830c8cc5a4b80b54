def describe(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            return f"moving {d}"
        case ["take", item, *rest] if rest:
            return f"taking {item} and {len(rest)} more"
        case ["take", item]:
            return f"taking {item}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "nothing"
        case [verb, *_]:
            return f"unknown verb {verb!r}"
for c in ["go north", "go up", "take lamp", "take a b c", "exit", "", "dance now"]:
    print(f"{c!r:14} -> {describe(c)}")
def shape(obj):
    match obj:
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"type": "rect", "w": w, "h": h} if w == h:
            return f"square {w}"
        case {"type": "rect", **rest}:
            return f"rect {rest}"
        case (x, y):
            return f"point {x},{y}"
        case int() | float() as n if n < 0:
            return "negative"
        case str(s):
            return f"string {s.upper()}"
        case _:
            return "?"
for o in [{"type": "circle", "r": 2}, {"type": "rect", "w": 3, "h": 3}, {"type": "rect", "w": 1, "h": 2},
          (1, 2), [3, 4], -5, -0.5, "hi", None, 7]:
    print(shape(o))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0): return "origin"
        case Point(0, y): return f"on y axis at {y}"
        case Point(x, 0): return f"on x axis at {x}"
        case Point(x=x, y=y) if x == y: return "diagonal"
        case Point(): return "elsewhere"
print([where(Point(*c)) for c in [(0, 0), (0, 5), (3, 0), (2, 2), (1, 3)]])
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"long list ({n})")
print([y for x in data if (y := x * x) > 10])
import re
lines = ["key=value", "junk", "a=1"]
print([m.groups() for line in lines if (m := re.match(r"(\w+)=(\w+)", line))])
total = 0
while (chunk := data[total:total + 2]):
    print(chunk); total += 2
match 42:
    case 0: pass
    case x if x > 100: pass
print("no match falls through")
match {"k": 1}:
    case {"k": str()}:
        print("str")
    case {"k": int() as v}:
        print("int", v)
