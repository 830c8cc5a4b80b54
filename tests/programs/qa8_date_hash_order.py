# Dates and times hash as the C datetime module's do (their state bytes; an aware time
# as a timedelta), so sets and dict views of them iterate in CPython's order. The test
# runner and tests/record.sh fix PYTHONHASHSEED=0, which makes bytes hashes stable.
import datetime as dt

holidays = {dt.date(2024, 1, 1), dt.date(2024, 7, 4), dt.date(2024, 12, 25), dt.date(2024, 11, 28), dt.date(2024, 5, 27)}
print(holidays)
week = {dt.date(2024, 3, 4) + dt.timedelta(days=i) for i in range(7)}
print([d.strftime("%a") for d in week])
slots = {dt.time(h, m) for h in (9, 13, 17) for m in (0, 30)}
print(sorted(slots) == sorted(slots, key=str), [t.isoformat("minutes") for t in slots])
aware = {dt.time(12, tzinfo=dt.timezone.utc), dt.time(13, tzinfo=dt.timezone(dt.timedelta(hours=1))), dt.time(8, tzinfo=dt.timezone(dt.timedelta(hours=-5)))}
print(len(aware), aware == {dt.time(12, tzinfo=dt.timezone.utc)})
print(hash(dt.date(2000, 1, 1)) == hash(dt.date(2000, 1, 1)), hash(dt.time(1, fold=1)) == hash(dt.time(1)))
seen = {}
for d in [dt.date(2023, 5, i) for i in (3, 1, 2, 3, 1, 9)]:
    seen[d] = seen.get(d, 0) + 1
print(set(seen), list(seen))
print({dt.datetime(2024, 1, 1, h) for h in range(4)})
print({dt.timedelta(days=i) for i in range(5)})
print(frozenset({dt.date(1999, 12, 31), dt.date(2000, 1, 1)}))
