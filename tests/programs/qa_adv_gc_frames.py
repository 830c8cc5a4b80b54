# values held only by frames, generators, closures and exceptions while collections happen
import sys
def deep(n, acc):
    local = [n] * 20
    junk = [str(i) for i in range(30)]
    if n == 0:
        return sum(acc[-1]) + len(junk)
    return deep(n - 1, acc + [local]) + local[0]
print(deep(400, []))
def producer():
    state = {"count": 0, "blob": "z" * 1000}
    while True:
        state["count"] += 1
        tmp = [state["blob"]] * 10
        received = yield state["count"], len(tmp)
        if received == "stop":
            return state
p = producer()
next(p)
vals = []
for i in range(5000):
    vals.append(p.send(i))
    churn = {k: [k] for k in range(20)}
try:
    p.send("stop")
except StopIteration as e:
    print(vals[-1], e.value["count"], len(e.value["blob"]))
classes = []
for i in range(300):
    C = type(f"C{i}", (object,), {"v": i, "get": lambda self, i=i: i * 2})
    classes.append(C())
    funcs = [lambda x, j=j: x + j for j in range(20)]
print(sum(c.get() for c in classes), classes[123].__class__.__name__, classes[-1].v)
def raiser(i):
    payload = list(range(i % 50))
    raise ValueError(payload)
saved = []
for i in range(4000):
    try:
        raiser(i)
    except ValueError as e:
        if i % 997 == 0:
            saved.append(e)
        filler = [[0] * 10 for _ in range(10)]
print([len(e.args[0]) for e in saved], [e.__traceback__.tb_lineno for e in saved][:2])
def make_counter():
    counts = {}
    def hit(k):
        counts[k] = counts.get(k, 0) + 1
        return counts[k]
    return hit
counters = [make_counter() for _ in range(100)]
for i in range(30000):
    counters[i % 100](i % 7)
    _ = (i, str(i), [i])
print(counters[0](0), counters[99](6), sum(c(3) for c in counters))
it = iter([[i] * 5 for i in range(1000)])
next(it)
for _ in range(50000):
    x = {"a": (1, 2), "b": "c" * 5}
print(next(it), sum(1 for _ in it))
