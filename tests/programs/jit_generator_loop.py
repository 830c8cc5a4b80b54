# Hot loops inside generators, and loops consuming generators.

def gen(n):
    acc = 0
    for i in range(n):
        acc += i * i
        if i % 10 == 9:
            yield acc

print(list(gen(100)))

def inner_loop_gen(n):
    for k in range(n):
        s = 0
        for j in range(k * 10):
            s += j
        yield s

print(sum(inner_loop_gen(30)))

def consume(n):
    total = 0
    for v in gen(n):
        total += v % 1000
    return total

print(consume(500))

def send_gen():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        for i in range(x):
            total += i

g = send_gen()
next(g)
for x in range(5, 30, 5):
    print(g.send(x))

def throw_in():
    i = 0
    while True:
        try:
            yield i
        except KeyError:
            i += 100
        i += 1

t = throw_in()
vals = [next(t) for _ in range(5)]
vals.append(t.throw(KeyError))
vals.extend(next(t) for _ in range(3))
print(vals)
