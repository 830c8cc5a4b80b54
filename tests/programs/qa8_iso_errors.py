# date.fromisoformat / time.fromisoformat raise the C module's errors: the field's
# ValueError for a well-formed but invalid date, an unchained one for a malformed string.
import datetime as dt
for s in ["2020-02-30", "2020-13-01", "2020-1-1", "abc", "2021-02-29", "0000-01-01", "2020-02-29"]:
    try:
        print(dt.date.fromisoformat(s))
    except ValueError as e:
        print("ValueError:", e, e.__context__, e.__cause__)
for s in ["25:00", "12:60", "12:30:61", "1:00", "23:59:59.999999", "xx"]:
    try:
        print(dt.time.fromisoformat(s))
    except ValueError as e:
        print("ValueError:", e, e.__context__)
class MyDate(dt.date): pass
print(type(MyDate.fromisoformat("2020-01-02")).__name__)
try:
    {}["x"]
except KeyError:
    try:
        dt.date.fromisoformat("2020-02-31")
    except ValueError as e:
        print(repr(e.__context__))
dt.date.fromisoformat("2023-02-29")
