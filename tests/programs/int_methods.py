# Methods and attributes of int.
for n in [0, 1, 7, 255, 256, -1, -255, 2 ** 100, -(2 ** 100)]:
    print(n, n.bit_length(), n.bit_count(), n.real, n.imag, n.numerator, n.denominator, n.as_integer_ratio())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1024).to_bytes(4, byteorder="big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True))
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff", "big"))
print(int.from_bytes(bytes(range(1, 17)), "big"))
print((2 ** 64 - 1).to_bytes(8, "big").hex(), (5).to_bytes(1, "big"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
print((7).conjugate(), (-7).__abs__(), (5).__neg__(), (3).__pos__(), (6).__invert__())
print((12).__floordiv__(5), (12).__mod__(5), (12).__truediv__(5), (12).__rsub__(2))
print((3).__lt__(4), (3).__eq__(3.0), (3).__add__(1.5))
print(int.__name__, type(5).__name__, isinstance(True, int), type(True) is bool)
print((100).__index__(), (10).__round__(-1), round(15, -1), round(25, -1), round(-35, -1), round(1234567, -3))
print((17).__trunc__(), (17).__floor__(), (17).__ceil__(), (17).__int__(), (17).__float__())
class MyInt(int):
    def double(self):
        return self * 2
m = MyInt(21)
print(m, m.double(), type(m).__name__, type(m + 1).__name__, m == 21, isinstance(m, int))
print(int(MyInt(5)), type(int(MyInt(5))).__name__, MyInt("ff", 16))
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 20))
print(hash(True), hash(3) == hash(3.0), hash((1, 2)) == hash((1, 2)))
