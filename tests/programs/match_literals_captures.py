# match: literal, capture, wildcard, value patterns, or-patterns, guards.
def http_status(code):
    match code:
        case 200:
            return "OK"
        case 301 | 302 | 307:
            return "redirect"
        case 404:
            return "not found"
        case 418:
            return "teapot"
        case n if 500 <= n < 600:
            return f"server error {n}"
        case _:
            return "unknown"
print([http_status(c) for c in [200, 302, 404, 418, 503, 999]])
def kind(x):
    match x:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case 0:
            return "zero"
        case "":
            return "empty string"
        case 1.5:
            return "one and a half"
        case -1:
            return "minus one"
        case 2 + 3j:
            return "complex"
        case b"raw":
            return "bytes"
        case str() as s if s.isdigit():
            return f"digit string {s}"
        case other:
            return f"other {other!r}"
for x in [None, True, False, 0, 0.0, "", 1.5, -1, 2 + 3j, b"raw", "42", "abc", 1, [1]]:
    print(repr(x), "->", kind(x))
class Color:
    RED = "red"
    GREEN = "green"
    BLUE = "blue"
def paint(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case Color.BLUE | "cyan":
            return "calm"
        case _:
            return "?"
print([paint(c) for c in ["red", "green", "blue", "cyan", "pink"]])
def parse_cmd(cmd):
    match cmd.split():
        case []:
            return "empty"
        case ["quit" | "exit" | "q"]:
            return "bye"
        case ["go", direction] if direction in ("north", "south", "east", "west"):
            return f"going {direction}"
        case ["go", other]:
            return f"can't go {other}"
        case ["take", *items] if items:
            return f"taking {', '.join(items)}"
        case ["say", *words]:
            return "saying " + " ".join(words)
        case [single]:
            return f"unknown single word {single}"
        case _:
            return "unparsed"
for c in ["", "quit", "q", "go north", "go up", "take lamp key", "take", "say hello there", "dance", "a b c d"]:
    print(repr(c), "->", parse_cmd(c))
x = 5
match x:
    case 1:
        print("one")
print("no case matched: fell through silently")
match 42:
    case captured:
        print("captured", captured)
print(captured)
match (1, 2):
    case (a, b) if a > b:
        print("descending")
    case (a, b):
        print("ascending", a, b)
