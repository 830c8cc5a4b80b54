# A library management system: books, members, loans, due dates as day numbers, fines, reports.
class LibraryError(Exception):
    pass
class Book:
    def __init__(self, isbn, title, author, copies=1):
        self.isbn, self.title, self.author = isbn, title, author
        self.copies = copies
        self.available = copies
    def __repr__(self):
        return f"Book({self.title!r} by {self.author}, {self.available}/{self.copies})"
class Member:
    MAX_LOANS = 2
    def __init__(self, mid, name):
        self.mid, self.name = mid, name
        self.loans = {}
        self.fines = 0
    def __repr__(self):
        return f"Member({self.name}, loans={sorted(self.loans)}, fines={self.fines})"
class Library:
    LOAN_DAYS = 14
    FINE_PER_DAY = 25
    def __init__(self):
        self.books, self.members = {}, {}
        self.log = []
        self.today = 0
    def add_book(self, *args, **kw):
        b = Book(*args, **kw)
        if b.isbn in self.books:
            self.books[b.isbn].copies += b.copies
            self.books[b.isbn].available += b.copies
        else:
            self.books[b.isbn] = b
    def join(self, mid, name):
        self.members[mid] = Member(mid, name)
    def checkout(self, mid, isbn):
        m = self.members.get(mid)
        b = self.books.get(isbn)
        if m is None or b is None:
            raise LibraryError(f"unknown member or book: {mid}/{isbn}")
        if m.fines > 0:
            raise LibraryError(f"{m.name} owes {m.fines} cents")
        if len(m.loans) >= Member.MAX_LOANS:
            raise LibraryError(f"{m.name} already has {len(m.loans)} loans")
        if isbn in m.loans:
            raise LibraryError(f"{m.name} already borrowed {b.title!r}")
        if b.available == 0:
            raise LibraryError(f"no copies of {b.title!r} available")
        b.available -= 1
        m.loans[isbn] = self.today + self.LOAN_DAYS
        self.log.append((self.today, "out", mid, isbn))
    def checkin(self, mid, isbn):
        m = self.members[mid]
        due = m.loans.pop(isbn)
        self.books[isbn].available += 1
        late = max(0, self.today - due)
        m.fines += late * self.FINE_PER_DAY
        self.log.append((self.today, "in", mid, isbn))
        return late
    def pay(self, mid, amount):
        m = self.members[mid]
        paid = min(amount, m.fines)
        m.fines -= paid
        return m.fines
    def overdue(self):
        return sorted((due, m.name, self.books[i].title) for m in self.members.values() for i, due in m.loans.items() if due < self.today)
lib = Library()
lib.add_book("111", "Dune", "Herbert", copies=2)
lib.add_book("222", "Emma", "Austen")
lib.add_book("333", "Ulysses", "Joyce")
lib.add_book("111", "Dune", "Herbert")
for mid, name in [(1, "ann"), (2, "bob"), (3, "cy")]:
    lib.join(mid, name)
events = [(0, "out", 1, "111"), (0, "out", 1, "222"), (1, "out", 1, "333"), (1, "out", 2, "222"), (2, "out", 2, "111"),
          (2, "out", 3, "111"), (3, "out", 3, "111"), (5, "out", 3, "999"), (10, "in", 1, "222"), (11, "out", 2, "222"),
          (20, "in", 1, "111"), (21, "out", 1, "333"), (22, "pay", 1, 100), (23, "pay", 1, 100), (23, "out", 1, "333"),
          (30, "in", 2, "111")]
for day, action, mid, arg in events:
    lib.today = day
    try:
        if action == "out":
            lib.checkout(mid, arg)
            result = "ok"
        elif action == "in":
            result = f"returned, {lib.checkin(mid, arg)} days late"
        else:
            result = f"paid, remaining fine {lib.pay(mid, arg)}"
    except LibraryError as e:
        result = f"refused: {e}"
    print(f"day {day:2} {action:4} member {mid} {arg!s:4} -> {result}")
lib.today = 40
print("overdue on day 40:", lib.overdue())
for b in lib.books.values():
    print(b)
for m in lib.members.values():
    print(m)
print("log entries:", len(lib.log), lib.log[-3:])
