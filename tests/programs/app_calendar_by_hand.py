# Calendar computations by hand: leap years, day of week, month grids, date differences.
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
def days_in_month(y, m):
    return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
def day_of_week(y, m, d):
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
def month_grid(y, m):
    lines = [f"{MONTHS[m - 1]} {y}".center(20), " ".join(DAYS)]
    first = day_of_week(y, m, 1)
    cells = ["  "] * first + [f"{d:2}" for d in range(1, days_in_month(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return "\n".join(lines)
print([y for y in range(1896, 1920) if is_leap(y)], is_leap(2000), is_leap(1900), is_leap(2024))
for date in [(2000, 1, 1), (1969, 7, 20), (2024, 2, 29), (1999, 12, 31), (2038, 1, 19), (1, 1, 1)]:
    print(date, DAYS[day_of_week(*date)])
print(month_grid(2024, 2))
print(month_grid(2023, 10))
a, b = (1969, 7, 20), (2000, 1, 1)
print("days between", a, "and", b, "=", ordinal(*b) - ordinal(*a))
def add_days(y, m, d, n):
    d += n
    while d > days_in_month(y, m):
        d -= days_in_month(y, m)
        m += 1
        if m > 12:
            m, y = 1, y + 1
    return y, m, d
print(add_days(2023, 12, 25, 10), add_days(2024, 2, 20, 10), add_days(2023, 1, 1, 365), add_days(2024, 1, 1, 365))
friday13 = [(y, m) for y in range(2020, 2027) for m in range(1, 13) if day_of_week(y, m, 13) == 4]
print("Friday the 13th:", friday13)
def easter(y):
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return month, day
print([(y, easter(y)) for y in range(2020, 2031)])
