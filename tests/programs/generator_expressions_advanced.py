# Generator expressions: laziness with side effects, nesting, early termination, passing to builtins.
log = []
def src(n):
    for i in range(n):
        log.append(f"yield {i}")
        yield i
g = (x * 10 for x in src(5) if x % 2 == 0)
print("created, log:", log)
print(next(g), log)
print(list(g), log)
log.clear()
print(any(x > 2 for x in src(10)), log)
log.clear()
print(all(x < 2 for x in src(10)), log)
log.clear()
first_big = next((x for x in src(100) if x * x > 50), None)
print(first_big, len(log))
print(next((x for x in [] if x), "default when empty"))
nested = ((i, j) for i in range(3) for j in (k * 2 for k in range(i)))
print(list(nested))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(sum(x for row in matrix for x in row), max(sum(row) for row in matrix), min(min(r) for r in matrix))
print(sorted((x % 5 for x in range(12)), reverse=True), tuple(c for c in "hello" if c != "l"))
print(dict((k, v) for k, v in zip("abc", range(3))), set(x // 2 for x in range(8)))
print(",".join(str(n) for n in range(5)), "".join(ch.upper() for ch in "shout"))
it = (x for x in range(3))
print(list(zip(it, it)))
def outer_scope():
    factor = 3
    return list(x * factor for x in range(4))
print(outer_scope())
try:
    (1 / x for x in [1, 0])
    print("genexp creation does not evaluate the body")
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError on consumption:", e)
try:
    list(x for x in 5)
except TypeError as e:
    print("TypeError:", e)
gen = (i for i in range(10))
print(5 in gen, list(gen))
squares = (n * n for n in range(1, 1000000))
total = 0
for s in squares:
    if s > 10000:
        break
    total += s
print(total)
print(sum(1 for line in "a\nb\n\nc".splitlines() if line), max((len(w), w) for w in "the quick brown fox".split()))
