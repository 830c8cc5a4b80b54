# match: sequence and mapping patterns, nested, star captures, as-patterns.
def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x},{y}"
        case [0, *rest]:
            return f"starts with zero, rest {rest}"
        case [first, *_, last]:
            return f"first {first} last {last}"
    return "?"
for v in [[], [1], (1, 2), [0, 1, 2, 3], [5, 6, 7, 8], range(3), "str", {"k": 1}]:
    print(repr(v), "->", seq(v))
def shape(p):
    match p:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"on y axis at {y}"
        case (x, 0):
            return f"on x axis at {x}"
        case (x, y) if x == y:
            return f"diagonal {x}"
        case (x, y, z):
            return f"3d {x},{y},{z}"
        case (x, y):
            return f"point {x},{y}"
        case _:
            return "not a point"
print([shape(p) for p in [(0, 0), (0, 5), (3, 0), (2, 2), (1, 2, 3), [4, 5], (1,), "xy"]])
def event(e):
    match e:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return f"key {k}"
        case {"type": "key", "key": k}:
            return f"special key {k}"
        case {"type": "scroll", **rest}:
            return f"scroll with {sorted(rest.items())}"
        case {"type": t}:
            return f"unhandled {t}"
        case {}:
            return "no type"
    return "not a mapping"
for e in [{"type": "click", "pos": (1, 2)}, {"type": "key", "key": "a"}, {"type": "key", "key": "Enter"},
          {"type": "scroll", "dy": -3, "dx": 0}, {"type": "resize", "w": 10}, {"other": 1}, [1, 2], {"type": "click", "pos": "bad"}]:
    print(e, "->", event(e))
def nested(data):
    match data:
        case {"user": {"name": str(name), "roles": [*roles]}} if "admin" in roles:
            return f"admin {name}"
        case {"user": {"name": name, "roles": [first, *_]}}:
            return f"user {name} first role {first}"
        case {"user": {"name": name}}:
            return f"user {name} without roles"
        case [("pair", a, b) as p, *others]:
            return f"pair list starting {p} with {len(others)} more, sum {a + b}"
        case _:
            return "unknown"
print(nested({"user": {"name": "ann", "roles": ["dev", "admin"]}}))
print(nested({"user": {"name": "bob", "roles": ["dev"]}}))
print(nested({"user": {"name": "cy", "roles": []}}))
print(nested({"user": {"name": "di"}}))
print(nested([("pair", 1, 2), 3, 4]))
print(nested([]))
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d] as inner] as middle]:
        print(a, b, c, d, inner, middle)
match {"a": 1, "b": 2, "c": 3}:
    case {"a": 1, **others}:
        print("others", others)
match (1, "x", 2.5):
    case (int() | float() as n, str() as s, float(f)):
        print(n, s, f)
