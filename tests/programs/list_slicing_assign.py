# Slice reads, slice assignment and deletion on lists.
a = list(range(10))
print(a[2:5], a[-3:], a[::3], a[::-1], a[8:2:-2], a[-100:100], a[5:5])
a[2:5] = ["x", "y"]; print(a)
a[2:2] = [7, 7, 7]; print(a)
a[:0] = ["start"]; print(a)
a[len(a):] = ["end"]; print(a)
a[::2] = range(len(a[::2])); print(a)
a[1::3] = "abcdefgh"[:len(a[1::3])]; print(a)
del a[::4]; print(a)
del a[1:3]; print(a)
del a[-1]; print(a)
a[:] = [1, 2, 3]; print(a)
a[1:] = []; print(a)
try:
    a[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
b = list(range(8))
b[5:1:-1] = "wxyz"
print(b)
try:
    b[::-1] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    b[20] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    del b[20]
except IndexError as e:
    print("IndexError:", e)
c = b
c[:] = reversed(b[:])
print(b is c, b)
m = [[r * 4 + col for col in range(4)] for r in range(4)]
print([row[1:3] for row in m[1:3]])
print([m[i][i] for i in range(4)], [m[i][3 - i] for i in range(4)])
transposed = [[m[r][col] for r in range(4)] for col in range(4)]
print(transposed)
s = list(range(20))
s[3:17] = s[3:17][::-1]
print(s)
x = [0, 1, 2, 3, 4]
x[1:4] = x
print(x)
print(x[slice(1, None, 2)], x[slice(-2, None)], x[True])
