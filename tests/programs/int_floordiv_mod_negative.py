# Floor division and modulo follow the sign of the divisor.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (0, -5), (6, 3), (-6, 3),
         (1, 10**20), (-1, 10**20), (10**20 + 7, -3), (-(10**20) - 7, 3)]
for a, b in pairs:
    q, r = a // b, a % b
    print(f"{a} // {b} = {q}; {a} % {b} = {r}; check {q * b + r == a}; divmod {divmod(a, b)}")
print("floats:")
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (1e300, 3.0)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(-1 % 360, 725 % 360, -725 % 360)
print([i % 4 for i in range(-8, 9)])
print([i // 4 for i in range(-8, 9)])
print([-i // 3 for i in range(10)])
print(5.0 % -0.0 if False else "skip", -0.0 % 5.0, 0.0 // 3)
for mod in (2, 3, 7, 16):
    row = []
    for v in range(-10, 11, 3):
        row.append(v % mod)
    print(mod, row)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5.0 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
