# Builds and drops N two-object reference cycles (default 1 million), then prints its
# peak RSS (VmHWM). Usage: krait cycles.py [N]
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def build(n):
    for i in range(n):
        a = Node(i)
        b = Node(i + 1)
        a.other = b
        b.other = a


build(N)


def peak_rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


print("peak_rss_kib", peak_rss_kib())
