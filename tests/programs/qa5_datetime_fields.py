# Invalid dates and times raise CPython's (C module) messages, and isocalendar() has its
# repr; a newcomer's birthday checker.
from datetime import date, datetime, time

cases = [
    lambda: date(2023, 2, 29),
    lambda: date(2024, 2, 29),
    lambda: date(0, 1, 1),
    lambda: date(10000, 1, 1),
    lambda: date(2024, 13, 1),
    lambda: date(2024, 4, 31),
    lambda: date(2024, 1, 1.5),
    lambda: date("2024", 1, 1),
    lambda: datetime(2024, 1, 1, 24),
    lambda: datetime(2024, 1, 1, 1, 60),
    lambda: datetime(2024, 1, 1, 1, 1, 61),
    lambda: time(25),
    lambda: time(1, 2, 3, 1000000),
    lambda: time(fold=2),
    lambda: date(2024, 1, 31).replace(month=2),
    lambda: date(2 ** 40, 1, 1),
    lambda: date(True, True, True),
]
for i, c in enumerate(cases):
    try:
        print(i, repr(c()))
    except (ValueError, TypeError, OverflowError) as e:
        print(i, type(e).__name__, e)
ic = date(2024, 5, 6).isocalendar()
print(ic, ic.year, ic.week, ic.weekday, tuple(ic), datetime(2020, 1, 1).isocalendar())

birthdays = {"ann": (1990, 5, 17), "bob": (1985, 2, 29), "cy": (2001, 11, 31)}
for name, (y, m, d) in birthdays.items():
    try:
        born = date(y, m, d)
    except ValueError as e:
        print(f"{name}: invalid birthday {y}-{m}-{d}: {e}")
        continue
    print(f"{name}: born on a {born:%A}")
date(2023, 2, 29)
