from collections import defaultdict
from dataclasses import dataclass
import json

class OutOfStock(Exception):
    pass

@dataclass
class Product:
    sku: str
    name: str
    price: float
    stock: int = 0

class Inventory:
    def __init__(self):
        self.products = {}
        self.log = []
    def add(self, p):
        if p.sku in self.products:
            raise KeyError(f"duplicate sku {p.sku}")
        self.products[p.sku] = p
    def __getitem__(self, sku):
        return self.products[sku]
    def __contains__(self, sku):
        return sku in self.products
    def __iter__(self):
        return iter(sorted(self.products.values(), key=lambda p: p.sku))
    def __len__(self):
        return len(self.products)
    def restock(self, sku, n):
        self[sku].stock += n
        self.log.append(("restock", sku, n))
    def sell(self, sku, n):
        p = self[sku]
        if p.stock < n:
            raise OutOfStock(f"{p.name}: only {p.stock} left, wanted {n}")
        p.stock -= n
        self.log.append(("sell", sku, n))
        return round(p.price * n, 2)
    def value(self):
        return round(sum(p.price * p.stock for p in self), 2)
    def report(self):
        lines = [f"{'SKU':<6}{'Name':<12}{'Price':>8}{'Qty':>5}"]
        for p in self:
            lines.append(f"{p.sku:<6}{p.name:<12}{p.price:>8.2f}{p.stock:>5}")
        lines.append(f"{'Total value:':<26}{self.value():>10.2f}")
        return "\n".join(lines)

inv = Inventory()
for sku, name, price in [("A1", "Widget", 2.5), ("B2", "Gadget", 10.0), ("C3", "Doohickey", 0.99)]:
    inv.add(Product(sku, name, price))
inv.restock("A1", 100); inv.restock("B2", 5); inv.restock("C3", 1000)
revenue = 0.0
orders = [("A1", 10), ("B2", 6), ("C3", 250), ("Z9", 1), ("B2", 5), ("A1", 91)]
for sku, qty in orders:
    try:
        amt = inv.sell(sku, qty)
        revenue += amt
        print(f"sold {qty} x {sku} for {amt:.2f}")
    except OutOfStock as e:
        print("out of stock:", e)
    except KeyError as e:
        print("unknown sku:", e)
print(inv.report())
print(f"revenue={revenue:.2f}", len(inv), "A1" in inv, "Q" in inv)
summary = defaultdict(int)
for kind, sku, n in inv.log:
    summary[kind] += n
print(json.dumps(summary, sort_keys=True))
try:
    inv.add(Product("A1", "dup", 1))
except KeyError as e:
    print(repr(e), e.args[0])
print([p.name for p in inv if p.stock == 0])
inv.sell("C3", 10**6)
