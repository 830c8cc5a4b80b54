# split, rsplit, join and friends.
s = "  the quick  brown\tfox\njumps over   the lazy dog  "
print(s.split())
print(s.split(" "))
print(s.split(None, 2))
print(s.rsplit(None, 2))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 1), "a,b,,c,".rsplit(",", 2))
print("".split(), "".split(","), "   ".split(), "abc".split("abc"))
print("one::two::three".split("::"), "x".split("x"), "aaa".split("a"))
print("1-2-3-4-5".rsplit("-", maxsplit=2), "1-2-3-4-5".split(sep="-", maxsplit=-1))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
words = ["alpha", "beta", "gamma", "delta"]
print(", ".join(words), "".join(words), "-".join("xyz"), " ".join([]))
print("+".join(str(i) for i in range(10)))
print("\n".join(w.upper() for w in words))
try:
    ", ".join([1, 2, 3])
except TypeError as e:
    print("TypeError:", e)
csv = "name,age,city\nAnn,34,Oslo\nBob,27,Lima\nCy,45,Rome"
rows = [line.split(",") for line in csv.splitlines()]
header, data = rows[0], rows[1:]
for r in data:
    print(dict(zip(header, r)))
print(" | ".join(f"{h:^6}" for h in header))
sentence = "It was the best of times, it was the worst of times"
ws = sentence.lower().replace(",", "").split()
print(len(ws), sorted(set(ws)), ws.count("was"))
path = "/usr/local/lib/python3.11/site-packages"
print(path.split("/"), path.rsplit("/", 1)[-1], "/".join(path.split("/")[:3]))
print("a b c".split(" ", 0), "a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h".split())
