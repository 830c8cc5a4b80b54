print("Enter your name:")
try:
    name = input("> ")
except EOFError:
    name = "anonymous"
print("hello", name)
total = 0
while True:
    try:
        line = input()
    except EOFError:
        break
    total += int(line)
print("total", total)
age = int(input("age? "))
