# format_map, index/rindex variants, str methods with start/end, and str multiplication tables.
class Default(dict):
    def __missing__(self, key):
        return "{" + key + "}"
template = "Hello {name}, you are {age} and live in {city}."
print(template.format_map({"name": "Ann", "age": 30, "city": "Oslo"}))
print(template.format_map(Default(name="Bob")))
class Upper:
    def __getitem__(self, k):
        return k.upper()
print("{a}-{bc}-{def}".format_map(Upper()))
try:
    template.format_map({"name": "x"})
except KeyError as e:
    print("KeyError:", e)
s = "the cat and the hat and the bat"
print(s.index("the", 1), s.rindex("the", 0, 20), s.find("and", 10, 20), s.rfind("at", 0, 10), s.count("at", 5, 25))
print(s.startswith("cat", 4), s.endswith("and", 0, 11), s.startswith(("dog", "the")), s[4:].startswith("cat"))
print(s.title(), s.capitalize(), s.upper().lower() == s, s.swapcase()[:10])
print("  ".join(word[::-1] for word in s.split()), s.split(" ", 3), s.rsplit(" ", 3))
print("%-10s|%10s|" % ("left", "right"), "{:<10}|{:>10}|".format("l", "r"), f"{'c':^9}|")
for i in range(1, 6):
    print(" ".join(f"{i * j:3}" for j in range(1, 11)))
print("abc".ljust(6, "."), "abc".rjust(6, "."), "abc".center(7, "."), "-5".zfill(4), "+5".zfill(4))
print("Hello World".replace("o", "0").replace("l", "1"), "aaa".replace("a", "b", 2))
print(",".join(sorted("banana")), "".join(sorted(set("mississippi"))), "x".join(["1"]))
print(str.isdigit("123"), str.isalpha("abc1"), "Σ".lower(), "ß".upper(), "ǆ".title())
print("%s has %d items totalling $%.2f (%s)" % ("cart", 3, 19.989, ["a", "b"]))
print("{0:{fill}{align}{width}}".format("nest", fill="~", align="^", width=12))
print(repr("a\tb".expandtabs(3)), "line\n".rstrip("\n"), " x ".strip() or "empty")
