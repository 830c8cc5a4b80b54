# Ends with an uncaught IndexError walking past the end of a list.
data = [5, 8, 13, 21]
i = 0
while True:
    print("index", i, "value", data[i], "next diff", data[i + 1] - data[i] if i + 1 < len(data) else None)
    i += 1
