# unterminated string several lines into the file
names = ["ann", "bob", "cy"]
for n in names:
    print(n.title())
message = "Hello, world
print(message)
