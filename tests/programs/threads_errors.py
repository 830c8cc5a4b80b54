# Errors in threads: SystemExit ends only its thread, exceptions go to threading's hook
# (and a custom excepthook), bad start_new_thread arguments, releasing unheld locks,
# then an uncaught exception in the main thread while a worker still runs: the worker
# is joined before the program exits with status 1.
import sys
import threading
import time
import _thread


def quits():
    print("quitting thread")
    sys.exit(3)


t = threading.Thread(target=quits)
t.start()
t.join()
print("after SystemExit in thread", t.is_alive())

seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


old = threading.excepthook
threading.excepthook = hook
t = threading.Thread(target=lambda: 1 / 0, name="divider")
t.start()
t.join()
threading.excepthook = old
print(seen)

for bad in [(1, ()), (print, [1]), (print, (), [])]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError:", e)

lock = threading.Lock()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
r = threading.RLock()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(lock.acquire(timeout=0.01), lock.acquire(timeout=0.01), lock.acquire(False))
lock.release()


def worker():
    time.sleep(0.05)
    print("worker finished")


threading.Thread(target=worker).start()
print("raising in main")
raise ValueError("main failed")
