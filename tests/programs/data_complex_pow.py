# Complex powers at the edges (infinite angles are C domain errors, which CPython turns
# into ZeroDivisionError) and pow() with a modulus and a complex or float argument.
inf = float("inf")
nan = float("nan")
pairs = [
    (1 + 1j, inf), (1 + 1j, complex(0, inf)), (inf, 1j), (1j, -inf), (-1 + 0j, inf), (1 + 0j, inf),
    (0j, inf), (0.5 + 0j, complex(0, nan)), (2 + 0j, 1e308), (1e300 + 1e300j, 2.5), (0j, -1), (0j, 1j),
    (2 + 3j, 0.5), (1j, 1j), (-8 + 0j, 1 / 3), (3 + 4j, 2), (3 + 4j, -2), (1j, 101), (2, 0.5j),
]
for a, b in pairs:
    try:
        print(a, b, a ** b)
    except (ZeroDivisionError, OverflowError) as e:
        print(a, b, type(e).__name__, e)
for args in [(2, 2, 1j), (2.0, 1j, 5), (1j, 2.0, 5), (2, 1j, 5), (2, 2.0, 1j), (2, 2, 5.0), (True, 2, 1j), (2, 10, 7)]:
    try:
        print(args, pow(*args))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
