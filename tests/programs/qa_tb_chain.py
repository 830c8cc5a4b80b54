# traceback ending the program, with context chaining through functions
class DataError(Exception):
    pass

def load(rows):
    out = []
    for r in rows:
        out.append(parse(r))
    return out

def parse(row):
    try:
        name, val = row.split(":")
        return name, int(val)
    except ValueError as e:
        raise DataError(f"bad row {row!r}") from e

def summarize(rows):
    data = load(rows)
    try:
        return sum(v for _, v in data) / len(data)
    except ZeroDivisionError:
        print("no data")
        raise

print(summarize(["a:1", "b:2"]))
try:
    summarize([])
except ZeroDivisionError as e:
    print("caught:", e)
def cleanup():
    try:
        summarize(["a:1", "oops"])
    finally:
        print("cleanup ran")
cleanup()
