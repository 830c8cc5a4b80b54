# employee hierarchy: recursion over a tree built from flat records
RECORDS = """id,name,title,manager,salary
1,Ada,CEO,,300000
2,Brian,CTO,1,250000
3,Cleo,CFO,1,240000
4,Dmitri,Eng Manager,2,180000
5,Esme,Engineer,4,150000
6,Farid,Engineer,4,145000
7,Gita,Accountant,3,110000
8,Hugo,Intern,5,40000
9,Ines,Engineer,4,155000"""
class Employee:
    def __init__(self, id, name, title, manager, salary):
        self.id, self.name, self.title = int(id), name, title
        self.manager_id = int(manager) if manager else None
        self.salary = int(salary)
        self.reports = []
    def __repr__(self):
        return f"{self.name} ({self.title})"
    def walk(self, depth=0):
        yield depth, self
        for r in sorted(self.reports, key=lambda e: e.name):
            yield from r.walk(depth + 1)
    def team_cost(self):
        return self.salary + sum(r.team_cost() for r in self.reports)
    def headcount(self):
        return 1 + sum(r.headcount() for r in self.reports)
    def chain(self, by_id):
        e, out = self, []
        while e.manager_id is not None:
            e = by_id[e.manager_id]
            out.append(e.name)
        return out
lines = RECORDS.splitlines()
fields = lines[0].split(",")
people = [Employee(**dict(zip(fields, line.split(",")))) for line in lines[1:]]
by_id = {e.id: e for e in people}
root = None
for e in people:
    if e.manager_id is None:
        root = e
    else:
        by_id[e.manager_id].reports.append(e)
for depth, e in root.walk():
    branch = "    " * (depth - 1) + "└── " if depth else ""
    print(f"{branch}{e!r:<24} ${e.salary:>9,}  team={e.headcount()} cost=${e.team_cost():,}")
print({e.name: e.chain(by_id) for e in people if e.title == "Engineer" or e.title == "Intern"})
max_depth = max(d for d, _ in root.walk())
deepest = [e.name for d, e in root.walk() if d == max_depth]
print(max_depth, deepest)
by_title = {}
for e in people:
    by_title.setdefault(e.title, []).append(e.salary)
for t, s in sorted(by_title.items(), key=lambda kv: -sum(kv[1]) / len(kv[1])):
    print(f"{t:<12} avg {sum(s) / len(s):>12,.2f} n={len(s)}")
def raise_team(e, pct):
    e.salary = round(e.salary * (1 + pct / 100))
    for r in e.reports:
        raise_team(r, pct)
raise_team(by_id[4], 10)
print([(e.name, e.salary) for _, e in by_id[4].walk()])
