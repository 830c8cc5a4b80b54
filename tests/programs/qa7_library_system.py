import json
from datetime import date, timedelta
class LibraryError(Exception): pass
class NotAvailable(LibraryError): pass
class UnknownMember(LibraryError, KeyError): pass
class Book:
    def __init__(self, isbn, title, author, copies=1):
        self.isbn, self.title, self.author = isbn, title, author
        self.copies = copies
        self.loans = []
    @property
    def available(self): return self.copies - len(self.loans)
    def __str__(self): return f"{self.title} by {self.author} ({self.available}/{self.copies})"
    def __repr__(self): return f"Book({self.isbn!r})"
class Library:
    LOAN_DAYS = 14
    FINE_PER_DAY = 0.25
    def __init__(self):
        self.books, self.members = {}, {}
    def add_book(self, *args, **kw):
        b = Book(*args, **kw); self.books[b.isbn] = b; return b
    def join(self, name): self.members[name] = []
    def lend(self, isbn, member, today):
        if member not in self.members:
            raise UnknownMember(member)
        book = self.books[isbn]
        if book.available <= 0:
            raise NotAvailable(f"{book.title!r} has no copies left")
        due = today + timedelta(days=self.LOAN_DAYS)
        book.loans.append((member, due)); self.members[member].append(isbn)
        return due
    def give_back(self, isbn, member, today):
        book = self.books[isbn]
        for i, (m, due) in enumerate(book.loans):
            if m == member:
                del book.loans[i]
                self.members[member].remove(isbn)
                late = (today - due).days
                return max(0, late) * self.FINE_PER_DAY
        raise LibraryError(f"{member} did not borrow {isbn}")
    def search(self, text):
        t = text.lower()
        return sorted((b for b in self.books.values() if t in b.title.lower() or t in b.author.lower()), key=lambda b: b.title)
lib = Library()
lib.add_book("111", "Dune", "Frank Herbert", 2)
lib.add_book("222", "Emma", "Jane Austen")
lib.add_book("333", "Dracula", "Bram Stoker")
for m in ["ann", "ben"]: lib.join(m)
d0 = date(2024, 1, 1)
print("due", lib.lend("111", "ann", d0), lib.lend("111", "ben", d0))
for action in [lambda: lib.lend("111", "ann", d0), lambda: lib.lend("222", "zoe", d0), lambda: lib.give_back("222", "ann", d0)]:
    try:
        action()
    except NotAvailable as e:
        print("not available:", e)
    except KeyError as e:
        print("unknown member:", e, isinstance(e, LibraryError))
    except LibraryError as e:
        print("library error:", e)
print("fine", lib.give_back("111", "ann", d0 + timedelta(days=20)))
print("fine", lib.give_back("111", "ben", d0 + timedelta(days=10)))
print([str(b) for b in lib.search("d")], lib.search("austen"))
print(json.dumps({k: v for k, v in lib.members.items()}), json.dumps({b.isbn: b.available for b in lib.books.values()}, indent=1))
lib.lend("999", "ann", d0)
