# Ends with an uncaught TypeError from mixing str and int.
parts = ["total", 1, 2, 3]
acc = 0
for p in parts[1:]:
    acc += p
    print("running total", acc)
label = parts[0] + ": "
print(label)
print(acc + label)
