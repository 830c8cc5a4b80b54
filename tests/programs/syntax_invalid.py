# A file that fails to parse: invalid syntax.
print("this line is never executed")
total = 0
for i in range(10):
    total += i
x = = total
