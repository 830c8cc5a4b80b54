# closures, nonlocal, counters
def make_counter(start=0, step=1):
    count = start
    def inc():
        nonlocal count
        count += step
        return count
    def reset():
        nonlocal count
        count = start
    inc.reset = reset
    return inc

c1 = make_counter()
c2 = make_counter(100, -5)
print(c1(), c1(), c2(), c1(), c2())
c1.reset()
print(c1())

def make_adders():
    return [lambda x, i=i: x + i for i in range(4)]
print([f(10) for f in make_adders()])

def late_binding():
    return [lambda x: x + i for i in range(4)]
print([f(10) for f in late_binding()])

def accumulator():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
acc = accumulator()
for v in [3, 4, 5]:
    print(acc(v), end=" ")
print()

print(acc.__closure__[0].cell_contents)
print(make_counter.__code__.co_freevars if hasattr(make_counter, "__code__") else None)

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())

def bank(balance):
    def deposit(amt):
        nonlocal balance
        balance += amt
        return balance
    def withdraw(amt):
        nonlocal balance
        if amt > balance:
            raise ValueError("insufficient funds")
        balance -= amt
        return balance
    def get():
        return balance
    return deposit, withdraw, get

d, w, g = bank(100)
d(50)
w(30)
try:
    w(1000)
except ValueError as e:
    print("err", e)
print(g())

x = 10
def shadow():
    x = 20
    def f():
        return x
    x = 30
    return f()
print(shadow())

def gen_closure():
    fs = []
    for i in range(3):
        def f(i=i):
            return i * i
        fs.append(f)
    return [f() for f in fs]
print(gen_closure())

def compose(*fs):
    def h(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return h
print(compose(str, lambda x: x * 2, abs)(-21))

def once(f):
    done = False
    result = None
    def w(*a):
        nonlocal done, result
        if not done:
            result = f(*a)
            done = True
        return result
    return w
o = once(lambda: print("computed") or 42)
print(o(), o())
def cell_test():
    y = 1
    def r():
        return y
    del_me = r()
    return del_me
print(cell_test())
