# Deep but legal recursion (depth 900) in several shapes.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
def sum_list(xs, i=0):
    if i == len(xs):
        return 0
    return xs[i] + sum_list(xs, i + 1)
print(sum_list(list(range(900))))
def build_nested(n):
    return [] if n == 0 else [build_nested(n - 1)]
def measure(x):
    return 0 if not x else 1 + measure(x[0])
nested = build_nested(850)
print(measure(nested))
class Node:
    def __init__(self, val, nxt=None):
        self.val, self.nxt = val, nxt
    def length(self):
        return 1 + (self.nxt.length() if self.nxt else 0)
    def total(self):
        return self.val + (self.nxt.total() if self.nxt else 0)
head = None
for i in range(880):
    head = Node(i, head)
print(head.length(), head.total())
def even(n):
    return True if n == 0 else odd(n - 1)
def odd(n):
    return False if n == 0 else even(n - 1)
print(even(890), odd(890), even(777))
def count_down_gen(n):
    if n > 0:
        yield n
        yield from count_down_gen(n - 1)
print(sum(count_down_gen(300)))
def pow_rec(b, e):
    if e == 0:
        return 1
    return b * pow_rec(b, e - 1)
print(pow_rec(2, 900) == 2 ** 900, len(str(pow_rec(3, 800))))
def string_rev(s):
    return s if len(s) <= 1 else string_rev(s[1:]) + s[0]
print(string_rev("abcdefghijklmnopqrstuvwxyz" * 30)[:40])
import sys
print(sys.getrecursionlimit() >= 1000)
