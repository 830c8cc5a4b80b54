# Async generators, async for, async with and async comprehensions with a tiny loop.


class Tick:
    def __await__(self):
        v = yield "tick"
        return v


def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value, ticks
        ticks += 1


async def agen(n):
    for i in range(n):
        await Tick()
        yield i * i
    print("agen end")


async def consume():
    out = []
    async for v in agen(4):
        out.append(v)
    else:
        out.append("else")
    return out


print(run(consume()))


async def comp():
    a = [v async for v in agen(3)]
    b = {v: v + 1 async for v in agen(3) if v}
    c = {v async for v in agen(3)}
    d = [await Tick() for _ in range(2)]
    e = [x + y async for x in agen(2) for y in range(2)]
    g = (v * 2 async for v in agen(3))
    f = [v async for v in g]
    return a, b, sorted(c), d, e, f, type(g).__name__


print(run(comp()))

g = agen(2)
print(type(g).__name__, g.__name__, g.ag_running, g.ag_await, g.ag_code.co_flags & 0x200 != 0)
print(g.__aiter__() is g)
nx = g.__anext__()
print(type(nx).__name__)
print(nx.send(None))  # the Tick
try:
    nx.send(None)
except StopIteration as e:
    print("yielded", e.value)
try:
    nx.send(None)
except RuntimeError as e:
    print(e)


async def drain(g):
    res = []
    while True:
        try:
            res.append(await g.__anext__())
        except StopAsyncIteration:
            return res


print(run(drain(g)))
print(run(drain(g)))


# asend
async def echo():
    got = None
    while True:
        got = yield got


async def talk():
    e = echo()
    first = await e.asend(None)
    r = [first]
    for x in "abc":
        r.append(await e.asend(x))
    await e.aclose()
    try:
        await e.asend(1)
    except StopAsyncIteration:
        r.append("stopped")
    return r


print(run(talk()))


# athrow and aclose with finally
log = []


async def careful():
    try:
        yield 1
        yield 2
    except ValueError as e:
        log.append("caught " + str(e))
        yield 99
    finally:
        log.append("finally")


async def thrower():
    g = careful()
    a = await g.__anext__()
    b = await g.athrow(ValueError("bad"))
    await g.aclose()
    return a, b


print(run(thrower()), log)


async def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


async def closer():
    g = ignore_exit()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        return str(e)


print(run(closer()))


# StopAsyncIteration raised inside an async generator
async def bad_gen():
    yield 1
    raise StopAsyncIteration


async def use_bad():
    try:
        async for v in bad_gen():
            pass
    except RuntimeError as e:
        return str(e)


print(run(use_bad()))


# async with
class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        await Tick()
        print("enter", self.name)
        return self.name.upper()

    async def __aexit__(self, t, v, tb):
        await Tick()
        print("exit", self.name, t.__name__ if t else None, v)
        return self.swallow


async def with_user():
    async with CM("a") as x, CM("b") as y:
        print("body", x, y)
    async with CM("c", True):
        raise KeyError("k")
    for i in range(3):
        async with CM("loop"):
            if i == 1:
                break
    try:
        async with CM("d"):
            1 / 0
    except ZeroDivisionError as e:
        print("propagated", e)
    return "ok"


print(run(with_user()))


async def early_return():
    async with CM("r"):
        return "returned"


print(run(early_return()))


class NoAexit:
    async def __aenter__(self):
        return 1


class BadEnter:
    def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 1


async def bad_with(m):
    async with m:
        pass


for m in (1, NoAexit(), BadEnter()):
    try:
        run(bad_with(m))
    except TypeError as e:
        print(e)


# async for over objects with __aiter__/__anext__
class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Tick()
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def count():
    return [x async for x in Countdown(3)]


print(run(count()))


class NoAnext:
    def __aiter__(self):
        return 1


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


async def loop_over(x):
    async for _ in x:
        pass


for x in ([1], NoAnext(), BadAnext()):
    try:
        run(loop_over(x))
    except TypeError as e:
        print(e, repr(e.__cause__))
