# identity vs equality as beginners explore it
a = "hello"
b = "hel" + "lo"
c = "".join(["hel", "lo"])
print(a == b, a == c)
x = 256
y = 256
print(x is y, x == y)
big1 = 10 ** 20
big2 = 10 ** 20
print(big1 == big2)
l1 = [1, 2]
l2 = [1, 2]
l3 = l1
print(l1 == l2, l1 is l2, l1 is l3)
l3.append(3)
print(l1, l2)
t1 = ()
t2 = ()
print(t1 is t2, None is None, True is True)
def f(lst=[]):
    return lst
print(f() is f())
print(type(1) is int, type(True) is int, type(True) is bool)
n = None
print(n is None, n == None, n is not None)
print(int("5") == 5, float("1.0") == 1, 1.0 == 1)
d1 = {"k": [1]}
d2 = dict(d1)
d2["k"].append(2)
print(d1, d1 is d2, d1["k"] is d2["k"])
import_copy = [row[:] for row in [[1, 2], [3, 4]]]
print(import_copy)
s1 = {1, 2}
s2 = s1
s2 |= {3}
print(s1)
t = (1, 2)
u = t
u += (3,)
print(t, u, t is u)
