import json, csv, io
from datetime import date

data = {"name": "Widget", "tags": ["a", "b"], "price": 9.99, "stock": None, "active": True,
        "dims": {"w": 1, "h": 2.5}, "unicode": "café ☕"}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
back = json.loads(s)
print(back == data, back["unicode"], type(back["dims"]["h"]))
print(json.dumps([1, 2, [3, [4]]], indent=1))
def enc(o):
    if isinstance(o, date):
        return o.isoformat()
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f"cannot encode {type(o).__name__}")
print(json.dumps({"d": date(2024, 2, 29), "s": {3, 1, 2}}, default=enc))
try:
    json.dumps({"c": complex(1, 2)}, default=enc)
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps({"c": object()})
except TypeError as e:
    print("TypeError:", str(e).split(" at ")[0])
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e, e.lineno, e.colno)
print(json.loads("[1, 2.0, 1e3, -0, \"x\\u00e9\", null, true]"))
print(json.dumps({1: "a", 2.5: "b", None: "c", True: "d"}))
print(json.dumps(float("inf")), json.dumps("tab\tquote\"nl\n"))
print(json.loads('{"a": {"b": [1, {"c": 2}]}}', object_hook=lambda d: {k.upper(): v for k, v in d.items()}))
print(json.dumps((1, 2)), json.dumps("ü"), json.dumps(10**20))
buf = io.StringIO()
w = csv.writer(buf)
w.writerow(["name", "qty", "note"])
w.writerow(["apple", 3, "fresh, red"])
w.writerow(["pear", 5, 'says "hi"'])
w.writerows([["fig", 0, ""], ["kiwi", 2, "multi\nline"]])
print(repr(buf.getvalue()))
buf.seek(0)
rows = list(csv.reader(buf))
print(rows)
buf.seek(0)
for row in csv.DictReader(buf):
    print(dict(row))
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["a", "b"], extrasaction="ignore")
dw.writeheader()
dw.writerow({"a": 1, "b": 2, "c": 3})
dw.writerow({"a": "x"})
print(out.getvalue(), end="")
tsv = "x\ty\n1\t2\n"
print(list(csv.reader(io.StringIO(tsv), delimiter="\t")))
q = io.StringIO()
csv.writer(q, quoting=csv.QUOTE_NONNUMERIC).writerow(["a", 1, 2.5])
print(q.getvalue(), end="")
total = sum(int(r["qty"]) for r in csv.DictReader(io.StringIO("name,qty\na,1\nb,4\n")))
print("total", total)
