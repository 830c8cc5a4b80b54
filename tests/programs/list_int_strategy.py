"""Lists made by repeating small ints ([0] * n) keep raw int storage: every list
operation must behave exactly as on a list of int objects, including when an item
the storage cannot hold (a big int, a float, a bool, None) is stored or appended."""
import sys

N = 3000

a = [0] * N
print(len(a), a[0], a[-1], a[N - 1], sum(a))
for i in range(N):
    a[i] = i * i - 1000
print(a[:5], a[-3:], sum(a), min(a), max(a))
a[7] = 2 ** 47 - 1
a[8] = -(2 ** 47)
print(a[7], a[8], a[7] + 1, type(a[7]).__name__)
a[9] = 2 ** 47          # beyond the inline range: switches to values
print(a[9], a[9] * 2, sum(a) % 1000003)
b = [5, -3] * (N // 2)
print(len(b), b[:4], b.count(5), b.index(-3), -3 in b, 4 in b)
b.append(7)
b.append(2 ** 80)
print(b[-2:], len(b))
c = [1] * N
c[3] = True
print(c[2:5], type(c[3]).__name__, c.count(True))
d = [0] * N
d[10] = 1.5
print(d[9:12], sum(d))
e = [2] * N
e[0] = None
print(e[:2], e.count(None))
f = [3] * N
f.append(4)
f.append(False)
print(f[-3:], len(f))
g = [0] * N
for i in range(0, N, 7):
    g[i] += i
print(sum(g), g[7], g[14], g[-1])
h = [1, 2, 3] * 1000
h.sort(reverse=True)
print(h[:4], h[-4:])
h2 = [9] * 2000
print(h2 == [9] * 2000, h2 == [9] * 1999 + [8], h2 < [9] * 2001, repr(h2[:3]))
k = [0] * 2048
k[-1] = -1
print(k[-1], k[2047], len(k))
try:
    k[2048] = 1
except IndexError as ex:
    print("IndexError", ex)
try:
    print(k[4000])
except IndexError as ex:
    print("IndexError", ex)
del k[0]
print(len(k), k[-1])
print(k.pop(), len(k))
k.insert(0, 99)
print(k[:2], len(k))
m = [7] * 1500
m.extend([1, 2])
print(len(m), m[-3:])
m2 = m[:]
m2[0] = 0
print(m[0], m2[0])
m3 = m * 2
print(len(m3), m3[1499], m3[1500])
it = iter([4] * 1200)
print(next(it), sum(it))
for x in [6] * 1100:
    pass
print(x)
print(sys.getsizeof([0] * 1100) > 8 * 1100)
r = list(reversed([1, 2] * 600))
print(r[:3])
s = sorted([3, 1, 2] * 500)
print(s[0], s[-1], s[499], s[500])
t = [0] * 1024
t[5] = -5
print(t.index(-5), t.count(0), 0 in t, -5 in t, max(t), min(t))
print(list(enumerate([8] * 1030))[-1])
u = [0] * 1024
u[1] = 2 ** 100
print(u[1], u[0])
v = [1] * 1024
v *= 2
print(len(v), v[2047])
w = [-1] * 1025
w += [5]
print(len(w), w[-2:])
print(str([0] * 1030)[:12])
x2 = [2 ** 46] * 1030
total = 0
for i in range(1030):
    x2[i] = x2[i] + x2[i]
    total += x2[i]
print(total, type(x2[0]).__name__, x2[0])
