# forgotten colon after a def in the middle of a file
import sys

def greet(name):
    return f"hi {name}"

def shout(name)
    return greet(name).upper()

print(shout("bob"))
sys.exit(0)
