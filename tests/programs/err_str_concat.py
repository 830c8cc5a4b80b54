# Ends with TypeError: can only concatenate str (not "int") to str.
def label(n):
    return "item-" + n
print(label("a"), label(str(5)))
print(label(7))
