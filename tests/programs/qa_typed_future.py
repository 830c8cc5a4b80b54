from __future__ import annotations
# type-hinted inventory code in modern tutorial style
class Product:
    def __init__(self, name: str, price: float, qty: int = 0) -> None:
        self.name = name
        self.price = price
        self.qty = qty
    def value(self) -> float:
        return self.price * self.qty
    def restock(self, n: int) -> Product:
        self.qty += n
        return self
    def __repr__(self) -> str:
        return f"Product({self.name!r}, {self.price}, {self.qty})"
class Store:
    def __init__(self) -> None:
        self.products: dict[str, Product] = {}
    def add(self, p: Product) -> None:
        self.products[p.name] = p
    def total(self) -> float:
        return sum(p.value() for p in self.products.values())
    def cheapest(self, n: int = 2) -> list[Product]:
        return sorted(self.products.values(), key=lambda p: p.price)[:n]
s = Store()
for name, price, qty in [("pen", 1.5, 10), ("book", 12.0, 3), ("bag", 25.0, 1)]:
    s.add(Product(name, price, qty))
s.products["pen"].restock(5).restock(5)
print(s.products, s.total(), s.cheapest())
print(Product.value.__annotations__, Store.cheapest.__annotations__)
