# Processing nested dict/list records: grouping, aggregation, joins, pivoting, and transforms.
orders = [
    {"id": 1, "customer": "ann", "items": [{"sku": "A", "qty": 2}, {"sku": "B", "qty": 1}], "status": "shipped"},
    {"id": 2, "customer": "bob", "items": [{"sku": "A", "qty": 1}], "status": "pending"},
    {"id": 3, "customer": "ann", "items": [{"sku": "C", "qty": 5}], "status": "shipped"},
    {"id": 4, "customer": "cy", "items": [{"sku": "B", "qty": 2}, {"sku": "C", "qty": 1}, {"sku": "A", "qty": 1}], "status": "cancelled"},
    {"id": 5, "customer": "bob", "items": [{"sku": "C", "qty": 2}, {"sku": "B", "qty": 3}], "status": "shipped"},
]
prices = {"A": 9.99, "B": 24.5, "C": 3.25}
customers = {"ann": {"city": "Oslo", "tier": "gold"}, "bob": {"city": "Lima", "tier": "silver"}, "cy": {"city": "Oslo", "tier": "bronze"}}
def order_total(o):
    return round(sum(prices[i["sku"]] * i["qty"] for i in o["items"]), 2)
for o in orders:
    print(o["id"], o["customer"], o["status"], order_total(o))
by_status = {}
for o in orders:
    by_status.setdefault(o["status"], []).append(o["id"])
print(by_status)
revenue = {}
for o in orders:
    if o["status"] == "shipped":
        revenue[o["customer"]] = round(revenue.get(o["customer"], 0) + order_total(o), 2)
print(revenue)
by_city = {}
for name, total in revenue.items():
    city = customers[name]["city"]
    by_city[city] = round(by_city.get(city, 0) + total, 2)
print(by_city)
pivot = {}
for o in orders:
    for it in o["items"]:
        row = pivot.setdefault(o["customer"], {sku: 0 for sku in sorted(prices)})
        row[it["sku"]] += it["qty"]
print("cust  " + "  ".join(sorted(prices)))
for cust in sorted(pivot):
    print(f"{cust:5} " + "  ".join(str(pivot[cust][s]) for s in sorted(prices)))
sku_totals = {sku: sum(r[sku] for r in pivot.values()) for sku in sorted(prices)}
print(sku_totals, max(sku_totals, key=sku_totals.get))
flat = [{"order": o["id"], **it, "tier": customers[o["customer"]]["tier"]} for o in orders for it in o["items"]]
print(len(flat), flat[:3])
def deep_get(d, path, default=None):
    cur = d
    for key in path.split("."):
        if isinstance(cur, dict) and key in cur:
            cur = cur[key]
        elif isinstance(cur, list) and key.isdigit() and int(key) < len(cur):
            cur = cur[int(key)]
        else:
            return default
    return cur
print(deep_get({"orders": orders}, "orders.3.items.1.sku"), deep_get({"orders": orders}, "orders.9.id", "none"))
def deep_merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = deep_merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out
base = {"db": {"host": "localhost", "port": 5432, "opts": {"ssl": False}}, "debug": False}
override = {"db": {"port": 6543, "opts": {"ssl": True, "timeout": 3}}, "debug": True}
print(deep_merge(base, override))
inverted = {}
for cust, info in customers.items():
    inverted.setdefault(info["city"], []).append(cust)
print(inverted, {k: len(v) for k, v in sorted(inverted.items())})
