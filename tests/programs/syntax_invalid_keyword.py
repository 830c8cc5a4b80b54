# A file that fails to parse: a keyword used as an expression.
value = 10
if value > 5
    print("big")
