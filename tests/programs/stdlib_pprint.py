import pprint

data = {"name": "krait", "langs": ["python", "rust", "asm"] * 3, "nested": {"a": list(range(30)), "b": {"c": (1, 2)}}, "n": None}
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2)
print(pprint.pformat(list(range(40)), compact=True, width=50))
print(pprint.pformat({"z": 1, "a": 2}), pprint.pformat({"z": 1, "a": 2}, sort_dicts=False))
print(pprint.saferepr({"x": [1, 2]}), pprint.isreadable([1, 2]), pprint.isrecursive([1]))
rec = [1]
rec.append(rec)
print(pprint.isrecursive(rec), pprint.isreadable(rec))
pp = pprint.PrettyPrinter(indent=4, width=30)
pp.pprint({"key%d" % i: "v" * i for i in range(5)})
pprint.pprint(("a" * 30, "b" * 30, "c" * 30))
pprint.pprint([{"x": i, "y": [i] * i} for i in range(4)], width=30)
