# Ends with an uncaught custom exception carrying extra attributes.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available
balance = 100
for amount in [30, 50, 40]:
    if amount > balance:
        raise InsufficientFunds(amount, balance)
    balance -= amount
    print("withdrew", amount, "balance", balance)
