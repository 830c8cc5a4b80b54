# Ends with an uncaught StopIteration from next() on an exhausted iterator.
it = iter(["alpha", "beta"])
print(next(it))
print(next(it))
print(next(it, "default avoids the error"))
print(next(it))
