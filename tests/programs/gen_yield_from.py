# yield from: delegation, return values, send/throw forwarding.
def inner(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("  inner got", got)
    return f"inner({n}) done"
def outer():
    r1 = yield from inner(2)
    print("  r1 =", r1)
    r2 = yield from inner(3)
    print("  r2 =", r2)
    return r1 + " & " + r2
g = outer()
print(list(g))
g = outer()
print(next(g), g.send("hello"), next(g), g.send("world"))
try:
    while True:
        next(g)
except StopIteration as e:
    print("outer returned:", e.value)
def flatten(x):
    if isinstance(x, (list, tuple)):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, (3, [4, 5]), []], [[[6]]], 7])))
def from_iterables():
    yield from "ab"
    yield from [1, 2]
    yield from range(3, 5)
    yield from {"k": 1}
    yield from (x * 10 for x in range(2))
print(list(from_iterables()))
def thrower():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("  thrower caught", repr(e))
        yield "after-catch"
    finally:
        print("  thrower finally")
def delegator():
    result = yield from thrower()
    print("  delegator sees return", result)
    yield "delegator-end"
d = delegator()
print(next(d), d.throw(KeyError("x")), next(d))
d2 = delegator()
next(d2)
d2.close()
print("closed delegation")
def tree(depth):
    if depth == 0:
        return 1
    left = yield from tree(depth - 1)
    yield depth
    right = yield from tree(depth - 1)
    return left + right
t = tree(3)
out = []
try:
    while True:
        out.append(next(t))
except StopIteration as e:
    print(out, "leaves:", e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "xy", range(2))), list(chain()))
def stop_value():
    return (yield from [])
try:
    next(stop_value())
except StopIteration as e:
    print("empty yield from returns", e.value)
