# The mutable default argument pitfall and the None idiom.
def append_bad(item, lst=[]):
    lst.append(item)
    return lst
print(append_bad(1), append_bad(2), append_bad(3, []), append_bad(4))
print(append_bad.__defaults__)
def append_good(item, lst=None):
    if lst is None:
        lst = []
    lst.append(item)
    return lst
print(append_good(1), append_good(2), append_good(3, [0]))
def counter(_cache={"n": 0}):
    _cache["n"] += 1
    return _cache["n"]
print([counter() for _ in range(5)])
def memo_fib(n, _memo={0: 0, 1: 1}):
    if n not in _memo:
        _memo[n] = memo_fib(n - 1) + memo_fib(n - 2)
    return _memo[n]
print([memo_fib(i) for i in range(20)], memo_fib(90), len(memo_fib.__defaults__[0]))
i = 10
def late(x=i):
    return x
i = 20
print(late())
funcs = []
for j in range(3):
    def make(j=j):
        return j * 10
    funcs.append(make)
print([fn() for fn in funcs])
class Bag:
    def __init__(self, items=[]):
        self.items = items
    def add(self, x):
        self.items.append(x)
b1, b2 = Bag(), Bag()
b1.add("apple")
print(b2.items, b1.items is b2.items)
class SafeBag:
    def __init__(self, items=None):
        self.items = list(items) if items is not None else []
s1, s2 = SafeBag(), SafeBag([1])
s1.items.append(9)
print(s1.items, s2.items)
def tuple_default(t=(1, 2)):
    t += (3,)
    return t
print(tuple_default(), tuple_default(), tuple_default.__defaults__)
