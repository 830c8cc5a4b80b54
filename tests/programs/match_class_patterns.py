# match with class patterns, __match_args__, keyword patterns, builtin type patterns.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r
class Rect:
    def __init__(self, tl, br):
        self.tl, self.br = tl, br
def describe(shape):
    match shape:
        case Point(0, 0):
            return "point at origin"
        case Point(x=0, y=y):
            return f"point on y axis y={y}"
        case Point(x, y) if x == y:
            return f"point on diagonal {x}"
        case Point(x, y):
            return f"point {x},{y}"
        case Circle(Point(0, 0), r):
            return f"centered circle r={r}"
        case Circle(center=Point(x, y), r=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(c, r):
            return f"circle r={r} at ({c.x},{c.y})"
        case Rect(tl=Point(x1, y1), br=Point(x2, y2)):
            return f"rect {abs(x2 - x1)}x{abs(y2 - y1)}"
        case _:
            return "unknown shape"
shapes = [Point(0, 0), Point(0, 7), Point(3, 3), Point(1, 2), Circle(Point(0, 0), 5), Circle(Point(1, 1), 20),
          Circle(Point(2, 3), 1), Rect(Point(0, 0), Point(4, 3)), "nope"]
for s in shapes:
    print(describe(s))
def typed(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int(n):
            return f"int {n}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case list([x, *_]):
            return f"non-empty list starting {x}"
        case list():
            return "empty list"
        case dict(d) if not d:
            return "empty dict"
        case tuple((a, b)):
            return f"pair {a},{b}"
        case _:
            return f"other {type(v).__name__}"
for v in [True, -3, 7, 2.5, "hi", [9, 8], [], {}, (1, 2), (1, 2, 3), None]:
    print(typed(v))
class NoArgs:
    def __init__(self):
        self.a = 1
try:
    match NoArgs():
        case NoArgs(x):
            pass
except TypeError as e:
    print("TypeError:", e)
class Many:
    __match_args__ = ("a",)
    def __init__(self):
        self.a = 1
try:
    match Many():
        case Many(x, y):
            pass
except TypeError as e:
    print("TypeError:", e)
class Node:
    __match_args__ = ("value", "left", "right")
    def __init__(self, value, left=None, right=None):
        self.value, self.left, self.right = value, left, right
def tree_sum(n):
    match n:
        case None:
            return 0
        case Node(v, l, r):
            return v + tree_sum(l) + tree_sum(r)
def depth(n):
    match n:
        case Node(_, None, None):
            return 1
        case Node(_, l, r):
            return 1 + max(depth(l) if l else 0, depth(r) if r else 0)
t = Node(1, Node(2, Node(4)), Node(3, None, Node(5, Node(6))))
print(tree_sum(t), depth(t))
match Point(5, 6):
    case Point(x=5) as p:
        print("keyword only match", p.y)
