# interactive-style program run with empty stdin
import sys
def ask(prompt, default):
    try:
        ans = input(prompt)
    except EOFError:
        print()
        print(f"(no input, using default {default!r})")
        return default
    return ans.strip() or default
name = ask("Your name? ", "stranger")
age = int(ask("Your age? ", "30"))
print(f"Hello {name}, next year you'll be {age + 1}.")
lines = sys.stdin.readlines()
print("stdin lines:", lines)
count = 0
for line in sys.stdin:
    count += 1
print("iterated", count)
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
menu = {"1": "add", "2": "list", "q": "quit"}
while True:
    try:
        choice = input("> ")
    except EOFError:
        print("\nEOF -> quitting")
        break
    if menu.get(choice) == "quit":
        break
total = 0
while True:
    try:
        total += int(input())
    except EOFError:
        break
    except ValueError:
        continue
print("total", total)
data = input("last prompt: ")
