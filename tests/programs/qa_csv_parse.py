# CSV-like parsing by hand with quoted fields
DATA = '''id,name,city,score,notes
1,Alice,"New York, NY",93.5,"said ""hi"""
2,Bob,Boston,78,
3,"Carol, Jr.",Chicago,88.25,"multi word note"
4,Dan,,91,x
5,Eve,Denver,not_a_number,bad
'''

def split_row(line):
    fields, cur, inq, i = [], [], False, 0
    while i < len(line):
        ch = line[i]
        if inq:
            if ch == '"':
                if i + 1 < len(line) and line[i + 1] == '"':
                    cur.append('"')
                    i += 1
                else:
                    inq = False
            else:
                cur.append(ch)
        elif ch == '"':
            inq = True
        elif ch == ",":
            fields.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    fields.append("".join(cur))
    return fields

lines = DATA.strip().split("\n")
header = split_row(lines[0])
rows = []
errors = []
for lineno, line in enumerate(lines[1:], start=2):
    vals = split_row(line)
    rec = dict(zip(header, vals))
    try:
        rec["score"] = float(rec["score"])
    except ValueError as e:
        errors.append((lineno, str(e)))
        continue
    rec["id"] = int(rec["id"])
    rows.append(rec)

for r in rows:
    print(f"{r['id']:>3} {r['name']:<12} {r['city'] or '-':<14} {r['score']:6.2f} {r['notes']!r}")
print("errors:", errors)
avg = sum(r["score"] for r in rows) / len(rows)
print(f"avg={avg:.3f} max={max(rows, key=lambda r: r['score'])['name']}")
print(split_row('a,"b,c",,"",d'))
print(split_row(""), split_row(","), split_row('""""'))

def to_csv(rows, cols):
    def q(v):
        s = str(v)
        if any(c in s for c in ',"\n'):
            return '"' + s.replace('"', '""') + '"'
        return s
    out = [",".join(cols)]
    for r in rows:
        out.append(",".join(q(r[c]) for c in cols))
    return "\n".join(out)
print(to_csv(rows, ["name", "city", "notes"]))
print("a,b,,c".split(","), "a  b   c".split(), " x ".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("k=v; k2=v2;k3 = v3".split(";"), [p.strip().partition("=") for p in "k=v; k2=v2;k3 = v3".split(";")])
cols = list(zip(*[split_row(l) for l in lines[:4]]))
print(cols[1])
print("|".join(h.upper().center(7, ".") for h in header))
