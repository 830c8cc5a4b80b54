# Ends with an uncaught ZeroDivisionError after computing averages.
def average(xs):
    return sum(xs) / len(xs)
groups = {"a": [1, 2, 3], "b": [10, 20], "c": [7], "d": []}
for name, vals in groups.items():
    print(name, vals, "avg =", average(vals))
print("not reached")
