# building a long string with += (CPython: linear; should use little memory)
s = ""
for i in range(100000):
    s += "x"
print(len(s))
parts = ""
for word in ("alpha beta gamma delta " * 5000).split():
    parts += word[0]
print(len(parts), parts[:8])
