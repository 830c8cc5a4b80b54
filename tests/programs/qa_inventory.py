# inventory with dict patterns and sorting
inventory = {}
def add_item(name, qty, price, tags=()):
    if name in inventory:
        inventory[name]["qty"] += qty
        inventory[name]["tags"].update(tags)
    else:
        inventory[name] = {"qty": qty, "price": price, "tags": set(tags)}

add_item("hammer", 5, 12.5, ["tool", "metal"])
add_item("nails", 500, 0.02, ["metal"])
add_item("glue", 10, 3.75, ["adhesive"])
add_item("hammer", 2, 12.5, ["heavy"])
add_item("tape", 0, 2.0)
add_item("saw", 3, 25.0, ("tool",))

for name, info in sorted(inventory.items(), key=lambda kv: (-kv[1]["qty"] * kv[1]["price"], kv[0])):
    print(f"{name:8} {info['qty']:4} x {info['price']:6.2f} = {info['qty'] * info['price']:8.2f}  {sorted(info['tags'])}")

by_tag = {}
for name, info in inventory.items():
    for t in info["tags"]:
        by_tag.setdefault(t, []).append(name)
for t in sorted(by_tag):
    print(t, "->", ", ".join(sorted(by_tag[t])))

out_of_stock = [n for n, i in inventory.items() if not i["qty"]]
print("out:", out_of_stock)
value = {n: round(i["qty"] * i["price"], 2) for n, i in inventory.items()}
print(value)
print(max(value, key=value.get), min(value.items(), key=lambda kv: kv[1]))
inverse = {v: k for k, v in value.items()}
print(sorted(inverse.items()))
d2 = dict(value)
d2.update(hammer=0, drill=99.9)
d2.update([("saw", 1)])
print(d2)
print(d2.pop("drill"), d2.pop("missing", "none"), d2.popitem(), len(d2))
print(list(d2.keys())[:2], list(d2.values())[-1:])
merged = value | {"extra": 1}
print(merged)
value |= {"glue": 0}
print(value["glue"], "glue" in value, "x" not in value)
for k in list(value):
    if value[k] == 0:
        del value[k]
print(value)
try:
    for k in value:
        value[k + "!"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items(), key=lambda x: (-x[1], x[0])))
print(dict.fromkeys("abc", 0), dict(zip("xyz", range(3))), dict(a=1, **{"b": 2}))
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = [1, 2, {"e": 3}]
print(nested, nested["a"]["b"]["d"][2]["e"])
print(sorted(inventory, key=len), sorted(inventory, reverse=True))
print(inventory["nails"]["tags"] == {"metal"}, repr(inventory.get("nothing")))
print(list(reversed(list(inventory))), list(reversed(inventory.keys())))
