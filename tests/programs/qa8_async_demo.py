import asyncio
async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} done"
async def failing():
    await asyncio.sleep(0)
    raise ValueError("task failed")
async def main():
    r = await asyncio.gather(fetch("a", 0.02), fetch("b", 0.01), fetch("c", 0))
    print(r)
    res = await asyncio.gather(fetch("x", 0), failing(), return_exceptions=True)
    print(res)
    t = asyncio.create_task(fetch("task", 0.01))
    print(t.done())
    print(await t, t.done())
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")
    q = asyncio.Queue()
    async def prod():
        for i in range(3):
            await q.put(i)
        await q.put(None)
    async def cons():
        got = []
        while (v := await q.get()) is not None:
            got.append(v)
        return got
    _, got = await asyncio.gather(prod(), cons())
    print(got)
    async def agen():
        for i in range(3):
            await asyncio.sleep(0)
            yield i * i
    print([v async for v in agen()])
    async with asyncio.timeout(1):
        await asyncio.sleep(0)
    order = []
    async def w(n):
        order.append(f"start{n}")
        for _ in range(n):
            await asyncio.sleep(0)
        order.append(f"end{n}")
    async with asyncio.TaskGroup() as tg:
        for n in (3, 1, 2):
            tg.create_task(w(n))
    print(order)
    lock = asyncio.Lock()
    async with lock:
        print("locked", lock.locked())
    done, pending = await asyncio.wait([asyncio.create_task(fetch(str(i), 0)) for i in range(3)])
    print(sorted(t.result() for t in done), len(pending))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing())
    except* ValueError as eg:
        print("group:", eg.exceptions)
    return "main result"
print(asyncio.run(main()))
async def coro():
    return 1
c = coro()
print(type(c).__name__)
c.close()
asyncio.run(failing())
