# Mixed int/float comparisons and arithmetic are exact.
print(1 == 1.0, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > 2 ** 53 * 1.0)
print(10 ** 20 == 1e20, 10 ** 22 == 1e22, 10 ** 23 == 1e23, 10 ** 23 < 1e23)
print(0.1 < 1, 1 < 1.1, -1 > -1.5, 3 >= 3.0, 3 <= 2.999)
big = 2 ** 1000
print(big > 1e300, big < float("inf"), -big > float("-inf"), big == float(big))
print(sorted([3, 2.5, 1, 0.5, -1, -0.5, 10 ** 20, 1e19]))
print(max(1, 1.0), min(1.0, 1), max(2, 2.5), type(max(1, 1.0)).__name__)
print(1 + 2.0, 3 * 1.5, 7 - 0.5, 9 / 3, 2 ** 2.0, 7 // 2.0, 7 % 2.0, divmod(7, 2.0))
d = {1: "int one", 2.0: "float two"}
print(d[1.0], d[2], 1.0 in d, len({1, 1.0, True}), {0: "a", 0.0: "b", False: "c"})
print(hash(1) == hash(1.0) == hash(True), hash(2.5) == hash(2.5))
print(1 / 2 == 0.5, 3 / 4, -9 / 2, 10 ** 17 / 10, 10 ** 300 / 10 ** 299)
print(0.0 == 0, -0.0 == 0)
print(sum([0.1] * 10), sum([1, 2.5, 3]), sum([], 0.0))
nums = [1, 2.0, 3, 4.5]
total = 0
for n in nums:
    total += n
    print(total, type(total).__name__)
print(int(2.0 * 3) == 6, round(2.675 * 100) / 100, (1 << 60) + 0.0)
print(9007199254740993 == 9007199254740992.0, 9007199254740993 < 9007199254740994.0)
print(True + 1.5, False == 0.0, True == 1.0)
