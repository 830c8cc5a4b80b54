# An inventory manager built on dicts: stock, orders, restocking, reports.
inventory = {}
def add_item(sku, name, qty, price, category):
    if sku in inventory:
        raise ValueError(f"duplicate sku {sku}")
    inventory[sku] = {"name": name, "qty": qty, "price": price, "category": category, "sold": 0}
catalog = [
    ("A100", "Widget", 50, 2.50, "hardware"),
    ("A200", "Gadget", 10, 12.99, "hardware"),
    ("B100", "Notebook", 200, 1.25, "stationery"),
    ("B200", "Pen (blue)", 500, 0.40, "stationery"),
    ("C100", "Coffee beans", 30, 8.75, "grocery"),
    ("C200", "Tea", 0, 4.10, "grocery"),
]
for row in catalog:
    add_item(*row)
try:
    add_item("A100", "Dup", 1, 1.0, "x")
except ValueError as e:
    print("error:", e)
def place_order(lines):
    missing = [(sku, q) for sku, q in lines if sku not in inventory or inventory[sku]["qty"] < q]
    if missing:
        return False, missing
    total = 0.0
    for sku, q in lines:
        item = inventory[sku]
        item["qty"] -= q
        item["sold"] += q
        total += q * item["price"]
    return True, round(total, 2)
orders = [
    [("A100", 5), ("B200", 100)],
    [("A200", 11)],
    [("C200", 1), ("C100", 2)],
    [("Z999", 1)],
    [("C100", 28), ("B100", 150), ("A200", 10)],
]
for i, o in enumerate(orders, 1):
    ok, info = place_order(o)
    print(f"order {i}: {'OK total ' + format(info, '.2f') if ok else 'REJECTED ' + str(info)}")
def low_stock(threshold=10):
    return sorted((v["qty"], sku) for sku, v in inventory.items() if v["qty"] <= threshold)
print("low stock:", low_stock())
def restock(threshold=10, target=40):
    for qty, sku in low_stock(threshold):
        inventory[sku]["qty"] = target
        print(f"restocked {sku} ({inventory[sku]['name']}) from {qty} to {target}")
restock()
by_cat = {}
for sku, v in inventory.items():
    cat = by_cat.setdefault(v["category"], {"items": 0, "units": 0, "value": 0.0, "revenue": 0.0})
    cat["items"] += 1
    cat["units"] += v["qty"]
    cat["value"] += v["qty"] * v["price"]
    cat["revenue"] += v["sold"] * v["price"]
print(f"{'category':<12}{'items':>6}{'units':>7}{'value':>10}{'revenue':>10}")
for name in sorted(by_cat):
    c = by_cat[name]
    print(f"{name:<12}{c['items']:>6}{c['units']:>7}{c['value']:>10.2f}{c['revenue']:>10.2f}")
best = max(inventory.items(), key=lambda kv: kv[1]["sold"] * kv[1]["price"])
print("best seller by revenue:", best[0], best[1]["name"])
print("never sold:", sorted(sku for sku, v in inventory.items() if v["sold"] == 0))
price_bands = {}
for sku, v in inventory.items():
    band = "cheap" if v["price"] < 2 else "mid" if v["price"] < 10 else "premium"
    price_bands.setdefault(band, []).append(sku)
print(price_bands)
removed = inventory.pop("C200")
print("discontinued", removed["name"], "remaining skus", list(inventory))
