# 'return' outside function is a SyntaxError reported before anything runs.
print("never printed")
for i in range(3):
    print(i)
return i
