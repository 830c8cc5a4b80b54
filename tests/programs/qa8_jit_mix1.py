# loops whose types change mid-way
def acc(xs):
    total = 0
    for x in xs:
        total += x
    return total
print(acc(range(100)), acc([1, 2.5, 3]), acc([2**62, 2**62, 2**62]), acc([True] * 5))
vals = list(range(50)) + [1.5, 2**70, -3, True, 0.25] + list(range(50))
print(acc(vals))
t = 1
for i in range(200):
    t = t * 3 if i % 7 else t + 1
print(t % 1000007, t.bit_length())
x = 0
for i in range(300):
    if i == 150:
        x = float(x)
    if i == 250:
        x = str(x)[:5]
        break
    x += i
print(repr(x))
class P:
    def __init__(self, v): self.v = v
ps = [P(i) for i in range(100)]
s = 0
for i, p in enumerate(ps):
    if i == 60:
        P.v = property(lambda self: 1000)
    s += p.v if not isinstance(type(p).__dict__.get("v"), property) else 0
print(s)
objs = [P(1) for _ in range(40)]
for k, o in enumerate(objs):
    if k % 3 == 0:
        o.extra = k
    o.v += k
print(sum(o.v for o in objs), sum(getattr(o, "extra", 0) for o in objs))
items = [1, 2, 3, 4, 5, 6, 7, 8]
out = []
i = 0
while i < len(items):
    if items[i] % 3 == 0:
        items.pop(i)
        items.append(-items[i - 1])
        continue
    out.append(items[i])
    i += 1
    if len(out) > 30:
        break
print(out, items)
def f(n):
    r = []
    for i in range(n):
        try:
            r.append(10 // (i % 4 - 2))
        except ZeroDivisionError:
            r.append(None)
    return r
print(f(20))
fs = []
for i in range(5):
    fs.append(lambda i=i: i * i)
print([g() for g in fs])
d = {}
for i in range(1000):
    d[i % 17] = d.get(i % 17, 0) + i
print(sorted(d.items())[:5], sum(d.values()))
m = 1
for i in range(1, 80):
    m *= i
    if m > 2**64:
        m //= 7
print(m)
neg = 0
for i in range(-100, 100, 3):
    neg += i // 7 + i % 7 - (-i) // 3
print(neg)
fl = 0.0
for i in range(1, 1000):
    fl += 1.0 / i
print(fl, round(fl, 6))
big = 2 ** 62 - 5
for i in range(10):
    big += 1
print(big, type(big).__name__)
small = -(2 ** 62) + 5
for i in range(10):
    small -= 1
print(small)
mul = 3037000499
for _ in range(3):
    mul = mul * mul % (2 ** 80)
print(mul)
strs = ""
for i in range(50):
    strs += chr(65 + i % 26)
print(strs)
lst = [0] * 10
for i in range(100):
    lst[i % 10] += i
    lst[-1 - i % 10] -= 1
print(lst)
