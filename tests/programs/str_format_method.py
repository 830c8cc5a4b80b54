# str.format: positional, keyword, attribute/index access, conversions, nesting.
print("{} {} {}".format(1, "two", 3.0), "{0} {1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[0]} {0[1]} {1[key]} {1[k2]}".format([10, 20], {"key": "v", "k2": "w"}))
class Pt:
    def __init__(self):
        self.x, self.y = 3, 4
print("{0.x},{0.y} {p.x}".format(Pt(), p=Pt()))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>8}".format("ab"))
print("{:>10}|{:<10}|{:^10}|{:*^10}|{:=+10}".format("r", "l", "c", "s", 42))
print("{:{w}.{p}f}|{:{}}|".format(3.14159, "x", 5, w=10, p=3))
print("{{}} {{{0}}} {{0}}".format("lit"))
print("{0:b} {0:o} {0:x} {0:X} {0:#b} {0:c} {0:d} {0:n}".format(97))
data = {"name": "Widget", "price": 9.5, "tags": ["a", "b"]}
print("{name} costs ${price:.2f} tags={tags}".format(**data))
print("{0}{1}{0}".format(*"ab"), "{}".format(None), "{:}".format(5), "{!r}".format(None))
for fmt in ["{", "}", "{0", "{0}}", "{:d}", "{1}", "{a}"]:
    try:
        print(fmt.format("x"))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__ + ":", e)
try:
    "{} {0}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
print("{0:>{1}}".format("nest", 8), "{:.{}}".format("truncate me", 5), "{:,}".format(1234567))
print("{:%Y}".format(type("D", (), {"__format__": lambda self, s: "custom:" + s})()))
table = [("Mercury", 0.387, 0.055), ("Venus", 0.723, 0.815), ("Earth", 1.0, 1.0), ("Mars", 1.524, 0.107)]
line = "{:<8}|{:>7.3f}|{:>8.3f}|{:>6.1%}"
for row in table:
    print(line.format(*row, row[2] / 1.0))
print(str.format("{} {}", "unbound", "call"), format(255, "x"), "{:5}|{:<5}|{:>5}|".format(1, 2, "s"))
