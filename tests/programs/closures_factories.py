# Closures used as objects: memoize, bank accounts, event handlers.
def memoize(fn):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper
@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(80), len(slow_fib.cache))
def account(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            return "insufficient"
        balance -= x
        return balance
    return {"deposit": deposit, "withdraw": withdraw, "balance": lambda: balance}
acct = account(100)
print(acct["deposit"](50), acct["withdraw"](30), acct["withdraw"](500), acct["balance"]())
def event_bus():
    handlers = {}
    def on(evt):
        def register(fn):
            handlers.setdefault(evt, []).append(fn)
            return fn
        return register
    def emit(evt, *args):
        return [h(*args) for h in handlers.get(evt, [])]
    return on, emit
on, emit = event_bus()
@on("greet")
def hello(name):
    return "hello " + name
@on("greet")
def shout(name):
    return name.upper() + "!"
print(emit("greet", "ann"), emit("missing"))
def pipeline(*stages):
    def run(x):
        trace = [x]
        for s in stages:
            x = s(x)
            trace.append(x)
        return trace
    return run
print(pipeline(lambda x: x + 1, lambda x: x * x, str, len)(9))
def make_gen_counter():
    n = 0
    def gen():
        nonlocal n
        while n < 5:
            n += 1
            yield n
    return gen
g = make_gen_counter()
print(list(g()), list(g()))
def rate_limiter(limit):
    calls = []
    def allow(t):
        while calls and calls[0] <= t - 10:
            calls.pop(0)
        if len(calls) < limit:
            calls.append(t)
            return True
        return False
    return allow
allow = rate_limiter(3)
print([allow(t) for t in [0, 1, 2, 3, 9, 10, 11, 12, 13, 25]])
x = "global"
def reads_global():
    return x
def make():
    x = "enclosing"
    def f():
        return x
    return f
print(reads_global(), make()())
