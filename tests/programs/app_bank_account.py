# A bank account system with custom exceptions, transfers and a statement.
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"account {account.number} has {account.balance}, cannot withdraw {amount}")
        self.account = account
        self.amount = amount
class AccountFrozen(BankError):
    pass
class Account:
    _next_number = 1000
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.number = Account._next_number
        Account._next_number += 1
        self.frozen = False
        self.history = [("open", balance)]
    def _check(self, amount):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")
        if amount <= 0:
            raise ValueError(f"amount must be positive: {amount}")
    def deposit(self, amount):
        self._check(amount)
        self.balance += amount
        self.history.append(("deposit", amount))
        return self.balance
    def withdraw(self, amount):
        self._check(amount)
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self.balance
    def __repr__(self):
        return f"<Account {self.number} {self.owner}: {self.balance}>"
class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.balance = round(self.balance + interest, 2)
        self.history.append(("interest", interest))
        return interest
class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
    def open(self, cls, *args, **kwargs):
        acct = cls(*args, **kwargs)
        self.accounts[acct.number] = acct
        return acct
    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        a.withdraw(amount)
        try:
            b.deposit(amount)
        except BankError:
            a.deposit(amount)
            raise
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank("Krait Savings & Loan")
alice = bank.open(Account, "alice", 100)
bob = bank.open(SavingsAccount, "bob", 250, rate=0.05)
carol = bank.open(Account, "carol")
print(alice, bob, carol)
print("deposit", alice.deposit(50))
print("withdraw", bob.withdraw(20))
operations = [
    ("withdraw", alice, 500),
    ("deposit", carol, -5),
    ("transfer", (alice.number, carol.number), 75),
    ("transfer", (carol.number, 9999), 10),
    ("freeze", carol, None),
    ("transfer", (bob.number, carol.number), 30),
    ("deposit", carol, 1),
]
for op, target, amount in operations:
    try:
        if op == "withdraw":
            target.withdraw(amount)
        elif op == "deposit":
            target.deposit(amount)
        elif op == "transfer":
            bank.transfer(*target, amount)
        elif op == "freeze":
            target.frozen = True
            print("froze", target.number)
            continue
        print("ok:", op, amount)
    except InsufficientFunds as e:
        print("insufficient:", e, "| short by", e.amount - e.account.balance)
    except AccountFrozen as e:
        print("frozen:", e)
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
for year in range(1, 4):
    print("year", year, "interest", bob.add_interest(), "balance", bob.balance)
print("bank total", round(bank.total(), 2))
for acct in bank.accounts.values():
    print(f"statement for {acct.owner} (#{acct.number}, {type(acct).__name__})")
    running = 0
    for kind, amt in acct.history:
        running = running + amt if kind != "withdraw" else running - amt
        print(f"  {kind:<9}{amt:>10.2f}{running:>12.2f}")
