# date arithmetic by hand: leap years, day of week, month calendars
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
def days_in_month(y, m):
    return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
def day_of_week(y, m, d):
    # Zeller-like (Sakamoto), 0 = Monday
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3:
        y -= 1
    return (y + y // 4 - y // 100 + y // 400 + t[m - 1] + d + 6) % 7
def ordinal(y, m, d):
    days = d
    for yy in range(1, y):
        days += 366 if is_leap(yy) else 365
    for mm in range(1, m):
        days += days_in_month(y, mm)
    return days
def from_ordinal(n):
    y = 1
    while True:
        ylen = 366 if is_leap(y) else 365
        if n <= ylen:
            break
        n -= ylen
        y += 1
    m = 1
    while n > days_in_month(y, m):
        n -= days_in_month(y, m)
        m += 1
    return y, m, n
def month_calendar(y, m):
    lines = [f"{MONTHS[m - 1]} {y}".center(20), " ".join(DAYS)]
    first = day_of_week(y, m, 1)
    cells = ["  "] * first + [f"{d:2d}" for d in range(1, days_in_month(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return "\n".join(lines)
print([y for y in range(1896, 1920) if is_leap(y)], is_leap(2000), is_leap(1900), is_leap(2024))
print(month_calendar(2024, 2))
print(month_calendar(2023, 10))
for date in [(2000, 1, 1), (1969, 7, 20), (2024, 12, 25), (1, 1, 1)]:
    print(date, DAYS[day_of_week(*date)], ordinal(*date))
a = ordinal(2024, 3, 1)
b = ordinal(2023, 3, 1)
print("days between:", a - b, from_ordinal(a + 100), from_ordinal(ordinal(1999, 12, 31) + 1))
def add_months(y, m, d, k):
    total = y * 12 + (m - 1) + k
    ny, nm = divmod(total, 12)
    nm += 1
    return ny, nm, min(d, days_in_month(ny, nm))
print([add_months(2024, 1, 31, k) for k in range(0, 14, 3)], add_months(2024, 1, 15, -13))
fridays13 = [(y, m) for y in range(2020, 2026) for m in range(1, 13) if day_of_week(y, m, 13) == 4]
print(len(fridays13), fridays13[:5])
def fmt_duration(seconds):
    parts = []
    for name, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        q, seconds = divmod(seconds, size)
        if q:
            parts.append(f"{q}{name}")
    return " ".join(parts) or "0s"
print([fmt_duration(s) for s in (0, 59, 61, 3600, 86399, 90061, 10 ** 6)])
print("%02d:%02d:%02d" % (7, 5, 9), "{:02}:{:02}".format(13, 4), f"{2024:04d}-{3:02d}-{1:02d}")
