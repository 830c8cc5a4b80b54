# Ends with ValueError from unpacking the wrong number of values.
rows = ["ann,34", "bob,27", "cy,45,extra"]
for row in rows:
    name, age = row.split(",")
    print(name.title(), int(age) + 1)
