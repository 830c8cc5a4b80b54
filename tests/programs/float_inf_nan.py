# Infinities and NaN semantics.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), repr(-nan))
print(inf + 1, inf - inf, inf * 0, inf * -1, 1 / inf, -1 / inf, inf / inf)
print(inf > 1e308, -inf < -1e308, inf == inf, inf == -inf, nan == nan, nan != nan)
print(nan < 1, nan > 1, nan <= nan, nan >= 0, 1 < nan)
print(max(1.0, inf), min(-inf, 0.0), abs(-inf), -(-inf))
print(inf ** 0, nan ** 0, 1 ** nan, 1 ** inf, 2 ** inf, 0.5 ** inf, 2 ** -inf)
print(nan + 1, nan * 0, -nan, abs(nan))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(inf.is_integer(), (5.0).is_integer(), nan.is_integer())
print(nan is nan, [nan] == [nan], nan in [nan], float("nan") in [nan])
print(sorted([3.0, inf, -inf, 1.0, -2.5]))
print(round(inf) if False else "inf round raises", hash(inf), hash(-inf), hash(0.0), hash(-0.0))
print(-0.0, 0.0 == -0.0, str(-0.0), repr(0.0 * -1), -0.0 + 0.0, -0.0 - 0.0, -0.0 * -0.0)
print(1.0 / -inf, (-0.0).hex(), (0.0).hex())
print(inf // 1 if False else "skip", 5.0 % inf, -5.0 % inf, inf % 5.0 if False else "skip2")
try:
    round(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(nan)
except ValueError as e:
    print("ValueError:", e)
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    (-8.0) ** 0.5
    print("complex result", (-8.0) ** 0.5)
except ValueError as e:
    print("ValueError:", e)
print(1e308 + 1e308, -(1e308 + 1e308), float("inf") - 1e308)
vals = [1.0, nan, 2.0]
print(max(vals), min(vals), sum([inf, -inf]) != sum([inf, -inf]))
print(format(inf, ".2f"), format(-inf, "10"), format(nan, "e"), f"{nan:>8}|", f"{inf:+}")
