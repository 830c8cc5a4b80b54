# shopping cart with discounts, taxes and receipts
class Item:
    def __init__(self, sku, name, price, category):
        self.sku, self.name, self.price, self.category = sku, name, price, category
    def __repr__(self):
        return f"Item({self.sku!r})"
class Discount:
    def applies(self, line):
        return False
    def amount(self, line):
        return 0.0
class PercentOff(Discount):
    def __init__(self, category, pct):
        self.category, self.pct = category, pct
    def applies(self, line):
        return line.item.category == self.category
    def amount(self, line):
        return round(line.subtotal() * self.pct / 100, 2)
    def __str__(self):
        return f"{self.pct}% off {self.category}"
class BuyNGetOne(Discount):
    def __init__(self, sku, n):
        self.sku, self.n = sku, n
    def applies(self, line):
        return line.item.sku == self.sku and line.qty > self.n
    def amount(self, line):
        return line.item.price * (line.qty // (self.n + 1))
    def __str__(self):
        return f"buy {self.n} get 1 free on {self.sku}"
class Line:
    def __init__(self, item, qty):
        self.item, self.qty = item, qty
    def subtotal(self):
        return self.item.price * self.qty
class Cart:
    TAX = {"food": 0.0, "books": 0.05}
    DEFAULT_TAX = 0.2
    def __init__(self, discounts=()):
        self.lines = {}
        self.discounts = list(discounts)
    def add(self, item, qty=1):
        if qty <= 0:
            raise ValueError("quantity must be positive")
        if item.sku in self.lines:
            self.lines[item.sku].qty += qty
        else:
            self.lines[item.sku] = Line(item, qty)
        return self
    def remove(self, sku, qty=None):
        line = self.lines[sku]
        if qty is None or qty >= line.qty:
            del self.lines[sku]
        else:
            line.qty -= qty
    def receipt(self):
        out = []
        total = tax_total = disc_total = 0.0
        for sku in sorted(self.lines):
            line = self.lines[sku]
            sub = line.subtotal()
            out.append(f"{line.item.name:<14}{line.qty:>3} x {line.item.price:>7.2f} = {sub:>8.2f}")
            for d in self.discounts:
                if d.applies(line):
                    amt = d.amount(line)
                    disc_total += amt
                    sub -= amt
                    out.append(f"  - {str(d):<30}{-amt:>9.2f}")
            rate = self.TAX.get(line.item.category, self.DEFAULT_TAX)
            tax = round(sub * rate, 2)
            tax_total += tax
            total += sub + tax
        out.append("-" * 42)
        out.append(f"{'discounts':<30}{-disc_total:>12.2f}")
        out.append(f"{'tax':<30}{tax_total:>12.2f}")
        out.append(f"{'TOTAL':<30}{total:>12.2f}")
        return "\n".join(out)
catalog = {i.sku: i for i in [Item("A1", "Apples", 0.5, "food"), Item("B7", "Python Book", 39.99, "books"),
                               Item("C3", "Cable", 7.25, "electronics"), Item("D9", "Dark Chocolate", 2.8, "food")]}
cart = Cart([PercentOff("books", 15), BuyNGetOne("A1", 3), PercentOff("electronics", 10)])
cart.add(catalog["A1"], 9).add(catalog["B7"]).add(catalog["C3"], 2).add(catalog["D9"], 3).add(catalog["A1"])
print(cart.receipt())
cart.remove("D9", 1)
cart.remove("C3")
print(cart.receipt())
for bad in [lambda: cart.add(catalog["A1"], 0), lambda: cart.remove("ZZ"), lambda: catalog["Q1"]]:
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
