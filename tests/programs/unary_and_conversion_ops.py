# Unary operators and their dunders on builtins and user types.
vals = [0, 5, -5, 2 ** 70, -(2 ** 70), 1.5, -0.0, True, False]
for v in vals:
    row = [-v, +v, abs(v)]
    if isinstance(v, int):
        row.append(~v)
    print(repr(v), row)
print(-(1 + 2j), +(1 - 2j), abs(3 - 4j), not 0, not [], not [0])
class Signed:
    def __init__(self, v):
        self.v = v
    def __neg__(self):
        return Signed(-self.v)
    def __pos__(self):
        return Signed(+self.v if self.v >= 0 else 0)
    def __invert__(self):
        return Signed(~self.v)
    def __abs__(self):
        return abs(self.v)
    def __repr__(self):
        return f"S({self.v})"
s = Signed(7)
print(-s, +s, ~s, abs(s), --s, -+-s, +Signed(-3), ~~s)
class NoNeg:
    pass
for op in (lambda o: -o, lambda o: +o, lambda o: ~o, lambda o: abs(o)):
    try:
        op(NoNeg())
    except TypeError as e:
        print("TypeError:", e)
try:
    ~1.5
except TypeError as e:
    print("TypeError:", e)
try:
    -"str"
except TypeError as e:
    print("TypeError:", e)
x = 5
print(- - x, - + - x, not not x, ~-x, -~x)
print([-i for i in range(3)], [~i for i in range(-2, 3)])
