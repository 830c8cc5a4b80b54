# Ends with an uncaught NameError from a misspelled variable.
def compute(values):
    total = 0
    for v in values:
        total += v
        print("partial", total)
    return result_sum
print(compute([1, 2, 3]))
