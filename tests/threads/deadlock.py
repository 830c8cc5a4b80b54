# Two threads each waiting for the lock the other holds: CPython hangs here forever;
# Krait raises RuntimeError in the thread that finds that no thread can go on.
import threading, time
a = threading.Lock(); b = threading.Lock()
def grab():
    print("T start")
    with b:
        print("T has b")
        with a:
            pass
a.acquire()
t = threading.Thread(target=grab); t.start()
print("started")
time.sleep(0.01)
print("slept")
try:
    b.acquire()
except RuntimeError as e:
    print("RuntimeError:", e)
