import datetime
from datetime import date, datetime as dt, timedelta, timezone, time

d = date(2024, 2, 28)
print(d, d + timedelta(days=2), d.weekday(), d.isoweekday(), d.isoformat(), d.strftime("%A %d %B %Y"))
print(date(2024, 3, 1) - d, d.replace(year=2023), d.toordinal(), date.fromordinal(738000), date.fromisoformat("2020-01-31"))
t = dt(2023, 12, 31, 23, 59, 30)
print(t + timedelta(seconds=45), t.isoformat(), t.strftime("%Y-%m-%d %H:%M:%S %j %a %b"), t.date(), t.time())
print(dt.strptime("2021-07-04 12:30", "%Y-%m-%d %H:%M"), dt.fromisoformat("2021-07-04T01:02:03.000400"))
td = timedelta(days=1, hours=3, minutes=5, seconds=7, microseconds=11)
print(td, td.total_seconds(), td * 2, td // 3, -td, timedelta(hours=-1), repr(timedelta(0, 5)))
u = dt(2020, 5, 17, 10, 0, tzinfo=timezone.utc)
est = timezone(timedelta(hours=-5), "EST")
print(u, u.astimezone(est), u.tzname(), u.utcoffset(), u.timestamp(), dt.fromtimestamp(0, timezone.utc))
print(time(13, 5, 7, 1234), time(1, 2).isoformat(), t > dt(2023, 1, 1), sorted([date(2020, 1, 2), date(2019, 5, 5)]))
print(repr(d), repr(t), repr(u), tuple(d.isocalendar()), t.timetuple().tm_yday, date(2000, 1, 1).ctime())
print((dt(2024, 1, 1) - dt(2023, 1, 1)).days, timedelta(weeks=1) / timedelta(days=1), dt.max, date.min)
print(f"{t:%H:%M}", format(d, "%d/%m/%y"), dt.combine(d, time(8, 30)), u.replace(tzinfo=None))
