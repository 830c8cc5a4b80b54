# Ends with an uncaught ValueError from int() on bad input.
raw = ["12", "7", " 30 ", "-4", "3.5"]
nums = []
for r in raw:
    n = int(r)
    nums.append(n)
    print("parsed", repr(r), "->", n, "sum so far", sum(nums))
