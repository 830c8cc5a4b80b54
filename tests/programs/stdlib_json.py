import json

data = {"name": "Krait", "version": [3, 11], "fast": True, "none": None, "pi": 3.14159, "nested": {"a": [1, {"b": 2}]}}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, "é", "\n"]), json.dumps("é", ensure_ascii=False), json.dumps({"b": 1, "a": 2}, separators=(",", ":")))
back = json.loads(s)
print(back == data, back["nested"]["a"][1]["b"], type(back["pi"]))
print(json.loads('[1, 2.5, "x", true, false, null, {"k": -1e3}]'))
print(json.loads('"\\u00e9\\ud83d\\ude00"'), json.loads("  42 "), json.loads('{"a": {"b": []}}'))
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print("decode error:", e.msg, e.lineno, e.colno)
try:
    json.dumps({1, 2})
except TypeError as e:
    print("type error:", e)


class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y


class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Pt):
            return {"x": o.x, "y": o.y}
        return super().default(o)


print(json.dumps([Pt(1, 2)], cls=Enc), json.dumps(Pt(3, 4), default=lambda o: [o.x, o.y]))
print(json.loads('{"x": 1, "y": 2}', object_hook=lambda d: (d["x"], d["y"])))
print(json.loads("[1.5, 2]", parse_float=lambda s: "F" + s), json.loads('{"a":1,"a":2}'))
print(json.dumps(float("inf")), json.dumps({1: "int key", 2.5: "f", None: 0, True: 1}))
print(json.dumps([]), json.dumps({}), json.dumps([[]], indent=1), json.dumps(10**30))
