# unit conversion with nested dicts, parsing and error handling
UNITS = {
    "length": {"m": 1.0, "km": 1000.0, "cm": 0.01, "mm": 0.001, "in": 0.0254, "ft": 0.3048, "mi": 1609.344},
    "mass": {"kg": 1.0, "g": 0.001, "lb": 0.45359237, "oz": 0.028349523125},
    "time": {"s": 1, "min": 60, "h": 3600, "day": 86400},
}
class ConversionError(Exception):
    pass
def find_dim(unit):
    for dim, table in UNITS.items():
        if unit in table:
            return dim
    raise ConversionError(f"unknown unit {unit!r}")
def convert(value, src, dst):
    d1, d2 = find_dim(src), find_dim(dst)
    if d1 != d2:
        raise ConversionError(f"cannot convert {d1} ({src}) to {d2} ({dst})")
    return value * UNITS[d1][src] / UNITS[d2][dst]
def parse(query):
    parts = query.split()
    match parts:
        case [num, src, "to", dst]:
            try:
                v = float(num)
            except ValueError:
                raise ConversionError(f"not a number: {num!r}") from None
            return v, src, dst
        case _:
            raise ConversionError(f"bad query {query!r}")
queries = ["5 km to mi", "12 in to cm", "3.5 lb to g", "90 min to h", "1 day to s", "100 ft to m",
           "2 kg to m", "x m to ft", "10 parsecs to m", "convert me", "1e3 mm to m", "-40 m to ft"]
for q in queries:
    try:
        v, s, d = parse(q)
        r = convert(v, s, d)
        print(f"{q:<18} = {r:>14.6g} {d:<4} ({r:,.3f})")
    except ConversionError as e:
        print(f"{q:<18} ! {e}")
def table(dim, value=1):
    names = list(UNITS[dim])
    w = max(map(len, names)) + 2
    print(" " * w + "".join(n.rjust(12) for n in names))
    for a in names:
        print(a.ljust(w) + "".join(f"{convert(value, a, b):12.4g}" for b in names))
table("mass")
table("time", 2)
temps = [(-40, "C"), (0, "C"), (100, "C"), (98.6, "F"), (451, "F"), (0, "K")]
def temp(v, scale):
    c = {"C": v, "F": (v - 32) * 5 / 9, "K": v - 273.15}[scale]
    return {"C": round(c, 2), "F": round(c * 9 / 5 + 32, 2), "K": round(c + 273.15, 2)}
for v, s in temps:
    print(f"{v:>6}{s}", temp(v, s))
