# Ends with UnboundLocalError: a local assigned after use.
count = 10
def bump():
    print("count before:", count)
    count = count + 1
    return count
print("calling bump")
bump()
