# A vending machine state machine with coins, selection, change making, and error states.
class VendingError(Exception):
    pass
class Machine:
    COINS = (200, 100, 50, 20, 10, 5)
    def __init__(self, stock, prices, float_coins):
        self.stock = dict(stock)
        self.prices = dict(prices)
        self.bank = dict(float_coins)
        self.state = "idle"
        self.inserted = []
        self.sales = 0
    def insert(self, coin):
        if coin not in self.COINS:
            raise VendingError(f"rejected coin {coin}")
        if self.state == "out_of_order":
            raise VendingError("machine out of order")
        self.inserted.append(coin)
        self.state = "has_money"
        return sum(self.inserted)
    def make_change(self, amount):
        change = []
        bank = dict(self.bank)
        for c in self.COINS:
            while amount >= c and bank.get(c, 0) > 0:
                amount -= c
                bank[c] -= 1
                change.append(c)
        if amount:
            return None
        self.bank = bank
        return change
    def select(self, item):
        if self.state != "has_money":
            raise VendingError("insert money first")
        if item not in self.prices:
            raise VendingError(f"unknown item {item!r}")
        if self.stock.get(item, 0) == 0:
            raise VendingError(f"{item} sold out")
        credit = sum(self.inserted)
        price = self.prices[item]
        if credit < price:
            raise VendingError(f"{item} costs {price}, credit is {credit}")
        for c in self.inserted:
            self.bank[c] = self.bank.get(c, 0) + 1
        change = self.make_change(credit - price)
        if change is None:
            for c in self.inserted:
                self.bank[c] -= 1
            raise VendingError("cannot make change, use exact coins")
        self.stock[item] -= 1
        self.sales += price
        self.inserted = []
        self.state = "idle"
        if all(v == 0 for v in self.stock.values()):
            self.state = "out_of_order"
        return item, change
    def refund(self):
        coins, self.inserted = self.inserted, []
        if self.state == "has_money":
            self.state = "idle"
        return coins
m = Machine(stock={"cola": 2, "chips": 1, "gum": 1}, prices={"cola": 120, "chips": 85, "gum": 35}, float_coins={50: 1, 20: 2, 10: 1, 5: 0})
script = [("select", "cola"), ("insert", 100), ("insert", 3), ("insert", 50), ("select", "water"), ("select", "cola"),
          ("insert", 200), ("select", "chips"), ("insert", 100), ("insert", 20), ("select", "cola"),
          ("insert", 50), ("insert", 50), ("select", "cola"), ("refund", None), ("insert", 20), ("insert", 10), ("insert", 5),
          ("select", "gum"), ("insert", 100), ("select", "chips"), ("refund", None), ("insert", 50), ("insert", 20), ("insert", 10), ("insert", 5),
          ("select", "chips"), ("insert", 10)]
for action, arg in script:
    try:
        if action == "insert":
            result = f"credit {m.insert(arg)}"
        elif action == "select":
            item, change = m.select(arg)
            result = f"vended {item}, change {change}"
        else:
            result = f"refunded {m.refund()}"
    except VendingError as e:
        result = f"ERROR {e}"
    print(f"{action:6} {str(arg):6} -> {result:45} state={m.state}")
print("stock", m.stock, "sales", m.sales, "bank", dict(sorted(m.bank.items())))
