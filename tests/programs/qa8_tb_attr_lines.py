# Tracebacks of attribute accesses and method calls split over several lines point at
# the line of the `.name`, with carets under it, as CPython 3.11 does.
import traceback, json

def show(fn):
    try:
        fn()
    except Exception:
        lines = traceback.format_exc().splitlines()
        for line in lines[3:]:
            if line.lstrip().startswith("File "):
                line = line.split(", ", 1)[1]
            print(line)
        print("-" * 20)

class Box:
    items = [1, 2]

def chain_index():
    text = "a,b,c"
    return (text.strip()
                .split(",")
                .index("x"))

def chain_attr():
    b = Box()
    return (b
            .missing)

def chain_missing_method():
    s = "abc"
    return s.upper().lower(
        ).nosuch()

def star_call():
    return dict(
        a=1,
        **{}).pop("zz")

def same_line():
    return Box().items.pop(5)

def json_encode():
    return json.dumps({"a": float("nan")}, allow_nan=False)

def builder():
    parts = []
    (parts
        .append(1))
    return (parts
            .extend(5))

def typo_method():
    name = "bob"
    return name.uper()

def unbound_local():
    print(count)
    count = 1

def nested_call():
    return len(str(int("x")))

for f in [typo_method, unbound_local, nested_call, chain_index, chain_attr, chain_missing_method, star_call, same_line, json_encode, builder]:
    show(f)
result = ("  Hello World  "
          .strip()
          .lower()
          .split(" ")
          .remove("nothere"))
