# huge ints
n = 2 ** 10000
print(len(str(n)), str(n)[:20], str(n)[-20:])
f = 1
for i in range(1, 501):
    f *= i
print(len(str(f)), f % (10 ** 9 + 7), sum(map(int, str(f))))
print(f // (f // 3), (f + 1) % f, divmod(f, 10 ** 1000)[0] == f // 10 ** 1000)
print(-(2 ** 100) // 3, -(2 ** 100) % 3, (2 ** 100) // -7, (2 ** 100) % -7)
print(divmod(-(10 ** 30), 7), divmod(10 ** 30, -7))
print(pow(3, 10 ** 6, 10 ** 9 + 7), pow(2, -1, 7), pow(12345678901234567890, 3, 98765))
print((1 << 200) >> 199, -(1 << 200) >> 198, (1 << 64) - 1 & 0xFFFF, ~(2 ** 70))
print(hex(2 ** 100), oct(-(2 ** 65)), bin(2 ** 70 + 1))
print(int("1" * 50), int("-" + "9" * 40) + 1, int("ff" * 20, 16))
print((10 ** 40) / 3, 10 ** 40 / 10 ** 38, float(2 ** 1000), (2 ** 1023) * 2.0)
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError:", e)
try:
    2 ** 1024 / 1.0
except OverflowError as e:
    print("OverflowError:", e)
print(abs(-(3 ** 200)) == 3 ** 200, (3 ** 200).bit_length(), (-(3 ** 200)).bit_length())
print(int(1e20), int(-1.5e30), int(2.0 ** 80))
print(round(10 ** 25 + 7, -3), round(-(10 ** 25) - 7, -2), 10 ** 25 // 10 ** 24)
print(max(2 ** 64, 2 ** 64 - 1, 2.0 ** 64), 2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 == 2.0 ** 64, 2 ** 64 + 1 > 2.0 ** 64)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 100))
print((7 ** 77).to_bytes(30, "big").hex()[:16], int.from_bytes(b"\xff" * 12, "little"), int.from_bytes(b"\xff\xfe", "big", signed=True))
print(str(-(10 ** 50)), format(10 ** 30, ","), f"{2 ** 70:_x}", f"{3 ** 50:>60}")
x = 1
for _ in range(200):
    x = x * 3 + 1
print(x % 1000000007, x.bit_length())
print(sum(range(10 ** 6)), sum(range(10 ** 20, 10 ** 20 + 5)))
print(len(range(10 ** 30)), range(10 ** 30)[-1], 10 ** 30 - 1 in range(10 ** 30))
