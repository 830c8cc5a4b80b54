# a longer program whose syntax error is deep inside (line/caret reporting)
class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, name, qty):
        self.items[name] = self.items.get(name, 0) + qty

    def remove(self, name, qty):
        if self.items.get(name, 0) < qty:
            raise ValueError(f"not enough {name}")
        self.items[name] -= qty

    def report(self):
        for name, qty in sorted(self.items.items()):
            print(f"{name:10} {qty:5}")

def main():
    inv = Inventory()
    inv.add("apple", 5)
    inv.add("pear", 3)
    inv.remove("apple", 2)
    inv.report()
    totals = {name: qty * 2 for name, qty in inv.items.items()}
    print(totals
    print("done")

main()
