# Record-like classes without dataclasses: __init__ generation, eq, repr, ordering.
def record(name, fields):
    def __init__(self, *args, **kwargs):
        if len(args) > len(fields):
            raise TypeError(f"{name} takes {len(fields)} arguments")
        values = dict(zip(fields, args))
        for k, v in kwargs.items():
            if k not in fields:
                raise TypeError(f"{name} has no field {k!r}")
            if k in values:
                raise TypeError(f"duplicate value for {k!r}")
            values[k] = v
        missing = [f for f in fields if f not in values]
        if missing:
            raise TypeError(f"{name} missing {missing}")
        for f in fields:
            setattr(self, f, values[f])
    def __repr__(self):
        return f"{name}(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in fields) + ")"
    def astuple(self):
        return tuple(getattr(self, f) for f in fields)
    def __eq__(self, other):
        return type(self) is type(other) and self.astuple() == other.astuple()
    def __lt__(self, other):
        return self.astuple() < other.astuple()
    def __hash__(self):
        return hash(self.astuple())
    def replace(self, **changes):
        vals = {f: getattr(self, f) for f in fields}
        vals.update(changes)
        return type(self)(**vals)
    ns = {"__init__": __init__, "__repr__": __repr__, "astuple": astuple, "__eq__": __eq__,
          "__lt__": __lt__, "__hash__": __hash__, "replace": replace, "_fields": tuple(fields)}
    return type(name, (), ns)
Point = record("Point", ["x", "y"])
Employee = record("Employee", ["name", "dept", "salary"])
p = Point(1, 2)
q = Point(y=5, x=0)
print(p, q, p == Point(1, 2), p != q, p < q, Point._fields, p.astuple(), p.replace(y=99))
print(len({p, Point(1, 2), q}), sorted([Point(3, 1), Point(1, 9), Point(1, 2)]))
for args, kwargs in [((1,), {}), ((1, 2, 3), {}), ((1,), {"x": 2}), ((), {"z": 1})]:
    try:
        Point(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
staff = [Employee("Ann", "eng", 120), Employee("Bob", "ops", 90), Employee("Cy", "eng", 105), Employee("Di", "ops", 95), Employee("Ed", "hr", 70)]
by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e)
for dept in sorted(by_dept):
    members = by_dept[dept]
    avg = sum(m.salary for m in members) / len(members)
    print(f"{dept:4} n={len(members)} avg={avg:7.2f} top={max(members, key=lambda m: m.salary).name}")
raised = [e.replace(salary=round(e.salary * 1.1)) for e in staff]
print(raised)
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
    @property
    def second(self):
        return self[1]
    def __repr__(self):
        return f"Pair({self[0]!r}, {self[1]!r})"
pr = Pair(1, "b")
print(pr, pr.first, pr.second, pr == (1, "b"), len(pr), isinstance(pr, tuple), hash(pr) == hash((1, "b")))
a, b = pr
print(a, b, sorted([Pair(2, "a"), Pair(1, "z")]))
