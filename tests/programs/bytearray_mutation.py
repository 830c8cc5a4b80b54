# bytearray is a mutable bytes sequence.
ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[-1])
ba[0] = ord("H")
ba.append(33)
ba.extend(b" world")
ba += b"!!"
print(ba)
ba[1:5] = b"ELLO"
print(ba)
ba[0:1] = b""
del ba[0]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 74)
ba.remove(ord("!"))
print(ba, ba.find(b"wor"), ba.count(b"l"), ba.index(b"o"))
ba.reverse()
print(ba)
ba.clear()
print(ba, len(ba), bytearray(3), bytearray([1, 2, 3]), bytearray("abc", "ascii"))
buf = bytearray()
for i in range(10):
    buf.append(i * 25)
print(buf, list(buf), buf.hex(), bytes(buf))
buf[::2] = bytes(5)
print(list(buf))
del buf[::3]
print(list(buf))
c = bytearray(b"abc")
d = c
d += b"def"
print(c, d, c is d)
e = c.copy()
e[0] = 0x41
print(c, e, c == b"abcdef", c.upper(), c.split(b"c"), c.replace(b"b", b"B"))
print(bytearray(b"x") * 3, bytearray(b"a") + b"b", b"a" + bytearray(b"b"), type(b"a" + bytearray(b"b")).__name__)
try:
    ba.pop()
except IndexError as e2:
    print("IndexError:", e2)
try:
    c[0] = 300
except ValueError as e2:
    print("ValueError:", e2)
try:
    c.remove(120)
except ValueError as e2:
    print("ValueError:", e2)
try:
    hash(c)
except TypeError as e2:
    print("TypeError:", e2)
m = bytearray(b"counter")
for i in range(len(m)):
    m[i] = (m[i] - 97 + 1) % 26 + 97
print(m.decode())
