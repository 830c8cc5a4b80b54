from datetime import date, datetime, timedelta, time, timezone
d1 = date(2024, 1, 31)
print(d1 + timedelta(days=30), d1 - date(2023, 12, 25), (d1 - date(2023, 12, 25)).days)
print(d1.weekday(), d1.isoweekday(), d1.isocalendar(), d1.strftime("%A %d %B %Y"))
print(d1.replace(day=1), d1.toordinal(), date.fromordinal(738000), date.fromisoformat("2020-02-29"))
dt = datetime(2024, 3, 10, 14, 30, 5, 123456)
print(dt, repr(dt), dt.isoformat(), dt.isoformat(sep=" ", timespec="seconds"))
print(dt.strftime("%Y-%m-%d %H:%M:%S.%f %p %I %j %U %w %y"))
print(datetime.strptime("2023-07-04 09:15", "%Y-%m-%d %H:%M"))
print(datetime.strptime("04/Jul/2023", "%d/%b/%Y").date())
td = timedelta(days=1, hours=25, minutes=61, seconds=3661, microseconds=5)
print(td, repr(td), td.total_seconds(), td.days, td.seconds)
print(timedelta(seconds=-1), timedelta(days=-1, seconds=5), -timedelta(hours=3), abs(timedelta(-2)))
print(timedelta(hours=5) / timedelta(minutes=30), timedelta(hours=5) // 3, timedelta(minutes=7) % timedelta(minutes=2))
print(timedelta(days=1) * 1.5, timedelta(weeks=2) > timedelta(days=13))
birth = date(1990, 6, 15)
today = date(2024, 6, 14)
age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
print("age", age)
start = date(2024, 2, 26)
for i in range(5):
    d = start + timedelta(days=i)
    print(d.isoformat(), d.strftime("%a"), end="; ")
print()
t = time(9, 5, 7)
print(t, t.isoformat(timespec="minutes"), t.replace(hour=23), time(12) > t)
utc = datetime(2024, 1, 1, 12, 0, tzinfo=timezone.utc)
est = timezone(timedelta(hours=-5), "EST")
print(utc, utc.astimezone(est), utc.astimezone(est).tzname(), utc.utcoffset())
print(timezone(timedelta(hours=5, minutes=30)), datetime(2024, 1, 1, tzinfo=est).isoformat())
print(datetime.fromisoformat("2024-05-06T07:08:09+02:00"), datetime.fromtimestamp(0, timezone.utc))
print(utc.timestamp(), datetime(2000, 1, 1) < datetime(2000, 1, 1, 0, 0, 1))
print(datetime.combine(date(2020, 1, 1), time(8, 30)), dt.date(), dt.time())
print(date(2024, 12, 31) - date(2024, 1, 1), date.max, date.min, timedelta.max)
def month_end(y, m):
    nxt = date(y + m // 12, m % 12 + 1, 1)
    return nxt - timedelta(days=1)
print([month_end(2024, m).day for m in range(1, 13)])
try:
    date(2023, 2, 29)
except ValueError as e:
    print(e)
try:
    datetime.strptime("2023-13-01", "%Y-%m-%d")
except ValueError as e:
    print(e)
try:
    date(2020, 1, 1) + 5
except TypeError as e:
    print(e)
try:
    utc - datetime(2024, 1, 1)
except TypeError as e:
    print(e)
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 1)]))
print({date(2020, 1, 1): "ny"}[date(2020, 1, 1)], hash(timedelta(0)) == hash(timedelta()))
print(format(dt, "%H:%M"), f"{td}", str(timedelta(microseconds=1500)), timedelta(0.5))
