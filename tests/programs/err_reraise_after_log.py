# Ends with a re-raised (bare raise) LookupError subclass after logging.
log = []
def fetch(table, key):
    try:
        return table[key]
    except KeyError:
        log.append(f"missing {key!r}")
        print("log:", log)
        raise
table = {"a": 1, "b": 2}
print(fetch(table, "a"), fetch(table, "b"))
fetch(table, "zzz")
