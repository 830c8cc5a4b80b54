# Numeric builtins: abs, divmod, pow, round, sum, min, max, bin/oct/hex, int/float/complex.
print(abs(-7), abs(7.5), abs(-0.0), abs(True), abs(-(10 ** 20)), abs(3 + 4j))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-7, -2), divmod(10 ** 20, 7))
print(pow(2, 8), pow(2, 8, 5), pow(2.0, 3), pow(-1, 0.5) if False else pow(4, 0.5), pow(10, -2))
print(round(3.14159), round(3.14159, 2), round(-2.5), round(0.5), round(1.5), round(12345, -2), round(7))
print(sum([]), sum([1, 2, 3]), sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(5), 100), sum((0.1,) * 10))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(min(3, 1, 2), max(3, 1, 2), min([5, 2, 8]), max("hello"), min([], default="empty"), max([], default=None))
print(min([-3, 2, -5], key=abs), max(["aa", "b", "cccc"], key=len), max([1, 3, 3.0]), min([2, 1.0, 1]))
print(max((1, "b"), (1, "a")), min({3: "x", 1: "y"}), max(range(10), key=lambda v: v % 4))
for bad in [lambda: min([]), lambda: max(), lambda: max(1), lambda: min(1, 2, key=None, default=0)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(bin(10), bin(-10), oct(64), oct(-8), hex(255), hex(-4096), bin(0), hex(2 ** 64))
print(int("101", 2), int(" 0x1F ", 16), int(7.9), float("3.25"), float(3), complex(1, 2), complex("3-4j"))
print(int(), float(), complex(), bool(), str(), list(), tuple(), dict(), set())
print(isinstance(abs, type(len)), type(abs).__name__)
data = [4, 8, 15, 16, 23, 42]
mean = sum(data) / len(data)
var = sum((d - mean) ** 2 for d in data) / (len(data) - 1)
print(mean, round(var, 4), round(var ** 0.5, 6), max(data) - min(data), sorted(data)[len(data) // 2])
print(sum(i * i for i in range(1, 11)), sum(1 / (2 ** k) for k in range(20)))
print(divmod(-0.0, 1.0), pow(0, 0), pow(0.0, 0), 0 ** 0, round(-0.5), round(2.675, 2))
