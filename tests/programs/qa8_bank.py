class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"cannot withdraw {amount:.2f}; balance is {balance:.2f}")
        self.balance = balance
        self.amount = amount

class AccountLocked(Exception):
    pass

class Account:
    _next_id = 1000
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self._balance = balance
        self.history = []
        self.locked = False
        Account._next_id += 1
        self.id = Account._next_id

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._check()
        self._balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        self._check()
        if amount > self._balance:
            raise InsufficientFunds(self._balance, amount)
        self._balance -= amount
        self.history.append(("wd", amount))

    def _check(self):
        if self.locked:
            raise AccountLocked(f"account {self.id} is locked")

    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance:.2f})"

class Savings(Account):
    def __init__(self, owner, balance=0.0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, *args, **kw):
        acct = cls(*args, **kw)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except KeyError:
            raise LookupError(f"no account {src}") from None
        self.accounts[dst].deposit(amount)

bank = Bank()
a = bank.open(Account, "alice", 100)
b = bank.open(Savings, "bob", 250, rate=0.05)
print(a, b, a.id, b.id)
bank.transfer(a.id, b.id, 30)
print(a.balance, b.balance)
print("interest", b.add_interest(), b)
for amt in [50, 100, -5]:
    try:
        if amt < 0:
            a.deposit(amt)
        a.withdraw(amt)
        print("withdrew", amt)
    except InsufficientFunds as e:
        print("Error:", e, e.args)
    except ValueError as e:
        print("Bad:", e)
try:
    bank.transfer(1, a.id, 5)
except LookupError as e:
    print(type(e).__name__, e, e.__cause__, e.__suppress_context__)
a.locked = True
try:
    a.deposit(1)
except AccountLocked as e:
    print(repr(e))
print(a.history, b.history)
try:
    a.balance = 5
except AttributeError as e:
    print(e)
print(isinstance(b, Account), issubclass(InsufficientFunds, Exception), Savings.__mro__[1].__name__)
a.locked = False
a.withdraw(1000)
