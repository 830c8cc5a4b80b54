import sys
sys.setrecursionlimit(200000)
def plain(n):
    return 0 if n == 0 else 1 + plain(n - 1)
print(plain(100000))
class T:
    def __init__(self, n):
        self.n = n
    def depth(self):
        return 0 if self.n == 0 else 1 + T(self.n - 1).depth()
print(T(50000).depth())
def fl(x, acc):
    if x == 0:
        return acc
    return fl(x - 1, acc + [x]) if x % 1000 == 0 else fl(x - 1, acc)
print(len(fl(60000, [])))
