# Green threads: threading, queue, locks, conditions, semaphores, barriers, futures,
# thread-local data, raw _thread, recursion and generators in threads, daemon threads at exit.
import threading, _thread, time, sys
from concurrent.futures import ThreadPoolExecutor, as_completed

# busy wait on a flag set by another thread: needs preemption
flag = False
def set_flag():
    global flag
    time.sleep(0.01)
    flag = True
threading.Thread(target=set_flag).start()
n = 0
while not flag:
    n += 1
print("flag seen", n > 0)

# raw _thread with an exception
done = _thread.allocate_lock()
done.acquire()
def raw(a, b=0):
    try:
        raise KeyError(a + b)
    finally:
        done.release()
_thread.start_new_thread(raw, (1,), {"b": 2})
done.acquire()
time.sleep(0.01)

# futures
def sq(x):
    if x == 3:
        raise ValueError("three")
    return x * x
with ThreadPoolExecutor(max_workers=3) as ex:
    futs = {ex.submit(sq, i): i for i in range(6)}
    res = {}
    for f in as_completed(futs):
        i = futs[f]
        try:
            res[i] = f.result()
        except ValueError as e:
            res[i] = str(e)
print(sorted(res.items()))

# recursion inside a thread
def deep(k):
    return deep(k + 1)
def rec():
    try:
        deep(0)
    except RecursionError as e:
        print("recursion:", e)
t = threading.Thread(target=rec); t.start(); t.join()

# generators across threads
def gen():
    for i in range(5):
        time.sleep(0.001)
        yield i
out = []
def consume():
    out.append(sum(gen()))
ts = [threading.Thread(target=consume) for _ in range(3)]
[t.start() for t in ts]; [t.join() for t in ts]
print(out)

# Condition / Semaphore / Barrier
cond = threading.Condition()
items = []
def producer():
    for i in range(5):
        with cond:
            items.append(i)
            cond.notify()
        time.sleep(0.001)
got = []
def consumer():
    for _ in range(5):
        with cond:
            while not items:
                cond.wait()
            got.append(items.pop(0))
c = threading.Thread(target=consumer); p = threading.Thread(target=producer)
c.start(); p.start(); p.join(); c.join()
print(got)
sem = threading.BoundedSemaphore(2)
active = [0]; peak = [0]
go = threading.Event()
def limited():
    with sem:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        go.wait()
        active[0] -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
[t.start() for t in ts]
while active[0] < 2:
    time.sleep(0.001)
go.set()
[t.join() for t in ts]
print("peak", peak[0])
b = threading.Barrier(3)
order = []
def at_barrier(i):
    order.append(("before", i))
    b.wait()
    order.append(("after", i))
ts = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
[t.start() for t in ts]; [t.join() for t in ts]
print(sorted(x for x, _ in order[:3]), sorted(x for x, _ in order[3:]))
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
t = threading.Thread(target=lambda: print("in", threading.current_thread().name), name="worker-9")
t.start(); t.join()
print(t.is_alive())

# contextvars: every thread has its own context
import contextvars, threading
v = contextvars.ContextVar("v", default="unset")
v.set("main")
out = []
def f(i):
    out.append(v.get())
    v.set(i)
    out.append(v.get())
ts = [threading.Thread(target=f, args=(i,)) for i in range(3)]
[t.start() for t in ts]; [t.join() for t in ts]
print(out, v.get())

# daemon thread still sleeping at exit, non-daemon finishing after main
def slow():
    time.sleep(0.02)
    print("non-daemon finished")
def forever():
    while True:
        time.sleep(0.01)
threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=slow).start()
print("main done")
