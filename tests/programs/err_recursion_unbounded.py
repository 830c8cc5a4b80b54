# Ends with RecursionError from unbounded recursion.
def depth_probe(n):
    return depth_probe(n + 1) + 1
print("starting unbounded recursion")
depth_probe(0)
