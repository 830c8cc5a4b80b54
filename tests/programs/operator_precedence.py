# Operator precedence and associativity across the whole expression grammar.
exprs = [
    "2 + 3 * 4", "(2 + 3) * 4", "2 ** 3 ** 2", "(2 ** 3) ** 2", "-2 ** 2", "-(2) ** 2", "2 ** -1",
    "10 - 4 - 3", "10 - (4 - 3)", "100 / 10 / 5", "17 // 5 * 5 + 17 % 5", "2 * 3 % 4", "-7 // 2", "-7 % 3",
    "1 + 2 << 3", "1 << 2 + 3", "6 & 3 | 8", "6 | 3 & 8", "5 ^ 3 & 1", "~5 + 1", "~(5 + 1)",
    "1 < 2 == 2", "not 1 == 2", "not (1 == 2)", "True or False and False", "(True or False) and False",
    "not True or True", "not (True or True)", "1 if 0 else 2 if 0 else 3", "(1 if 0 else 2) if 1 else 3",
    "3 in [1, 2, 3] and 4 not in [1]", "1 < 2 < 3 < 4", "1 < 3 > 2 < 5", "0 and 1 / 0", "1 or 1 / 0",
    "[1, 2] * 2 + [3]", "'ab' * 2 + 'c'", "-3 ** 2 * 2", "2 * -3 ** 2", "+-+-1", "--5 - -5",
    "1 + 2 == 3 and 2 * 2 == 4", "(lambda x: x * 2)(3) + 1", "[x * 2 for x in range(3)][1:] * 2",
    "{1: 2}.get(1) + {3}.pop()", "10 ** 2 // 3 ** 2", "2 ** 2 ** 0", "1 + True * 2", "(1, 2) + (3,) * 2",
    "5 & 6 ^ 3 | 1 << 1", "abs(-3) ** 2 % 5", "1e2 ** 0.5 // 3", "not not 0",
]
for e in exprs:
    print(f"{e:40} -> {eval(e)!r}")
x = 5
print(x > 3 and x < 10 or x == 0, not x > 3, -x ** 2, (-x) ** 2, x & 1 == 1, (x & 1) == 1)
a = b = c = 2
a += b * c ** 2
print(a, b, c)
print(1 + 2 if False else 3 + 4, [1, 2, 3][-1:] + [0] * 2, "%d-%d" % (1, 2) * 2)
print(2 ** 3 ** 2 == 2 ** (3 ** 2), (2 ** 3) ** 2, 10 - 2 - 3 == (10 - 2) - 3)
