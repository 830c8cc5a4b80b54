# Coroutines driven by hand and by a tiny event loop (no asyncio).
import sys


class Sleep:
    """An awaitable that suspends once, handing `n` to the loop."""

    def __init__(self, n):
        self.n = n

    def __await__(self):
        got = yield ("sleep", self.n)
        return got


def run(coro):
    """Drive one coroutine until it finishes; echo back what it yields."""
    sent = None
    steps = 0
    while True:
        try:
            req = coro.send(sent)
        except StopIteration as e:
            return e.value, steps
        steps += 1
        sent = req[1] * 10 if isinstance(req, tuple) else None


async def add(a, b):
    return a + b


async def chain(n):
    total = 0
    for i in range(n):
        total += await add(i, 1)
        r = await Sleep(i)
        total += r
    return total


print(run(chain(4)))


async def nothing():
    pass


c = nothing()
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.cr_running, c.cr_await, c.cr_frame is not None, c.cr_code.co_name)
print(c.cr_code.co_flags & 0x80 != 0)
try:
    c.send(None)
except StopIteration as e:
    print("stop", e.value, e.args)
print(c.cr_frame)
for how in ("send", "throw"):
    try:
        if how == "send":
            c.send(None)
        else:
            c.throw(ValueError("x"))
    except RuntimeError as e:
        print(how, "->", e)
c.close()


async def fails():
    await add(1, 2)
    raise KeyError("boom")


try:
    run(fails())
except KeyError as e:
    print("KeyError", e)


# send a non-None value to a fresh coroutine
c = chain(1)
try:
    c.send(5)
except TypeError as e:
    print(e)
c.close()

# __await__ and the coroutine_wrapper
c = chain(2)
w = c.__await__()
print(type(w).__name__, iter(w) is w)
print(next(w))
print(w.send(3))
try:
    w.send(4)
except StopIteration as e:
    print("wrapper done", e.value)


# awaiting things that are not awaitable
async def bad(x):
    return await x


for x in (1, "s", None):
    try:
        run(bad(x))
    except TypeError as e:
        print(e)


class BadAwait:
    def __await__(self):
        return 42


made = []


class CoroAwait:
    def __await__(self):
        made.append(nothing())
        return made[-1]


for x in (BadAwait(), CoroAwait()):
    try:
        run(bad(x))
    except TypeError as e:
        print(e)
made[0].close()


# a coroutine cannot be awaited twice
async def twice():
    c = add(1, 1)
    a = await c
    b = await c
    return a, b


try:
    run(twice())
except RuntimeError as e:
    print(e)


# throw into a coroutine suspended in an await
async def catcher():
    try:
        await Sleep(1)
    except ValueError as e:
        return "caught " + str(e)


c = catcher()
print(c.send(None))
try:
    c.throw(ValueError("v"))
except StopIteration as e:
    print(e.value)

# close runs finally blocks
log = []


async def fin():
    try:
        await Sleep(1)
    finally:
        log.append("finally")


c = fin()
c.send(None)
print(c.cr_suspended, type(c.cr_await).__name__)
c.close()
print(log, c.cr_frame)


# ignoring GeneratorExit
stop = []


async def stubborn():
    while not stop:
        try:
            await Sleep(0)
        except GeneratorExit:
            pass
    return "over"


c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print(e)
stop.append(1)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)


# StopIteration inside a coroutine
async def stopper():
    raise StopIteration(3)


try:
    run(stopper())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)

# re-entrancy
async def reenter():
    me.send(None)


me = reenter()
try:
    me.send(None)
except ValueError as e:
    print(e)

c = add(1, 2)
print(repr(c).startswith("<coroutine object add at 0x"))
c.close()


async def is_awaited_already():
    c = chain(1)
    c.send(None)
    await c


try:
    run(is_awaited_already())
except RuntimeError as e:
    print(e)
sys.stdout.flush()
