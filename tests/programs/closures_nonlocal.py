# Closures capturing variables; nonlocal rebinding.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
print(inc(), inc(), inc(10), get())
inc2, get2 = make_counter(100)
print(inc2(), get(), get2())
def make_accumulators():
    total = 0
    history = []
    def add(x):
        nonlocal total
        total += x
        history.append(x)
        return total
    def reset():
        nonlocal total
        old = total
        total = 0
        history.clear()
        return old
    return add, reset, lambda: (total, list(history))
add, reset, peek = make_accumulators()
for v in [5, 10, -3]:
    add(v)
print(peek(), reset(), peek())
def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed by inner"
            return x
        r = inner()
        return r, x
    res = middle()
    return res, x
print(outer())
def late_binding():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]
print(late_binding())
def cell_after_def():
    def show():
        return value
    value = "bound later"
    return show()
print(cell_after_def())
def unbound():
    def show():
        return never
    try:
        show()
    except NameError as e:
        print("NameError:", e)
    never = 1
unbound()
def shadow():
    y = 1
    def f():
        y = 2
        return y
    return f(), y
print(shadow())
def fib_gen():
    a, b = 0, 1
    def step():
        nonlocal a, b
        a, b = b, a + b
        return a
    return step
step = fib_gen()
print([step() for _ in range(15)])
def make_multipliers():
    return [lambda x, k=k: x * k for k in range(1, 6)]
print([m(3) for m in make_multipliers()])
print(inc.__closure__ is not None, len(inc.__closure__), make_counter.__closure__)
