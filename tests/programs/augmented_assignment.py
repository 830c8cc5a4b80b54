# Augmented assignment on names, attributes, subscripts; evaluation order.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x /= 6; print(x)
x //= 2; print(x)
x **= 3; print(x)
x %= 7; print(x)
y = 0b1100
y &= 0b1010; print(y)
y |= 0b0001; print(y)
y ^= 0b1111; print(y)
y <<= 3; print(y)
y >>= 1; print(y)
s = "ab"
s += "cd"; s *= 2; print(s)
l = [1]
alias = l
l += [2, 3]
l *= 2
print(l, alias is l)
t = (1,)
talias = t
t += (2,)
print(t, talias)
class Obj:
    def __init__(self):
        self.n = 1
        self.items = []
o = Obj()
o.n += 10
o.n *= 2
o.items += ["a"]
print(o.n, o.items)
d = {"k": 1}
d["k"] += 5
d.setdefault("list", []).append(1)
d["list"] += [2]
print(d)
m = [[0, 0], [0, 0]]
m[1][0] += 7
m[0][1] -= 2
print(m)
log = []
class Tracker:
    def __init__(self):
        self.data = {"v": 0}
    def __getitem__(self, k):
        log.append(f"get {k}")
        return self.data[k]
    def __setitem__(self, k, v):
        log.append(f"set {k}={v}")
        self.data[k] = v
def key():
    log.append("eval key")
    return "v"
tr = Tracker()
tr[key()] += 5
print(log)
try:
    undefined_thing += 1
except NameError as e:
    print("NameError:", e)
def f():
    z = 1
    def g():
        nonlocal z
        z += 1
        return z
    return g() + g()
print(f())
a = b = 5
a += 1
print(a, b)
lst = [1, 2, 3]
i = 0
lst[i] += 10
print(lst)
c = 3
c **= c
c //= 2
print(c)
fl = 1.5
fl += 1
fl *= 2
fl -= 0.5
print(fl, type(fl).__name__)
bi = 2 ** 62
bi += bi
bi *= bi
print(bi)
