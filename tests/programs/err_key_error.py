# Ends with an uncaught KeyError from a dict lookup.
inventory = {"apple": 3, "pear": 5, "plum": 0}
orders = ["apple", "pear", "apple", "plum", "x"]
for item in orders:
    inventory[item] -= 1
    print("sold", item, "left", inventory[item])
print("not reached")
