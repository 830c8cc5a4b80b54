# A file that fails to parse: an unclosed parenthesis.
print("this line is never executed")
x = (1 + 2
y = 3
