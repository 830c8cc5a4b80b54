class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available

class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("negative balance")
        self._balance = value

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"invalid amount: {amount}")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, balance={self.balance})"

    def __eq__(self, other):
        if not isinstance(other, Account):
            return NotImplemented
        return self.id == other.id

    def __lt__(self, other):
        return self.balance < other.balance

    def __hash__(self):
        return hash(self.id)

class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
    def __repr__(self):
        return "Savings" + super().__repr__()

accts = [Account("alice", 100), SavingsAccount("bob", 500, 0.05), Account("carol")]
accts[0].deposit(50).withdraw(30)
print(accts[1].add_interest())
try:
    accts[2].withdraw(10)
except InsufficientFunds as e:
    print("error:", e, e.needed, e.available, e.args)
try:
    accts[2].deposit(-5)
except ValueError as e:
    print("error:", e)
try:
    accts[0].balance = -1
except ValueError as e:
    print(type(e).__name__, e)
print(sorted(accts))
print(max(accts), min(accts, key=lambda a: a.owner))
print(accts[0] == accts[0], accts[0] == accts[1], accts[0] != "x")
print(len({accts[0], accts[0], accts[1]}))
print(accts[0].history)
print(isinstance(accts[1], Account), issubclass(SavingsAccount, Account), SavingsAccount.__mro__)
try:
    accts[0] < 5
except TypeError as e:
    print(e)
accts[2].withdraw(1)
