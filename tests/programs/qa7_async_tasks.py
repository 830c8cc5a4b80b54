import asyncio
async def fetch(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ConnectionError(f"{name} unreachable")
    return f"{name}:{delay}"
async def worker(q, results, wid):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        results.append((wid, item * item))
        q.task_done()
async def main():
    print(await fetch("a", 0))
    r = await asyncio.gather(fetch("b", 0.01), fetch("c", 0), fetch("d", 0.005))
    print(r)
    r = await asyncio.gather(fetch("x", 0), fetch("y", 0, fail=True), return_exceptions=True)
    print([type(v).__name__ for v in r], r[1])
    q = asyncio.Queue()
    results = []
    workers = [asyncio.create_task(worker(q, results, i)) for i in range(3)]
    for i in range(6):
        await q.put(i)
    for _ in workers:
        await q.put(None)
    await q.join()
    await asyncio.gather(*workers)
    print(sorted(v for _, v in results))
    try:
        await asyncio.wait_for(fetch("slow", 1), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")
    t = asyncio.create_task(fetch("bg", 0.01))
    print(t.done())
    print(await t, t.done(), t.result())
    async def agen(n):
        for i in range(n):
            await asyncio.sleep(0)
            yield i * 10
    print([x async for x in agen(4)])
    lock = asyncio.Lock()
    counter = 0
    async def bump():
        nonlocal counter
        async with lock:
            v = counter
            await asyncio.sleep(0)
            counter = v + 1
    await asyncio.gather(*(bump() for _ in range(5)))
    print("counter", counter)
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "released"
    wt = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await wt)
    c = asyncio.create_task(fetch("never", 10))
    await asyncio.sleep(0)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("cancelled", c.cancelled())
    await fetch("final", 0, fail=True)
asyncio.run(main())
