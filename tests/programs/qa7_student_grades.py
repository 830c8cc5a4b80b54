import csv, io, statistics
from collections import defaultdict, namedtuple
DATA = """student,subject,score
alice,math,91
bob,math,78
carol,math,85
alice,physics,88
bob,physics,92
carol,physics,70
alice,history,75
bob,history,64
dave,math,
carol,history,95
"""
Record = namedtuple("Record", "student subject score")
records, skipped = [], []
for row in csv.DictReader(io.StringIO(DATA)):
    try:
        records.append(Record(row["student"], row["subject"], int(row["score"])))
    except ValueError as e:
        skipped.append((row["student"], str(e)))
print("skipped:", skipped)
by_student = defaultdict(dict)
for r in records:
    by_student[r.student][r.subject] = r.score
subjects = sorted({r.subject for r in records})
print(f"{'name':<8}" + "".join(f"{s:>9}" for s in subjects) + f"{'avg':>8}")
for name, scores in sorted(by_student.items()):
    avg = statistics.mean(scores.values())
    cells = "".join(f"{scores.get(s, '-'):>9}" for s in subjects)
    print(f"{name:<8}{cells}{avg:>8.2f}")
def letter(score):
    for cutoff, g in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if score >= cutoff:
            return g
    return "F"
dist = defaultdict(list)
for r in records:
    dist[letter(r.score)].append(f"{r.student}/{r.subject}")
for g in "ABCDF":
    print(g, len(dist[g]), ", ".join(dist[g]))
for s in subjects:
    vals = [r.score for r in records if r.subject == s]
    print(f"{s}: mean={statistics.mean(vals):.1f} median={statistics.median(vals)} stdev={statistics.stdev(vals):.2f} range={max(vals) - min(vals)}")
best = max(records, key=lambda r: r.score)
print("top:", best, best._asdict())
ranking = sorted(by_student, key=lambda n: -statistics.mean(by_student[n].values()))
print("ranking:", " > ".join(ranking))
print(statistics.mean(by_student["eve"].values()))
