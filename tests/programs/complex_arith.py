# Complex numbers: arithmetic, repr, attributes.
a = 3 + 4j
b = complex(1, -2)
print(a, b, a + b, a - b, a * b, a / b, -a, +b)
print(a.real, a.imag, a.conjugate(), abs(a), abs(3j), abs(-2 + 0j))
print(a == complex(3, 4), a != b, a == 3 + 4.0j, (1 + 0j) == 1, 2j * 2j)
print(1j ** 2, (1 + 1j) ** 2, (1 + 2j) ** 3, 2 ** (1j * 0), a ** 0)
print(complex("1+2j"), complex("-3.5j"), complex(" 5 "), complex("inf+nanj") != 0)
print(repr(complex(0, 0)), repr(complex(-0.0, 0)), repr(complex(0, -0.0)), repr(1j), repr(-1j))
print(complex(1.5, 2.25), 1e20j, 1 + 1e-20j, complex(float("inf"), 1))
print(type(a).__name__, isinstance(a, complex), bool(0j), bool(1j), bool(0 + 0j))
print(hash(1 + 0j) == hash(1), hash(complex(2, 0)) == hash(2.0))
zs = [1 + 1j, 2 - 3j, -1.5 + 0.5j, 0j, 5j]
total = sum(zs)
print(total, sum(zs, 1j))
prod = 1
for z in zs[:-2]:
    prod *= z
print(prod)
def mandel_escape(c, limit=50):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return i
    return limit
for y in range(-4, 5):
    print("".join("#" if mandel_escape(complex(x / 10, y / 4)) == 50 else "." for x in range(-20, 6)))
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
try:
    1 / 0j
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(f"{a}", f"{a!r}", str(b), format(a, ""), f"{(1.5+2.5j)}")
