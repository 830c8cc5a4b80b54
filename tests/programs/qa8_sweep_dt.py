import datetime as dt
D, T, DT, TD, TZ = dt.date, dt.time, dt.datetime, dt.timedelta, dt.timezone
exprs = r'''
D(2020, 1, 1).replace(month=13)
D(0, 1, 1)
D(10000, 1, 1)
D("2020", 1, 1)
D(2020.0, 1, 1)
D(2020, 1)
D.fromisoformat("2020-1-1")
D.fromisoformat(20200101)
D.fromisoformat("2020-01-01T00:00")
D.fromtimestamp("x")
D.fromisocalendar(2020, 54, 1)
D.fromisocalendar(2020, 1, 8)
D(2020, 1, 1) - 5
D(2020, 1, 1) < 5
D(2020, 1, 1) == 5
D(2020, 1, 1).ctime()
D(2020, 1, 1).timetuple()
D.today() > D(2000, 1, 1)
T(24)
T(1, 2, 3, 1000000)
T(-1)
T(1, fold=2)
T(1, tzinfo=5)
T.fromisoformat("12:30:45.123")
T(12, 30).isoformat(timespec="bogus")
T(1) < T(1, tzinfo=TZ.utc)
T(1) + TD(1)
T(5, 6, 7).strftime("%H-%M-%S %p")
DT(2020, 1, 1, 25)
DT(2020, 1, 1) + 1
DT(2020, 1, 1) - TD(days=1, hours=1)
DT(2020, 1, 1).timestamp() > 0
DT(2020, 1, 1, tzinfo=TZ.utc) - DT(2020, 1, 1)
DT(2020, 1, 1, tzinfo=TZ.utc) == DT(2020, 1, 1)
DT.fromisoformat("2020-01-01 10:00:00.5+05:30")
DT.fromisoformat("2020-01-01X10:00")
DT.fromisoformat("not a date")
DT.strptime("2020", "%Y %m")
DT.strptime("2020-02-30", "%Y-%m-%d")
DT(2020, 1, 1).astimezone(5)
DT(2020, 1, 1, 12).strftime("%I:%M %p on %A, %B %d")
DT.max + TD(1)
DT.min - TD(1)
DT(2020, 3, 8, 2, 30).replace(hour=26)
TD(1, 2, 3, 4, 5, 6, 7)
TD(seconds="1")
TD(days="3")
TD("3")
TD(hours=[1])
TD(weeks=None)
TD(1, minutes="2", seconds="1")
TD(days=True, hours=1.5)
TD(1) / TD(0)
TD(1) // 0
TD(1) * TD(1)
TD(1) + 1
TD(hours=-1).total_seconds()
str(TD(days=-1, hours=1))
repr(TD(days=2, seconds=5, microseconds=3))
repr(TD())
TD(days=1).days
abs(TD(days=-3))
divmod(TD(hours=25), TD(days=1))
TD(minutes=1) < 60
TZ(TD(hours=25))
TZ(5)
TZ(TD(hours=1), 5)
TZ(TD(hours=1)).utcoffset(None)
str(TZ(TD(hours=-3, minutes=-30)))
repr(TZ(TD(hours=2), "EET"))
TZ.utc.tzname(None)
repr(D(2020, 1, 1))
repr(DT(2020, 1, 1, 0, 0, 0, 1, tzinfo=TZ.utc))
repr(T(1, tzinfo=TZ(TD(hours=1))))
D(2020, 5, 17).isocalendar().week
DT(2020, 5, 17, 1, 2).isocalendar()
format(D(2020, 1, 1), "")
format(DT(2020, 1, 1), "%Y!")
'''
for line in exprs.strip().splitlines():
    try:
        r = eval(line)
        print(f"{line} -> {r!r}")
    except Exception as e:
        print(f"{line} !! {type(e).__name__}: {e}")
