# print() with sep, end, multiple arguments, and flush.
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("a", "b", sep="\n")
print("no newline", end="")
print(" -- continued")
print("x", end="|")
print("y", end="|\n")
print(1, 2.5, None, True, [1], {"k": "v"}, (1,), sep=" ; ")
print(*range(5), sep="-", end=".\n")
print("", end="")
print("empty sep", sep="")
print("sep None", "works", sep=None)
print("end None", end=None)
print("flush", flush=True)
for i in range(3):
    print(i, end=" ")
print()
print("multi\nline\nstring")
print("tab\tseparated\tvalues")
print("unicode: αβγ €  日本語 😀")
rows = [("id", "name", "score"), (1, "ann", 93.5), (2, "bob", 78.25), (3, "cy", 88.0)]
for r in rows:
    print(*r, sep="\t")
for r in rows[1:]:
    print(f"{r[0]:>3}", f"{r[1]:<6}", f"{r[2]:6.1f}", sep="|")
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", end=[])
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", bogus=1)
except TypeError as e:
    print("TypeError:", e)
class S:
    def __str__(self):
        return "custom __str__"
print(S(), [S()] if False else "list skipped", str(S()))
print("%d%%" % 50, end="\n\n")
print("after blank line")
import sys
sys.stdout.write("written directly\n")
print(sys.stdout.write("abc") , "<- chars written")
