# implicit exception context in traceback output
def risky(d, k):
    try:
        return d[k]
    except KeyError:
        return int(k)

print(risky({"a": 1}, "a"))
print(risky({}, "5"))
risky({}, "five")
