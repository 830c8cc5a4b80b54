from array import array

a = array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
print(a, len(a), a[0], a[-1], a[1:3], a.itemsize, a.typecode)
a.reverse()
print(a.tolist(), a.index(3), a.count(1), 4 in a, sum(a))
a[0] = 100
del a[1]
print(a, a.pop(), a)
d = array("d", [1.5, 2.5])
print(d, d.tobytes(), array("d", d.tobytes()) == d)
b = array("B", b"hello")
print(b, bytes(b), b.tobytes().decode())
u = array("u", "hi")
print(u, u.tounicode())
c = array("h")
c.frombytes(b"\x01\x00\x02\x00")
print(c, c * 2, c + array("h", [9]), array("l", range(5))[::2], sorted(array("i", [3, 1, 2])))
try:
    array("b", [200])
except OverflowError as e:
    print("OverflowError", e)
m = memoryview(array("i", [1, 2, 3]))
print(m.tolist(), m.format, m.itemsize)
