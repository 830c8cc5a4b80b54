# Ends with an exception raised inside a generator while it is being consumed.
def readings():
    for v in [10, 12, 11, -1, 13]:
        if v < 0:
            raise RuntimeError(f"sensor returned invalid reading {v}")
        yield v
total = 0
for r in readings():
    total += r
    print("reading", r, "total", total)
