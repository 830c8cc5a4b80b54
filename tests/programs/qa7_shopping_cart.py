from decimal import Decimal, ROUND_HALF_UP
from dataclasses import dataclass, field
from typing import Dict
CENT = Decimal("0.01")
@dataclass
class LineItem:
    name: str
    unit: Decimal
    qty: int = 1
    @property
    def total(self) -> Decimal:
        return (self.unit * self.qty).quantize(CENT)
@dataclass
class Cart:
    items: Dict[str, LineItem] = field(default_factory=dict)
    coupons: list = field(default_factory=list)
    def add(self, name, price, qty=1):
        if qty <= 0:
            raise ValueError(f"quantity must be positive: {qty}")
        if name in self.items:
            self.items[name].qty += qty
        else:
            self.items[name] = LineItem(name, Decimal(price), qty)
    def remove(self, name, qty=None):
        item = self.items[name]
        if qty is None or qty >= item.qty:
            del self.items[name]
        else:
            item.qty -= qty
    def subtotal(self):
        return sum((i.total for i in self.items.values()), Decimal("0"))
    def discount(self):
        d = Decimal("0")
        for c in self.coupons:
            if c.endswith("%"):
                d += (self.subtotal() * Decimal(c[:-1]) / 100)
            else:
                d += Decimal(c)
        return min(d, self.subtotal()).quantize(CENT, rounding=ROUND_HALF_UP)
    def tax(self, rate=Decimal("0.0825")):
        return ((self.subtotal() - self.discount()) * rate).quantize(CENT, rounding=ROUND_HALF_UP)
    def total(self):
        return self.subtotal() - self.discount() + self.tax()
    def receipt(self):
        lines = [f"{i.name:<12}{i.qty:>3} x {i.unit:>7} = {i.total:>8}" for i in self.items.values()]
        lines += [f"{'subtotal':>28} {self.subtotal():>8}", f"{'discount':>28} {-self.discount():>8}",
                  f"{'tax':>28} {self.tax():>8}", f"{'TOTAL':>28} {self.total():>8}"]
        return "\n".join(lines)
cart = Cart()
cart.add("coffee", "12.99", 2)
cart.add("mug", "8.50")
cart.add("filters", "3.333", 3)
cart.add("coffee", "12.99")
cart.remove("filters", 1)
cart.coupons += ["10%", "2.00"]
print(cart.receipt())
print(repr(cart.items["mug"]))
for bad in [lambda: cart.add("x", "1", 0), lambda: cart.remove("tea"), lambda: cart.add("y", "abc")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(sum(i.qty for i in cart.items.values()), Decimal("1.10") + Decimal("2.205"), Decimal("19.999").quantize(CENT))
cart.add("gift", 5.1)
print(cart.items["gift"].unit)
print(Decimal(10) / Decimal(0))
