# using a keyword as a variable name (common beginner error)
def compute(values):
    result = []
    for v in values:
        result.append(v * 2)
    return result

data = [1, 2, 3]
lambda = compute(data)
print(lambda)
