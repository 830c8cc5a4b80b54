# Basic integer arithmetic and operator precedence.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a + b, -(a + b), +a, -(-a))
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2, 2 ** -1, 10 ** 0)
print(7 // 2 * 2 + 7 % 2)
print(1 - 2 - 3, 100 // 10 // 3, 2 * 3 % 4)
total = 0
for i in range(1, 101):
    total += i
print("sum 1..100 =", total)
prod = 1
for i in range(1, 21):
    prod *= i
print("20! =", prod)
x = 0
x += 5; x -= 2; x *= 10; x //= 4; x %= 5; x **= 3
print("augmented:", x)
print(abs(-42), abs(0), abs(42))
print(int(3.99), int(-3.99), int("  42  "), int("-0"), int(True))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(max(3, 9, -2), min(3, 9, -2), sum([1, 2, 3, 4]))
print(5 == 5.0, 3 < 4 < 5, 1 < 3 > 2)
print(0 or 7, 3 and 4, 0 and 1, not 0, not 5)
for n in [0, 1, -1, 255, -256, 1000000]:
    print(n, n * n, n * -3, n // 7, n % 7, -n)
print(type(7 / 7), 7 / 7, type(7 // 7))
print(10 / 4, -10 / 4, 1 / 3, 2 / 3)
print(123456789 * 987654321)
print(sum(range(10 ** 6)))
nums = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
acc = 1
for v in nums:
    acc = acc * 31 + v
print("checksum", acc, acc % 1000003)
print(0 == -0, 1 != 1, 2 >= 2, 3 <= 2)
print(int.__add__(3, 4), (5).__mul__(6), (9).__sub__(10))
