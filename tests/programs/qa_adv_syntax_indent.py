# mixed indentation error in the middle of a realistic script
def average(values):
    total = 0
    for v in values:
        total += v
    return total / len(values)

def report(data):
    for key in sorted(data):
        vals = data[key]
        if not vals:
            print(key, "no data")
            continue
        avg = average(vals)
         print(f"{key}: {avg:.2f}")

report({"a": [1, 2, 3], "b": []})
