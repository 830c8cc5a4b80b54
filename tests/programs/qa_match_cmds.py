# match statement: command interpreter
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r

def describe(obj):
    match obj:
        case None:
            return "none"
        case True | False as b:
            return f"bool {b}"
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int() | float() as num:
            return f"number {num}"
        case "":
            return "empty string"
        case str(s) if s.isdigit():
            return f"digit string {s}"
        case str():
            return f"string {obj!r}"
        case []:
            return "empty list"
        case [x]:
            return f"singleton {x}"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *middle, last]:
            return f"seq first={first} mid={middle} last={last}"
        case {"type": "user", "name": name, **rest}:
            return f"user {name} extra={rest}"
        case {"type": t}:
            return f"typed {t}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x, y):
            return f"point {x},{y}"
        case Circle(Point(x, y), r=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(c, r):
            return f"circle r={r}"
        case _:
            return "unknown " + type(obj).__name__

tests = [None, True, 0, -5, 7, 2.5, "", "123", "abc", [], [1], (1, 2), [1, 2, 3, 4],
         {"type": "user", "name": "ann", "age": 3}, {"type": "admin"}, {"x": 1},
         Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2), Circle(Point(1, 1), 20),
         Circle(Point(1, 1), 2), {1, 2}, "x" * 3, range(2), b"ab"]
for t in tests:
    print(describe(t))

def run(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            return f"going {d}"
        case ["go", d]:
            return f"can't go {d}"
        case ["take", *items] if items:
            return "taking " + " and ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb}"
        case []:
            return "nothing"
for c in ["go north", "go up", "take sword shield", "take", "exit", "dance now", ""]:
    print(repr(c), "->", run(c))

def lit(v):
    match v:
        case 1.0:
            return "one-ish"
        case -1:
            return "minus one"
        case 1+2j:
            return "complex"
        case "a" "b":
            return "ab"
        case (1, 2) | [3, 4]:
            return "12 or 34"
    return "no match"
print([lit(x) for x in [1, True, 1.0, -1, 1+2j, "ab", (1, 2), [3, 4], (3, 4)]])
import sys
match sys.version_info[:1]:
    case (3,):
        print("python 3")
