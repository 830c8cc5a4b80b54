# Shifts and bitwise operators on small, negative and big integers.
for a in [0, 1, 5, 255, -1, -5, -256, 2 ** 64 + 3, -(2 ** 70)]:
    print(a, a << 3, a >> 2, a & 0xF0, a | 0x0F, a ^ 0xFF, ~a)
print(1 << 100, (1 << 100) >> 99, -1 >> 100, -(1 << 100) >> 50)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
print(bin(0b1010 << 4), hex(0xdead_beef >> 4), oct(0o777 & 0o070))
print(-7 & 0xFF, -7 | 0, -7 ^ -1, ~0, ~-1)
print(True << 3, True & 1, False | 2)
x = 0
for i in range(0, 64, 3):
    x |= 1 << i
print(x, bin(x), x.bit_length(), bin(x).count("1"))
mask = (1 << 32) - 1
h = 2166136261
for ch in "hello, world":
    h ^= ord(ch)
    h = (h * 16777619) & mask
print("fnv1a:", h, hex(h))
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(n) for n in range(33)])
def reverse_bits(n, width):
    r = 0
    for _ in range(width):
        r = (r << 1) | (n & 1)
        n >>= 1
    return r
print([reverse_bits(n, 8) for n in range(16)])
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -3
except ValueError as e:
    print("ValueError:", e)
try:
    1.0 << 2
except TypeError as e:
    print("TypeError:", e)
big = (1 << 200) - 1
print(big & (big >> 100), (big ^ (big >> 1)).bit_length())
print(-big & 0xFFFF, (-big) >> 190, (-big) | 1)
print(2 ** 63 - 1 + 1, -(2 ** 63) - 1, (2 ** 63) * 2, 9223372036854775807 + 1)
print(4611686018427387904 * 2, 4611686018427387903 + 4611686018427387905)
