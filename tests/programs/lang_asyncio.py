# asyncio on Krait: the event loop over select.poll and a socketpair self-pipe (_socket,
# select), async generators with sys.set_asyncgen_hooks, TaskGroup, timeouts, queues.
import asyncio

log = []

async def worker(name, q, sem):
    while True:
        item = await q.get()
        async with sem:
            await asyncio.sleep(0.001 * item)
            log.append((name, item))
        q.task_done()

async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)

async def slow(x):
    await asyncio.sleep(x)
    return x

async def cancellable():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("cancelled cleanly")
        raise

async def main():
    q = asyncio.Queue()
    sem = asyncio.Semaphore(2)
    workers = [asyncio.create_task(worker(f"w{i}", q, sem)) for i in range(3)]
    for item in [5, 1, 3, 2, 4]:
        q.put_nowait(item)
    await q.join()
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print(sorted(i for _, i in log), [type(r).__name__ for r in res])
    log.clear()
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(slow(0.01))
        t2 = tg.create_task(slow(0.02))
    print(t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow(0.01))
            tg.create_task(asyncio.sleep(0, result=1 / 1))
            async def fail():
                raise KeyError("tg")
            tg.create_task(fail())
    except* KeyError as eg:
        print("taskgroup errors", [repr(e) for e in eg.exceptions])
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("asyncio.timeout fired")
    t = asyncio.create_task(cancellable())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled", t.cancelled(), log)
    done_order = []
    for coro in asyncio.as_completed([slow(0.03), slow(0.01), slow(0.02)]):
        done_order.append(await coro)
    print(done_order)
    print([i async for i in ticker(4)], await asyncio.shield(slow(0)))
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "event set"
    wt = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await wt)
    lock = asyncio.Lock()
    async with lock:
        print("locked", lock.locked())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "future done")
    print(await fut)
    done, pending = await asyncio.wait([asyncio.create_task(slow(0.01)), asyncio.create_task(slow(1))], timeout=0.1)
    print(len(done), len(pending))
    for p in pending:
        p.cancel()
    return "ok"

print(asyncio.run(main()))
async def crash():
    await asyncio.sleep(0)
    raise ValueError("async boom")
asyncio.run(crash())
