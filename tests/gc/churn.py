# Creates and drops N objects (instances, lists, tuples, big ints, strs; default 50
# million) while keeping about 10 MB live (in CPython's terms), then prints its peak RSS
# (VmHWM) so a test can check it. Usage: krait churn.py [N]
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000_000
KEEP = 20_000


class P:
    def __init__(self, x):
        self.x = x


def churn(n):
    live = [None] * KEEP
    made = 0
    i = 0
    while made < n:
        p = P(i)
        l = [i, p]
        t = (i, l)
        b = (1 << 80) + i
        s = "item-%d" % i
        made += 5
        if i % 8 == 0:
            live[(i >> 3) % KEEP] = [p, l, t, b, s]
        i += 1
    return live


live = churn(N)
print("kept", sum(1 for x in live if x is not None))


def peak_rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


print("peak_rss_kib", peak_rss_kib())
